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
import { frameworkAt } from '../../repositories/framework-at.js';
import type { StoredFramework } from '../../repositories/frameworks.js';
import {
  assignedUnitIds,
  lockParticipation,
  type ParticipationRow,
  type PeriodRow,
} from '../../repositories/periods.js';
import { readUnitScope } from '../../repositories/unit-scope.js';
import type { UnitRow } from '../../repositories/units.js';
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
 * One statement reads it all with the framework's version; the framework itself comes built
 * from the process's cache of versions (repositories/framework-at.ts).
 */
export async function loadUnitScope(
  db: Db,
  periodId: string,
  unitId: string,
  lock: boolean | 'update' | 'share' = false,
): Promise<UnitScope> {
  // The lock comes first: what is read after it is what the step then decides on.
  const locked =
    lock === false
      ? undefined
      : await lockParticipation(db, periodId, unitId, lock === 'share' ? 'share' : 'update');
  const row = await readUnitScope(db, periodId, unitId);
  if (!row) throw notFound('Không tìm thấy kỳ đánh giá');
  const participation = locked ?? row.participation;
  if (!participation) throw notFound('Đơn vị không tham gia kỳ đánh giá này');
  const unit = row.unit;
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const stored =
    row.frameworkId !== null && row.frameworkVersion !== null
      ? await frameworkAt(db, row.frameworkId, row.frameworkVersion)
      : undefined;
  if (!stored)
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Kỳ đánh giá chưa có bộ chỉ số cho loại đơn vị "${unitTypeLabel(unit.type)}"`,
    );
  return {
    period: row.period,
    unit,
    participation,
    stored,
    windows: row.windows,
    extensions: new Map(row.extensions.map((e) => [e.kind, e.closesAt])),
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
