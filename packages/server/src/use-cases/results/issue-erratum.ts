import { DomainError, ERROR_CODES, formatDate } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { lockPeriod } from '../../repositories/periods.js';
import { insertPublication, supersedePublication } from '../../repositories/results.js';
import { publicStateChanged } from '../public-results/public-state.js';
import { precomputeSnapshot } from './snapshot.js';
import { erratumBasis } from './preview-erratum.js';
import { publicationRows } from './publication-rows.js';
import { authorizeIn } from '../reach.js';

export interface ErratumInput {
  decisionNumber: string;
  /** ISO date of the correcting decision. */
  decisionDate: string;
  reason: string;
  /** The preview's fingerprint: what the administrator saw is what gets published. */
  changesFingerprint: string;
}

/**
 * Issues a corrected publication, the way a government corrects a decision: a new version
 * with its own decision number, date and reason, computed from the period's data as it is
 * now. The version it replaces stays readable, marked superseded; everything computed from
 * the period (rankings, exports, next year's changes) reads the new one. Refused when nothing
 * would change. Audited.
 */
export async function issueErratum(ctx: UseCaseContext, periodId: string, input: ErratumInput) {
  const actor = await authorizeIn(ctx, 'correctResults', { periodId });
  const issued = await ctx.deps.db.transaction(async (tx) => {
    const { current, recomputed, changes, fingerprint } = await erratumBasis(
      tx,
      await lockPeriod(tx, periodId),
    );
    if (current.decisionDate !== null && input.decisionDate < current.decisionDate) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        'Ngày quyết định đính chính không hợp lệ',
        [
          {
            path: 'decisionDate',
            message: `Ngày quyết định đính chính không được trước ngày của quyết định đang có hiệu lực (${formatDate(current.decisionDate)})`,
          },
        ],
      );
    }
    if (changes.length > 0 && fingerprint !== input.changesFingerprint) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        'Kết quả tính lại đã khác bản xem trước (vừa có sửa đổi mới): hãy xem lại những thay đổi rồi ban hành',
      );
    }
    if (changes.length === 0) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Tính lại kết quả không khác bản đang có hiệu lực${current.decisionNumber ? ` (quyết định số ${current.decisionNumber})` : ''}: không có gì để đính chính`,
      );
    }
    const version = current.version + 1;
    await supersedePublication(tx, periodId, current.version, ctx.now);
    await insertPublication(
      tx,
      {
        periodId,
        version,
        decisionNumber: input.decisionNumber.trim(),
        decisionDate: input.decisionDate,
        reason: input.reason.trim(),
        publishedAt: ctx.now,
        publishedBy: actor.userId,
      },
      publicationRows(periodId, version, recomputed, ctx.now),
    );
    await recordAudit(tx, ctx, {
      action: 'period.erratum',
      entityType: 'period',
      entityId: periodId,
      periodId,
      before: { version: current.version, decisionNumber: current.decisionNumber },
      after: {
        version,
        decisionNumber: input.decisionNumber.trim(),
        decisionDate: input.decisionDate,
        reason: input.reason.trim(),
        changedUnits: changes.map((c) => c.unitId),
      },
    });
    return { version, changedUnits: changes.length };
  });
  publicStateChanged();
  precomputeSnapshot(ctx, periodId);
  return issued;
}
