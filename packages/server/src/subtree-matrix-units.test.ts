import { UNIT_CASES } from './test-support/subtree-cases-units.js';
import { describeSubtreeMatrix } from './test-support/subtree-matrix.js';

describeSubtreeMatrix("a unit's offices, monitoring, plans and tasks", UNIT_CASES);
