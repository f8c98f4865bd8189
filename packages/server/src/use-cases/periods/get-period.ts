import {
  DomainError,
  ERROR_CODES,
  PERIOD_LABELS,
  UNIT_ROLES,
  type PeriodStatus,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { frameworksOfPeriod } from '../../repositories/frameworks.js';
import {
  findPeriod,
  listAssignments,
  listExtensions,
  listParticipations,
  listPeriods,
  listPeriodsOfUnit,
  listWindows,
  type PeriodRow,
} from '../../repositories/periods.js';
import { findUnits, listUnits } from '../../repositories/units.js';
import { listUsers } from '../../repositories/users.js';
import { presentWindows } from '../assessment/get-assessment.js';
import { requireActor } from '../authorize.js';
import { inReach, reachOf, requirePeriodInReach } from '../reach.js';
import { isPublicNow } from '../public-results/public-now.js';
import { presentPeriodUnits } from './present-period-units.js';

/**
 * A period as listed: its state in words, the council's decision, when it was published, and
 * who runs it (`ownerName` names the owning unit; the install's own periods have none).
 */
export function presentPeriod(
  row: PeriodRow,
  ownerName: (unitId: string) => string | undefined = () => undefined,
) {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    status: row.status,
    statusLabel: PERIOD_LABELS[row.status as PeriodStatus] ?? row.status,
    councilDecisionNumber: row.councilDecisionNumber,
    councilDecisionDate: row.councilDecisionDate,
    approvedAt: row.approvedAt,
    publishedAt: row.publishedAt,
    publicFrom: row.publicFrom,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitId === null ? null : (ownerName(row.ownerUnitId) ?? null),
  };
}

/** The names of the units that own `rows`, for `presentPeriod`. */
export async function ownerNamesOf(db: Db, rows: readonly PeriodRow[]) {
  const ids = [...new Set(rows.flatMap((p) => (p.ownerUnitId === null ? [] : [p.ownerUnitId])))];
  const found = ids.length === 0 ? [] : await findUnits(db, ids);
  const names = new Map(found.map((u) => [u.id, u.name]));
  return (unitId: string) => names.get(unitId);
}

/**
 * Published periods: to every account all of them, as soon as they are published; without an
 * account only those whose opening time has come (the embargo, decision 0022).
 */
export async function listPublishedPeriods(ctx: UseCaseContext) {
  const rows = (await listPeriods(ctx.deps.db)).filter((p) =>
    ctx.actor === undefined ? isPublicNow(p, ctx.now) : p.status === 'published',
  );
  const owners = await ownerNamesOf(ctx.deps.db, rows);
  return rows.map((p) => presentPeriod(p, owners));
}

export async function listAllPeriods(ctx: UseCaseContext) {
  const actor = requireActor(ctx);
  // A unit's people work in the periods their unit takes part in; another unit's period has
  // nothing of theirs to open (its assessment answers "not found").
  const rows =
    UNIT_ROLES.includes(actor.role) && actor.unitId
      ? await listPeriodsOfUnit(ctx.deps.db, actor.unitId)
      : await listPeriods(ctx.deps.db);
  // A unit's secretariat lists the periods run inside its subtree (decision 0024).
  const reach = await reachOf(ctx);
  const reached = rows.filter((p) => inReach(reach, p.ownerUnitId));
  const owners = await ownerNamesOf(ctx.deps.db, reached);
  return reached.map((p) => presentPeriod(p, owners));
}

/**
 * A period with its windows, frameworks and the units taking part. Each person sees the units
 * they may: administrators and the council all, appraisers theirs, a unit itself.
 */
export async function getPeriod(ctx: UseCaseContext, periodId: string) {
  const actor = requireActor(ctx);
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  await requirePeriodInReach(ctx, period);
  const [windows, extensions, links, participations, assignments, units, users] = await Promise.all(
    [
      listWindows(db, periodId),
      listExtensions(db, periodId),
      frameworksOfPeriod(db, periodId),
      listParticipations(db, periodId),
      listAssignments(db, periodId),
      listUnits(db),
      actor.role === 'administrator' ? listUsers(db) : Promise.resolve([]),
    ],
  );
  const unitName = new Map(units.map((u) => [u.id, u]));
  return {
    ...presentPeriod(period, (id) => unitName.get(id)?.name),
    windows: presentWindows({ windows, extensions: new Map() }, ctx.now),
    frameworks: links.map((l) => ({ unitType: l.unitType, frameworkId: l.frameworkId })),
    units: presentPeriodUnits({ actor, participations, assignments, extensions, units, users }),
  };
}
