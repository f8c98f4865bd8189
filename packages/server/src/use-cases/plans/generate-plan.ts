import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findPlan, insertPlans } from '../../repositories/plans.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { leadOffices, newPlan } from './new-plan.js';
import { planView } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

/**
 * Generates a unit's improvement plan from a published period (decision 0016): refused before
 * publication and when the unit already has a plan for it. Audited.
 */
export async function generatePlan(ctx: UseCaseContext, unitId: string, periodId: string) {
  const actor = authorize(ctx, 'editImprovement', { unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, unitId);
    const source = await publishedUnitSource(tx, periodId, unit);
    if (await findPlan(tx, unitId, periodId)) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        `Đơn vị đã có kế hoạch cải thiện theo kết quả kỳ "${source.period.name}"`,
      );
    }
    const offices = (await leadOffices(tx, source, [unitId])).get(unitId);
    const draft = newPlan(source, unit, offices, { createdBy: actor.userId, now: ctx.now });
    const [record] = await insertPlans(tx, [draft]);
    if (!record) throw new Error('plan insert returned nothing');
    await recordAudit(tx, ctx, {
      action: 'plan.create',
      entityType: 'improvementPlan',
      entityId: record.id,
      unitId,
      periodId,
      after: { planYear: record.planYear, publicationVersion: source.publicationVersion },
    });
    return planView(tx, source, unit, record);
  });
}
