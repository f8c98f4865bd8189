import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertApproval, updatePlanRecord } from '../../repositories/plans.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { lockForChange } from './plan-lock.js';
import { PLAN_STATUS_LABELS, planView } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

/**
 * The unit head approves the draft: a new approval number, and the whole plan as approved
 * (figures, rows, text) kept, so that it stays readable as approved while the next draft is
 * edited. Audited.
 */
export async function approvePlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  version: number,
) {
  const actor = authorize(ctx, 'approvePlan', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const record = await lockForChange(tx, key, version, true);
    const number = record.approvedVersion + 1;
    const after = await updatePlanRecord(tx, record.id, {
      status: 'approved',
      approvedVersion: number,
      updatedAt: ctx.now,
    });
    const source = await publishedUnitSource(tx, key.periodId, unit);
    const approval = {
      number,
      approvedAt: ctx.now.toISOString(),
      approvedByName: actor.fullName,
    };
    const view = await planView(tx, source, unit, after);
    await insertApproval(tx, {
      planId: record.id,
      number,
      approvedAt: ctx.now,
      approvedBy: actor.userId,
      approvedByName: actor.fullName,
      snapshot: { ...view, approval, approvals: [approval, ...view.approvals] },
    });
    await recordAudit(tx, ctx, {
      action: 'plan.approve',
      entityType: 'improvementPlan',
      entityId: record.id,
      unitId: key.unitId,
      periodId: key.periodId,
      before: { status: record.status },
      after: { status: 'approved', approval: number },
    });
    return {
      ...view,
      status: 'approved' as const,
      statusLabel: PLAN_STATUS_LABELS.approved,
      approvals: [approval, ...view.approvals],
    };
  });
}
