import { DomainError, ERROR_CODES, type WindowKind } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findPeriod, listWindows, upsertWindow } from '../../repositories/periods.js';
import type { WindowsInput } from './window-input.js';
import { authorizeIn } from '../reach.js';

/** Sets when each window opens and closes (Vietnam time). Every change is audited. */
export async function setWindows(
  ctx: UseCaseContext,
  periodId: string,
  input: WindowsInput,
): Promise<void> {
  await authorizeIn(ctx, 'administer', { periodId });
  await ctx.deps.db.transaction(async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    if (period.status === 'published') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Kỳ đánh giá đã công bố; không thể đổi thời gian',
      );
    }
    const before = await listWindows(tx, periodId);
    for (const [kind, window] of Object.entries(input)) {
      if (!window) continue;
      await upsertWindow(tx, periodId, { kind: kind as WindowKind, ...window });
      await recordAudit(tx, ctx, {
        action: 'window.set',
        entityType: 'window',
        entityId: `${periodId}/${kind}`,
        periodId,
        before: before.find((w) => w.kind === kind),
        after: { kind, ...window },
      });
    }
  });
}
