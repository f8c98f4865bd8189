import { benchResultsRanking } from './results-ranking-bench.js';

// This figure alone (decision 0048), without the rest of `npm run bench`.
process.stdout.write(`${await benchResultsRanking()}\n`);
