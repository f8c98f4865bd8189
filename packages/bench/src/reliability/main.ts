import { mutatedImports } from './mutated-imports.js';
import { envInt, seeded } from './seeded.js';

const seed = envInt('CHISO_RELIABILITY_SEED', 13);
const random = seeded(seed);
console.log(await mutatedImports('pglite', random, { files: envInt('N', 42), timeoutMs: 20_000 }));
