import type { UseCaseContext } from '../../context.js';
import { authorize } from '../authorize.js';
import { presentJob } from './present-job.js';
import { requireQueue } from './require-queue.js';

/** The newest background jobs, or only the failed ones, with their errors (administrators). */
export async function listJobs(
  ctx: UseCaseContext,
  filter: { failedOnly: boolean; limit: number },
) {
  authorize(ctx, 'administer');
  const queue = requireQueue(ctx);
  return { engine: queue.engine, jobs: (await queue.list(filter)).map(presentJob) };
}
