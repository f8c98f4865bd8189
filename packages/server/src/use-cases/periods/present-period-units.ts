import {
  PARTICIPATION_LABELS,
  UNIT_ROLES,
  type Actor,
  type ParticipationStatus,
  type WindowKind,
} from '@chiso/core';
import type { ParticipationRow } from '../../repositories/periods.js';
import type { UnitRow } from '../../repositories/units.js';
import type { UserRow } from '../../repositories/users.js';

export interface PeriodUnitsInput {
  actor: Pick<Actor, 'role' | 'unitId' | 'userId'>;
  participations: readonly ParticipationRow[];
  assignments: readonly { unitId: string; appraiserId: string }[];
  extensions: readonly { unitId: string; kind: string; closesAt: Date; reason: string }[];
  units: readonly Pick<UnitRow, 'id' | 'name' | 'type' | 'peerGroup'>[];
  /** The accounts, for the appraisers' names (read by an administrator only). */
  users: readonly Pick<UserRow, 'id' | 'fullName'>[];
}

function groupByUnit<T extends { unitId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byUnit = new Map<string, T[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId);
    if (list === undefined) byUnit.set(row.unitId, [row]);
    else list.push(row);
  }
  return byUnit;
}

/**
 * The units taking part in a period as its page lists them, each with its extensions and (for
 * an administrator) its appraisers. Assignments, extensions and accounts are grouped once: a
 * province's 4.000 communes would otherwise each search the whole period's lists.
 */
export function presentPeriodUnits(input: PeriodUnitsInput) {
  const { actor } = input;
  const assigned = groupByUnit(input.assignments);
  const extended = groupByUnit(input.extensions);
  const mine = new Set<string>();
  for (const a of input.assignments) if (a.appraiserId === actor.userId) mine.add(a.unitId);
  const sees = (unitId: string) => {
    if (actor.role === 'administrator' || actor.role === 'councilMember') return true;
    if (UNIT_ROLES.includes(actor.role)) return unitId === actor.unitId;
    if (actor.role === 'appraiser') return mine.has(unitId);
    return false;
  };
  const unitOf = new Map(input.units.map((u) => [u.id, u]));
  const nameOf = new Map<string, string>();
  for (const u of input.users) if (!nameOf.has(u.id)) nameOf.set(u.id, u.fullName);
  return input.participations
    .filter((p) => sees(p.unitId))
    .map((p) => ({
      unitId: p.unitId,
      name: unitOf.get(p.unitId)?.name ?? p.unitId,
      type: unitOf.get(p.unitId)?.type ?? null,
      peerGroup: unitOf.get(p.unitId)?.peerGroup ?? null,
      status: p.status,
      statusLabel: PARTICIPATION_LABELS[p.status as ParticipationStatus] ?? p.status,
      submittedAt: p.submittedAt,
      appraisedAt: p.appraisedAt,
      finalisedAt: p.finalisedAt,
      extensions: (extended.get(p.unitId) ?? []).map((e) => ({
        kind: e.kind as WindowKind,
        closesAt: e.closesAt,
        reason: e.reason,
      })),
      appraisers:
        actor.role === 'administrator'
          ? (assigned.get(p.unitId) ?? []).map((a) => ({
              id: a.appraiserId,
              fullName: nameOf.get(a.appraiserId) ?? '',
            }))
          : undefined,
    }));
}
