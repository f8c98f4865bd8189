import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { updatePlanRecord } from '../../repositories/plans.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { lockForChange } from './plan-lock.js';
import { planView } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

/**
 * The unit head reopens an approved plan for editing: it becomes a draft again; every approval
 * stays readable as it was approved. Audited.
 */
export async function reopenPlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  version: number,
) {
  authorize(ctx, 'approvePlan', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const record = await lockForChange(tx, key, version, false);
    if (record.status !== 'approved') {
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Kế hoạch đang là dự thảo, chưa phê duyệt');
    }
    const after = await updatePlanRecord(tx, record.id, { status: 'draft', updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'plan.reopen',
      entityType: 'improvementPlan',
      entityId: record.id,
      unitId: key.unitId,
      periodId: key.periodId,
      before: { status: 'approved', approval: record.approvedVersion },
      after: { status: 'draft' },
    });
    return planView(tx, await publishedUnitSource(tx, key.periodId, unit), unit, after);
  });
}
