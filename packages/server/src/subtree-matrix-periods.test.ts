import { ASSESSMENT_CASES, PERIOD_CASES } from './test-support/subtree-cases-periods.js';
import { describeSubtreeMatrix } from './test-support/subtree-matrix.js';

describeSubtreeMatrix('periods and assessments', [...PERIOD_CASES, ...ASSESSMENT_CASES]);
