import { Decimal, type UnitInput } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import type { UnitRow } from '../../repositories/units.js';

/**
 * A unit's data for the core. "self": what the unit entered. "effective": appraised points
 * where the appraiser set them, the unit's own facts elsewhere.
 */
export function unitInputOf(
  unit: UnitRow,
  entries: readonly EntryRow[],
  phase: 'self' | 'effective',
): UnitInput {
  const points = new Map<string, Decimal>();
  const facts = new Map<string, unknown>();
  for (const entry of entries) {
    if (phase === 'effective' && entry.appraisedPoints !== null) {
      points.set(entry.code, Decimal.of(entry.appraisedPoints));
    } else if (entry.facts !== null) {
      facts.set(entry.code, entry.facts);
    }
  }
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
