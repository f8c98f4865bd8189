import { actionsOf, can, DomainError, ERROR_CODES, UNIT_ROLES, type Framework } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { frameworksOfPeriod, loadFramework } from '../../repositories/frameworks.js';
import { findPeriod, listParticipations } from '../../repositories/periods.js';
import { listTargets } from '../../repositories/surveys.js';
import { listUnits } from '../../repositories/units.js';
import { requireActor } from '../authorize.js';
import { loadPeriodSurveys } from './period-surveys.js';
import {
  leafRows,
  rateRows,
  sipasRows,
  type LeafRow,
  type RateRow,
  type SipasRow,
} from './present-survey-results.js';
import { requirePeriodInReach, withinOf } from '../reach.js';

export interface SurveyResults {
  period: { id: string; name: string; year: number };
  /** When the answers were last counted (ISO); null if never. */
  computedAt: string | null;
  rates: RateRow[];
  leaves: LeafRow[];
  sipas: SipasRow[];
}

/**
 * A period's survey results from the last tallies: response rates against the sampling plan,
 * the points of every survey-fed leaf (computed as the period's results count them), and the
 * SIPAS indices against their targets. Administrators and the council see every unit; a
 * unit's officer and head only their own unit.
 */
export async function readSurveyResults(
  ctx: UseCaseContext,
  periodId: string,
): Promise<SurveyResults> {
  const actor = requireActor(ctx);
  if (!actionsOf(actor.role).includes('readSurveyResults')) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Bạn không có quyền xem kết quả khảo sát');
  }
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  await requirePeriodInReach(ctx, period);
  const ownUnit = UNIT_ROLES.includes(actor.role) ? (actor.unitId ?? '') : undefined;
  const data = await loadPeriodSurveys(db, periodId, ownUnit);
  const targets = new Map<string, Map<string, number>>();
  for (const { row } of data.surveys) {
    const rows = await listTargets(db, row.id);
    targets.set(row.id, new Map(rows.map((t) => [t.unitId, t.target])));
  }
  const frameworks = new Map<string, Framework>();
  const types = new Set(data.surveys.map((s) => s.row.ratedUnitType));
  for (const link of await frameworksOfPeriod(db, periodId)) {
    if (!types.has(link.unitType)) continue;
    const stored = await loadFramework(db, link.frameworkId);
    if (stored) frameworks.set(link.unitType, stored.framework);
  }
  const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
  const within = await withinOf(ctx, { periodId });
  const taking = new Set((await listParticipations(db, periodId)).map((p) => p.unitId));
  const scope = {
    data,
    targets,
    units,
    taking,
    frameworks,
    visible: (unitId: string) => can(actor, 'readSurveyResults', { unitId, within }),
  };
  return {
    period: { id: period.id, name: period.name, year: period.year },
    computedAt: data.computedAt?.toISOString() ?? null,
    rates: rateRows(scope),
    leaves: leafRows(scope),
    sipas: sipasRows(scope),
  };
}
