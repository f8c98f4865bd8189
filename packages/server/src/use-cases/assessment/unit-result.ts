import { computeResults, type Framework, type ResultsPolicy, type UnitResult } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import type { UnitRow } from '../../repositories/units.js';
import type { SurveyOverride } from '../survey-results/period-surveys.js';
import { unitInputOf } from './unit-input.js';

/**
 * One unit's result computed by the core from its entries: the unit's own points ("self") or
 * the effective ones ("effective": appraised where set, the unit's own elsewhere). Survey-fed
 * leaves take the points counted from the period's answers.
 */
export function unitResultOf(
  stored: { framework: Framework; policy: ResultsPolicy },
  unit: UnitRow,
  entries: readonly EntryRow[],
  phase: 'self' | 'effective',
  surveys: SurveyOverride,
): UnitResult {
  const input = unitInputOf(stored.framework, unit, entries, phase, surveys);
  const results = computeResults({
    framework: stored.framework,
    policy: stored.policy,
    units: [input],
  });
  const result = results.units[0];
  if (!result) throw new Error(`no result computed for unit ${unit.id}`);
  return result;
}
