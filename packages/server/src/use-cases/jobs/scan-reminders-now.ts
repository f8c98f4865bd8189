import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { scanRemindersJob } from '../../reminders/scan-reminders.js';
import { authorize } from '../authorize.js';
import { requireQueue } from './require-queue.js';

/**
 * Queues a reminder scan now (administrators), rather than at the next quarter hour: after
 * changing a window, say. What it finds is still sent once per key. Audited.
 */
export async function scanRemindersNow(ctx: UseCaseContext) {
  authorize(ctx, 'administer');
  const queued = await requireQueue(ctx).send(
    scanRemindersJob,
    {},
    `manual:${ctx.now.toISOString()}`,
  );
  await ctx.deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'reminders.scan',
      entityType: 'job',
      entityId: scanRemindersJob.name,
      after: { queued },
    }),
  );
  return { queued };
}
