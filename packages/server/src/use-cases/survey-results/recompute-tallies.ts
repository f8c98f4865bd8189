import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { lockPeriod } from '../../repositories/periods.js';
import { recomputePeriodTallies } from '../../repositories/survey-tallies.js';
import { authorizeIn } from '../reach.js';

/**
 * Counts every survey's answers of a period again, in one transaction, so that survey points,
 * SIPAS indices and response rates read the new tallies. Only while the period is open: once
 * the council has approved, publication must show the figures it approved. Audited.
 */
export async function recomputeTallies(
  ctx: UseCaseContext,
  periodId: string,
): Promise<{ computedAt: Date; responses: number }> {
  await authorizeIn(ctx, 'administer', { periodId });
  return ctx.deps.db.transaction(async (tx) => {
    const period = await lockPeriod(tx, periodId);
    if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    if (period.status !== 'open') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Kết quả kỳ đánh giá đã được thông qua; không thể tính lại kết quả khảo sát',
      );
    }
    const counted = await recomputePeriodTallies(tx, periodId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'surveys.recompute',
      entityType: 'period',
      entityId: periodId,
      periodId,
      after: counted,
    });
    return { computedAt: ctx.now, responses: counted.responses };
  });
}
