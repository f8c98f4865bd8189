import { signInConcurrency } from './sign-in-concurrency.js';
import { envInt, seeded } from './seeded.js';

const seed = envInt('CHISO_RELIABILITY_SEED', 13);
const random = seeded(seed);
console.log(await signInConcurrency('pglite', random, { attempts: 60 }));
console.log(await signInConcurrency('postgres', random, { attempts: 60, baseUrl: process.env.CHISO_BENCH_DATABASE_URL }));
