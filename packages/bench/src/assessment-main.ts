import { benchAssessment } from './assessment-bench.js';

// The assessment page's figures alone: node packages/bench/dist/assessment-main.js after a build.
process.stdout.write(`${await benchAssessment()}\n`);
