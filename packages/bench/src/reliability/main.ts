import { killDurability, KILL_WINDOW_MS } from './kill-durability.js';
import { envInt, seeded } from './seeded.js';

const seed = envInt('CHISO_RELIABILITY_SEED', 13);
const random = seeded(seed);
const baseUrl = process.env.CHISO_BENCH_DATABASE_URL;
const d = await killDurability('pglite', random, { runs: 1, writers: 8, killAfterMs: KILL_WINDOW_MS });
console.log(d);
if (baseUrl) console.log(await killDurability('postgres', random, { runs: 1, writers: 8, killAfterMs: KILL_WINDOW_MS, baseUrl }));
