import type { PlanView } from '@chiso/contract';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findApproval, findPlan } from '../../repositories/plans.js';
import { requireUnit } from '../offices/unit-of.js';
import { planView } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';
import { authorizeIn } from '../reach.js';

/** The stored plan of a unit for a period, or NOT_FOUND. */
export async function requirePlan(db: Db, unitId: string, periodId: string) {
  const record = await findPlan(db, unitId, periodId);
  if (!record) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      'Đơn vị chưa có kế hoạch cải thiện theo kết quả kỳ này; hãy lập kế hoạch trước',
    );
  }
  return record;
}

/**
 * A unit's plan: the draft as it stands on the publication in force, or one approval as it
 * was approved (its snapshot), when asked by number.
 */
export async function getPlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  approval?: number,
): Promise<PlanView> {
  await authorizeIn(ctx, 'readImprovement', { unitId: key.unitId }, { unitId: key.unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, key.unitId);
  const record = await requirePlan(db, key.unitId, key.periodId);
  if (approval !== undefined) {
    const stored = await findApproval(db, record.id, approval);
    if (!stored) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        `Kế hoạch không có lần phê duyệt số ${approval}`,
      );
    }
    return stored.snapshot as PlanView;
  }
  const source = await publishedUnitSource(db, key.periodId, unit);
  return planView(db, source, unit, record);
}
