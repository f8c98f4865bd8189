import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { updatePlanRecord } from '../../repositories/plans.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { lockForChange } from './plan-lock.js';
import { planView } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

export interface PlanTextChange {
  purpose?: string | undefined;
  requirements?: string | undefined;
  notes?: string | undefined;
  version: number;
}

/** Edits the plan's text (seed 004's "Mục đích", "Yêu cầu", free text) of a draft. Audited. */
export async function updatePlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  change: PlanTextChange,
) {
  authorize(ctx, 'editImprovement', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const before = await lockForChange(tx, key, change.version, true);
    const values = {
      ...(change.purpose === undefined ? {} : { purpose: change.purpose.trim() }),
      ...(change.requirements === undefined ? {} : { requirements: change.requirements.trim() }),
      ...(change.notes === undefined ? {} : { notes: change.notes.trim() }),
    };
    const after = await updatePlanRecord(tx, before.id, { ...values, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'plan.text.update',
      entityType: 'improvementPlan',
      entityId: before.id,
      unitId: key.unitId,
      periodId: key.periodId,
      before: Object.fromEntries(
        Object.keys(values).map((k) => [k, before[k as keyof typeof values]]),
      ),
      after: values,
    });
    return planView(tx, await publishedUnitSource(tx, key.periodId, unit), unit, after);
  });
}
