import { FRAMEWORK_CASES, SURVEY_CASES } from './test-support/subtree-cases-surveys.js';
import { describeSubtreeMatrix } from './test-support/subtree-matrix.js';

describeSubtreeMatrix('surveys and frameworks', [...SURVEY_CASES, ...FRAMEWORK_CASES]);
