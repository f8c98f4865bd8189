import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { JobQueue } from '../../jobs/queue.js';

/** The running queue, or INVALID_STATE when this server was started without one. */
export function requireQueue(ctx: UseCaseContext): JobQueue {
  const queue = ctx.deps.jobs;
  if (!queue)
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Hàng đợi công việc chưa chạy trên máy chủ này',
    );
  return queue;
}
