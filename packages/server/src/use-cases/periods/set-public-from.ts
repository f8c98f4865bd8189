import { DomainError, ERROR_CODES, formatVietnamTime } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findPeriod, lockPeriod, updatePeriod } from '../../repositories/periods.js';
import { ownerNamesOf, presentPeriod } from './get-period.js';
import { isPublicNow } from '../public-results/public-now.js';
import { publicStateChanged } from '../public-results/public-state.js';
import { openingTime } from './public-from.js';
import { authorizeIn } from '../reach.js';

/**
 * Moves the opening of a published period to the public portal (decision 0022). Allowed while
 * the portal has not opened yet; once it has, the results have been seen and copied, so they
 * cannot be hidden again (409, saying since when they are public). Audited before/after.
 */
export async function setPublicFrom(ctx: UseCaseContext, periodId: string, asked: string) {
  await authorizeIn(ctx, 'publish', { periodId });
  const publicFrom = openingTime(asked, ctx.now);
  const answer = await ctx.deps.db.transaction(async (tx) => {
    const period = await lockPeriod(tx, periodId);
    if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    if (period.status !== 'published') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Kỳ đánh giá chưa công bố kết quả: thời điểm công khai được đặt khi công bố',
      );
    }
    if (isPublicNow(period, ctx.now) && period.publicFrom) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Kết quả đã công khai từ ${formatVietnamTime(period.publicFrom.getTime())} (giờ Việt Nam): không thể dời thời điểm công khai hay ẩn lại kết quả`,
      );
    }
    await updatePeriod(tx, periodId, { publicFrom });
    await recordAudit(tx, ctx, {
      action: 'period.publicFrom',
      entityType: 'period',
      entityId: periodId,
      periodId,
      before: { publicFrom: period.publicFrom?.toISOString() ?? null },
      after: { publicFrom: publicFrom.toISOString() },
    });
    const updated = await findPeriod(tx, periodId);
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    return presentPeriod(updated, await ownerNamesOf(tx, [updated]));
  });
  publicStateChanged();
  return answer;
}
