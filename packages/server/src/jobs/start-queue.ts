import type { Deps } from '../context.js';
import { RECURRING, jobRegistry } from './catalogue.js';
import { localQueue } from './local-queue.js';
import { pgBossQueue } from './pg-boss-queue.js';
import type { JobQueue } from './queue.js';

/**
 * Starts the job queue the configuration asks for (pg-boss on PostgreSQL, the in-process one
 * otherwise), attaches it to the dependencies, schedules the recurring jobs and starts working.
 */
export async function startQueue(deps: Deps): Promise<JobQueue> {
  const registry = jobRegistry();
  const queue =
    deps.config.jobsEngine === 'pg-boss' && deps.config.databaseUrl
      ? await pgBossQueue(deps, registry, deps.config.databaseUrl)
      : localQueue(deps, registry);
  deps.jobs = queue;
  for (const recurring of RECURRING) await queue.schedule(recurring);
  await queue.work();
  return queue;
}
