import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, writeEntry, type EntryRow } from '../../repositories/entries.js';
import { decideAppraisal } from '../assessment/appraisal-outcome.js';
import { appraisalAudit, choiceOf, type AppraisalInput } from '../assessment/appraise-entry.js';
import { sharePeriod } from '../../repositories/periods.js';
import { loadUnitScope } from '../assessment/scope.js';
import { authorizeIn } from '../reach.js';

export type CorrectionInput = Pick<AppraisalInput, 'points' | 'facts' | 'outcome' | 'version'> & {
  /** Why the published outcome was wrong; it becomes the leaf's stated reason. */
  reason: string;
};

/**
 * After publication, the administrator corrects one leaf's outcome for an erratum. The
 * published results do not change until the erratum is issued; the correction is audited.
 */
export async function correctEntry(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: CorrectionInput,
): Promise<EntryRow> {
  const actor = await authorizeIn(ctx, 'correctResults', { periodId: key.periodId });
  return ctx.deps.db.transaction(async (tx) => {
    // Shared with an erratum being issued, which locks the period: a correction lands
    // before its recomputation or after it, never in between.
    const period = await sharePeriod(tx, key.periodId);
    if (period?.status !== 'published') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Chỉ đính chính kết quả đã công bố; kết quả chưa công bố được sửa trong các vòng thẩm định trước khi Hội đồng thông qua',
      );
    }
    const scope = await loadUnitScope(tx, key.periodId, key.unitId);
    const { framework } = scope.stored;
    const node = framework.byCode.get(key.code);
    if (!node || node.children.length > 0 || !node.rule) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có tiêu chí lá ${key.code}`);
    }
    const choice = choiceOf(input);
    if (!choice) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Chưa chọn kết quả đính chính', [
        {
          path: 'points',
          message: 'Chọn kết quả đúng của tiêu chí: số liệu, điểm hoặc không tính điểm',
        },
      ]);
    }
    const before = await findEntry(tx, key.periodId, key.unitId, key.code);
    const decided = decideAppraisal(node, before, choice, framework.pointsDecimals);
    const reason = input.reason.trim();
    const row = await writeEntry(tx, key, input.version, {
      ...decided,
      appraisalComment: reason,
      appraisedAt: ctx.now,
      appraisedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'entry.correct',
      entityType: 'entry',
      entityId: `${key.periodId}/${key.unitId}/${key.code}`,
      ...key,
      before: before && appraisalAudit(before),
      after: { ...appraisalAudit(row), reason },
    });
    return row;
  });
}
