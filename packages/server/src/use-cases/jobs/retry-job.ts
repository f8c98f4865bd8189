import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { authorize } from '../authorize.js';
import { presentJob } from './present-job.js';
import { requireQueue } from './require-queue.js';

/** Queues a failed job again (administrators). Audited. */
export async function retryJob(ctx: UseCaseContext, id: string) {
  authorize(ctx, 'administer');
  const queue = requireQueue(ctx);
  const before = await queue.find(id);
  if (!before) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy công việc');
  if (before.state !== 'failed' || !(await queue.retry(id)))
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Chỉ chạy lại được công việc đã thất bại');
  await ctx.deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'job.retry',
      entityType: 'job',
      entityId: id,
      before: { name: before.name, state: before.state, error: before.error },
    }),
  );
  const after = await queue.find(id);
  return presentJob(after ?? before);
}
