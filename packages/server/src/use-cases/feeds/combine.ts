import type { SurveyOverride } from '../survey-results/period-surveys.js';

/**
 * Leaves fed from outside the unit's own entries (surveys, lower units' results, …) as one
 * override: the union of the fed leaves and of their facts. A leaf is fed by one source only in
 * practice; should two name it, the later one's facts win.
 */
export function combineOverrides(...overrides: readonly SurveyOverride[]): SurveyOverride {
  const nonEmpty = overrides.filter((o) => o.leaves.size > 0);
  if (nonEmpty.length <= 1)
    return nonEmpty[0] ?? overrides[0] ?? { leaves: new Set(), facts: new Map() };
  const leaves = new Set<string>();
  const facts = new Map<string, unknown>();
  for (const o of nonEmpty) {
    for (const code of o.leaves) leaves.add(code);
    for (const [code, value] of o.facts) facts.set(code, value);
  }
  return { leaves, facts };
}
