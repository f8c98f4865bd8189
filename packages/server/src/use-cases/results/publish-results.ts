import { DomainError, ERROR_CODES, checkWindow } from '@chiso/core';
import { openingTime } from '../periods/public-from.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listWindows, lockPeriod, updatePeriod } from '../../repositories/periods.js';
import { insertPublication } from '../../repositories/results.js';
import { publicStateChanged } from '../public-results/public-state.js';
import { precomputeSnapshot } from './snapshot.js';
import { computePeriodResults } from './period-results.js';
import { publicationRows } from './publication-rows.js';
import { authorizeIn } from '../reach.js';

export interface PublishInput {
  /** ISO instant with its offset when the public portal opens; absent: at publication. */
  publicFrom?: string | undefined;
}

/**
 * Publishes approved results: computed once more by the core, frozen with the framework
 * version used and each leaf's story, as version 1 under the council's decision. Accounts
 * read them at once; the public portal from `publicFrom` (decision 0022). Audited.
 */
export async function publishResults(
  ctx: UseCaseContext,
  periodId: string,
  input: PublishInput = {},
): Promise<void> {
  const actor = await authorizeIn(ctx, 'publish', { periodId });
  const publicFrom = openingTime(input.publicFrom, ctx.now);
  await ctx.deps.db.transaction(async (tx) => {
    const period = await lockPeriod(tx, periodId);
    if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    if (period.status !== 'approved') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        period.status === 'published'
          ? 'Kết quả đã được công bố'
          : 'Hội đồng chưa thông qua kết quả',
      );
    }
    const window = (await listWindows(tx, periodId)).find((w) => w.kind === 'publication');
    const check = checkWindow(window, ctx.now.getTime(), 'publication');
    if (!check.open) throw new DomainError(ERROR_CODES.WINDOW_CLOSED, check.reason);
    const byType = await computePeriodResults(tx, periodId, period.year);
    await insertPublication(
      tx,
      {
        periodId,
        version: 1,
        decisionNumber: period.councilDecisionNumber,
        decisionDate: period.councilDecisionDate,
        publishedAt: ctx.now,
        publishedBy: actor.userId,
      },
      publicationRows(periodId, 1, byType, ctx.now),
    );
    await updatePeriod(tx, periodId, {
      status: 'published',
      publishedAt: ctx.now,
      publishedBy: actor.userId,
      publicFrom,
    });
    await recordAudit(tx, ctx, {
      action: 'period.publish',
      entityType: 'period',
      entityId: periodId,
      periodId,
      before: { status: period.status },
      after: {
        status: 'published',
        publicFrom: publicFrom.toISOString(),
        unitTypes: byType.map((t) => t.unitType),
        units: byType.reduce((n, t) => n + t.json.units.length, 0),
      },
    });
  });
  publicStateChanged();
  precomputeSnapshot(ctx, periodId);
}
