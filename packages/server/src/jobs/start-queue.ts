import type { Deps } from '../context.js';
import { RECURRING, jobRegistry } from './catalogue.js';
import { localQueue } from './local-queue.js';
import type { JobQueue } from './queue.js';

/**
 * Starts the job queue the configuration asks for (pg-boss on PostgreSQL, the in-process one
 * otherwise), attaches it to the dependencies, schedules the recurring jobs and starts working.
 */
export async function startQueue(deps: Deps): Promise<JobQueue> {
  const registry = jobRegistry();
  const owner = deps.config.migrationDatabaseUrl;
  // pg-boss creates its schema and a table per queue: its owner does it, the app only uses them.
  if (owner && deps.config.jobsEngine === 'pg-boss') await installPgBoss(deps, owner);
  // pg-boss and its modules only for the engine that uses them (0052).
  const queue =
    deps.config.jobsEngine === 'pg-boss' && deps.config.databaseUrl
      ? await (
          await import('./pg-boss-queue.js')
        ).pgBossQueue(deps, registry, deps.config.databaseUrl, { migrate: owner === undefined })
      : localQueue(deps, registry);
  deps.jobs = queue;
  for (const recurring of RECURRING)
    if (!recurring.postgresOnly || deps.config.databaseUrl) await queue.schedule(recurring);
  await queue.work();
  return queue;
}

/** pg-boss's schema and queues, installed or brought up to date as the database owner (0038). */
export async function installPgBoss(deps: Deps, ownerUrl: string): Promise<void> {
  const { pgBossQueue } = await import('./pg-boss-queue.js');
  const queue = await pgBossQueue(deps, jobRegistry(), ownerUrl);
  await queue.stop();
}
