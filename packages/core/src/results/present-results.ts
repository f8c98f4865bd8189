import type { Framework } from '../framework/framework.js';
import type { Results } from './compute-results.js';
import { presentFramework, presentUnitDetail, presentUnitSummary } from './present-unit.js';

export { PERCENT_OUTPUT_DECIMALS } from './present-unit.js';

/**
 * The full JSON result, built whole: every unit with every node and its lost points. The
 * server stores and serves it; the command line writes the same pieces unit by unit instead.
 */
export function presentResults(framework: Framework, results: Results) {
  return {
    framework: presentFramework(framework),
    units: results.units.map((unit) => ({
      ...presentUnitSummary(unit),
      ...presentUnitDetail(framework, unit),
    })),
  };
}

export type ResultsJson = ReturnType<typeof presentResults>;
