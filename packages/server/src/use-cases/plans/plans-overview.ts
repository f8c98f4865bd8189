import { DomainError, ERROR_CODES, unitTypeLabel } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findPeriod } from '../../repositories/periods.js';
import { listPeriodPlans } from '../../repositories/plans.js';
import { listUnits } from '../../repositories/units.js';
import { authorize } from '../authorize.js';
import { PLAN_STATUS_LABELS, type PlanStatus } from './plan-view.js';

/** The province's list: each unit of a period, its plan's status and the index it aims at. */
export async function plansOverview(ctx: UseCaseContext, periodId: string) {
  authorize(ctx, 'readImprovement', {});
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  const [units, plans] = await Promise.all([listUnits(db), listPeriodPlans(db, periodId)]);
  const byUnit = new Map(plans.map((p) => [p.unitId, p]));
  return {
    period: { id: period.id, name: period.name, year: period.year },
    units: units
      .filter((unit) => unit.activeTo === null || byUnit.has(unit.id))
      .map((unit) => {
        const plan = byUnit.get(unit.id);
        return {
          unitId: unit.id,
          unitName: unit.name,
          unitTypeLabel: unitTypeLabel(unit.type),
          plan: plan
            ? {
                status: plan.status as PlanStatus,
                statusLabel: PLAN_STATUS_LABELS[plan.status as PlanStatus],
                approvedVersion: plan.approvedVersion,
                targetPoints: plan.targetPoints,
                targetPercent: plan.targetPercent,
                updatedAt: plan.updatedAt.toISOString(),
              }
            : null,
        };
      }),
  };
}
