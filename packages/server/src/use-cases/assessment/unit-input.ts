import { Decimal, type Framework, type UnitInput } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import type { UnitRow } from '../../repositories/units.js';
import { NO_SURVEYS, type SurveyOverride } from '../survey-results/period-surveys.js';
import { appraisalNote, type AppraisalKind } from './appraisal-outcome.js';

/**
 * A unit's data for the core. "self": what the unit entered. "effective": the appraisal's
 * outcome where the leaf is appraised (accepted or corrected facts evaluated by the rule again,
 * points set directly, or no points), the unit's own facts elsewhere.
 *
 * Leaves fed by the period's surveys take the facts counted from the answers in both phases,
 * whatever the unit typed or the appraiser set there: a unit does not score its own survey,
 * and its self-assessment shows the survey's points so that it sees what they will be. A fed
 * leaf without answers yet is missing (0 points) rather than falling back to typed figures.
 */
export function unitInputOf(
  framework: Framework,
  unit: UnitRow,
  entries: readonly EntryRow[],
  phase: 'self' | 'effective',
  surveys: SurveyOverride = NO_SURVEYS,
): UnitInput {
  const points = new Map<string, Decimal>();
  const facts = new Map<string, unknown>();
  const notes = new Map<string, string>();
  for (const entry of entries) {
    if (surveys.leaves.has(entry.code)) continue;
    const kind = entry.appraisalKind as AppraisalKind | null;
    if (phase === 'self' || kind === null) {
      if (entry.facts !== null) facts.set(entry.code, entry.facts);
      continue;
    }
    const node = framework.byCode.get(entry.code);
    const note = node && appraisalNote(node, entry);
    if (note !== undefined) notes.set(entry.code, note);
    if ((kind === 'accepted' || kind === 'facts') && entry.appraisedFacts !== null) {
      facts.set(entry.code, entry.appraisedFacts);
    } else if (kind === 'points') {
      points.set(entry.code, Decimal.of(entry.appraisedPoints ?? '0'));
    }
  }
  for (const [code, surveyFacts] of surveys.facts) facts.set(code, surveyFacts);
  for (const [code, note] of surveys.notes ?? []) notes.set(code, note);
  return {
    id: unit.id,
    name: unit.name,
    group: unit.peerGroup,
    type: unit.type,
    points,
    facts,
    notApplicable: new Set(),
    notes,
  };
}
