import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../../context.js';
import { periods, publishedResults } from '../../db/schema.js';
import { listUnitPlans } from '../../repositories/plans.js';
import { requireUnit } from '../offices/unit-of.js';
import { PLAN_STATUS_LABELS, type PlanStatus } from './plan-view.js';
import { authorizeIn } from '../reach.js';

/** The published periods of a unit's type, newest first, each with the unit's plan if any. */
export async function listUnitPlansOf(ctx: UseCaseContext, unitId: string) {
  await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, unitId);
  const published = await db
    .selectDistinct({ id: periods.id, name: periods.name, year: periods.year })
    .from(periods)
    .innerJoin(publishedResults, eq(publishedResults.periodId, periods.id))
    .where(and(eq(periods.status, 'published'), eq(publishedResults.unitType, unit.type)));
  const plans = new Map((await listUnitPlans(db, unitId)).map((p) => [p.periodId, p]));
  return {
    unit: { id: unit.id, name: unit.name, type: unit.type },
    periods: published
      .sort((a, b) => b.year - a.year)
      .map((period) => {
        const plan = plans.get(period.id);
        return {
          ...period,
          plan: plan
            ? {
                id: plan.id,
                status: plan.status as PlanStatus,
                statusLabel: PLAN_STATUS_LABELS[plan.status as PlanStatus],
                approvedVersion: plan.approvedVersion,
                updatedAt: plan.updatedAt.toISOString(),
              }
            : null,
        };
      }),
  };
}
