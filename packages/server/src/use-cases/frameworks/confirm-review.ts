import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { markReviewed } from '../../repositories/framework-copy.js';
import { findFrameworkRow } from '../../repositories/frameworks.js';
import { reviewOf } from './copy-review.js';
import type { FrameworkView } from './present-framework.js';
import { getFramework } from './update-framework.js';
import { authorizeIn } from '../reach.js';

/**
 * The administrator has looked at every date the copy moved and every item left to check:
 * from now on the framework may be used by a period. Audited with what was reviewed.
 */
export async function confirmFrameworkReview(
  ctx: UseCaseContext,
  frameworkId: string,
): Promise<FrameworkView> {
  const actor = await authorizeIn(ctx, 'administer', { frameworkId });
  await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    const review = reviewOf(row);
    if (review.status === 'reviewed') {
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Bộ chỉ số này đã được rà soát');
    }
    await markReviewed(tx, frameworkId, ctx.now, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'framework.review.confirm',
      entityType: 'framework',
      entityId: frameworkId,
      before: { reviewStatus: review.status },
      after: {
        reviewStatus: 'reviewed',
        datesMoved: review.copy?.dates.length ?? 0,
        checks: review.copy?.checks.length ?? 0,
      },
    });
  });
  return getFramework(ctx, frameworkId);
}
