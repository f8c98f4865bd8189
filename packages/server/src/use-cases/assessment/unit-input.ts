import { Decimal, type UnitInput } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import type { UnitRow } from '../../repositories/units.js';
import { NO_SURVEYS, type SurveyOverride } from '../survey-results/period-surveys.js';

/**
 * A unit's data for the core. "self": what the unit entered. "effective": appraised points
 * where the appraiser set them, the unit's own facts elsewhere.
 *
 * Leaves fed by the period's surveys take the facts counted from the answers in both phases,
 * whatever the unit typed or the appraiser set there: a unit does not score its own survey,
 * and its self-assessment shows the survey's points so that it sees what they will be. A fed
 * leaf without answers yet is missing (0 points) rather than falling back to typed figures.
 */
export function unitInputOf(
  unit: UnitRow,
  entries: readonly EntryRow[],
  phase: 'self' | 'effective',
  surveys: SurveyOverride = NO_SURVEYS,
): UnitInput {
  const points = new Map<string, Decimal>();
  const facts = new Map<string, unknown>();
  for (const entry of entries) {
    if (surveys.leaves.has(entry.code)) continue;
    if (phase === 'effective' && entry.appraisedPoints !== null) {
      points.set(entry.code, Decimal.of(entry.appraisedPoints));
    } else if (entry.facts !== null) {
      facts.set(entry.code, entry.facts);
    }
  }
  for (const [code, surveyFacts] of surveys.facts) facts.set(code, surveyFacts);
  return {
    id: unit.id,
    name: unit.name,
    group: unit.peerGroup,
    type: unit.type,
    points,
    facts,
    notApplicable: new Set(),
  };
}
