import {
  checkWindow,
  DomainError,
  ERROR_CODES,
  type AccessTarget,
  type TimeWindow,
  type WindowKind,
  unitTypeLabel,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  frameworksOfPeriod,
  loadFramework,
  type StoredFramework,
} from '../../repositories/frameworks.js';
import {
  assignedUnitIds,
  findParticipation,
  findPeriod,
  listExtensions,
  listWindows,
  lockParticipation,
  type ParticipationRow,
  type PeriodRow,
} from '../../repositories/periods.js';
import { findUnit, type UnitRow } from '../../repositories/units.js';
import { withinOf } from '../reach.js';

/** Everything a step on one unit's assessment needs to decide. */
export interface UnitScope {
  period: PeriodRow;
  unit: UnitRow;
  participation: ParticipationRow;
  stored: StoredFramework;
  windows: TimeWindow[];
  /** Later closes granted to this unit, per window. */
  extensions: Map<WindowKind, number>;
}

const notFound = (message: string) => new DomainError(ERROR_CODES.NOT_FOUND, message);

/**
 * Loads a unit's scope in a period; with `lock`, its participation is locked until commit
 * (`true` or "update" to change its step, "share" to write a leaf that depends on the step).
 */
export async function loadUnitScope(
  db: Db,
  periodId: string,
  unitId: string,
  lock: boolean | 'update' | 'share' = false,
): Promise<UnitScope> {
  const period = await findPeriod(db, periodId);
  if (!period) throw notFound('Không tìm thấy kỳ đánh giá');
  const participation =
    lock === false
      ? await findParticipation(db, periodId, unitId)
      : await lockParticipation(db, periodId, unitId, lock === 'share' ? 'share' : 'update');
  if (!participation) throw notFound('Đơn vị không tham gia kỳ đánh giá này');
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const link = (await frameworksOfPeriod(db, periodId)).find((f) => f.unitType === unit.type);
  const stored = link ? await loadFramework(db, link.frameworkId) : undefined;
  if (!stored)
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Kỳ đánh giá chưa có bộ chỉ số cho loại đơn vị "${unitTypeLabel(unit.type)}"`,
    );
  const extensions = new Map(
    (await listExtensions(db, periodId))
      .filter((e) => e.unitId === unitId)
      .map((e) => [e.kind as WindowKind, e.closesAt.getTime()]),
  );
  return {
    period,
    unit,
    participation,
    stored,
    windows: await listWindows(db, periodId),
    extensions,
  };
}

export function windowOpen(
  scope: Pick<UnitScope, 'windows' | 'extensions'>,
  kind: WindowKind,
  now: Date,
) {
  return checkWindow(
    scope.windows.find((w) => w.kind === kind),
    now.getTime(),
    kind,
    scope.extensions.get(kind),
  );
}

/** WINDOW_CLOSED with the reason (which window, when it closed), unless the window is open. */
export function requireWindow(scope: UnitScope, kind: WindowKind, now: Date): void {
  const check = windowOpen(scope, kind, now);
  if (!check.open) throw new DomainError(ERROR_CODES.WINDOW_CLOSED, check.reason);
}

export function requireOpenPeriod(scope: UnitScope): void {
  if (scope.period.status !== 'open') {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Kết quả kỳ đánh giá đã được thông qua; không thể thay đổi',
    );
  }
}

/** The access target for a unit in a period: the appraiser's assignments are looked up. */
export async function accessTarget(
  ctx: UseCaseContext,
  periodId: string,
  unitId: string,
): Promise<AccessTarget> {
  const within = await withinOf(ctx, { periodId });
  if (ctx.actor?.role !== 'appraiser') return { unitId, within };
  return {
    unitId,
    within,
    assignedUnitIds: await assignedUnitIds(ctx.deps.db, periodId, ctx.actor.userId),
  };
}
