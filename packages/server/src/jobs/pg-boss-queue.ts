import PgBoss from 'pg-boss';
import type { Deps } from '../context.js';
import { listPgBossJobs, type PgBossJobRow } from '../repositories/pg-boss-jobs.js';
import { jobIdOf } from './job-id.js';
import type { JobQueue, JobState, JobView } from './queue.js';
import type { JobRegistry } from './registry.js';
import { LOCKS, withAdvisoryLock } from '../db/advisory-lock.js';

interface Envelope {
  version: number;
  key: string;
  payload: unknown;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const message = o.message ?? o.value?.message;
  return typeof message === 'string' ? message : JSON.stringify(output);
}

function view(row: PgBossJobRow): JobView {
  const state = (row.state === 'cancelled' ? 'failed' : row.state) as JobState;
  const ran = state === 'active' || state === 'completed' || state === 'failed';
  return {
    id: row.id,
    name: row.name,
    state,
    key: row.singleton_key,
    attempts: row.retry_count + (ran ? 1 : 0),
    maxAttempts: row.retry_limit + 1,
    createdAt: new Date(row.created_on),
    startedAt: asDate(row.started_on),
    finishedAt: state === 'completed' || state === 'failed' ? asDate(row.completed_on) : null,
    runAfter: new Date(row.start_after),
    error: state === 'failed' || state === 'retry' ? errorOf(row.output) : null,
  };
}

/**
 * pg-boss 10 on PostgreSQL (decision 0017). pg-boss decides with the database's clock when a
 * job or retry is due; what a reminder scan finds due is still decided by the server's clock,
 * passed to the handler.
 */
export async function pgBossQueue(
  deps: Deps,
  registry: JobRegistry,
  databaseUrl: string,
  options: {
    pollingIntervalSeconds?: number;
    /** false: the schema is installed by its owner (decision 0038); only its version is checked. */
    migrate?: boolean;
  } = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    migrate: options.migrate ?? true,
  });
  boss.on('error', () => undefined);
  await boss.start();
  const names = registry.all().map((job) => job.name);
  // Queues are created one server at a time: pg-boss adds a table per queue, and two servers
  // creating the same ones at once deadlocked (decision 0040).
  await withAdvisoryLock(databaseUrl, LOCKS.jobQueues, async () => {
    for (const job of registry.all()) {
      await boss.createQueue(job.name, {
        name: job.name,
        retryLimit: job.retries,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: true,
      });
    }
  });

  return {
    engine: 'pg-boss',
    async send(job, payload, key) {
      const data: Envelope = { version: job.version, key, payload: job.payload.parse(payload) };
      const id = await boss.send(job.name, data as unknown as object, {
        id: jobIdOf(job.name, key),
        singletonKey: key,
        retryLimit: job.retries,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: true,
      });
      return id !== null;
    },
    async schedule(job) {
      registry.get(job.name);
      const data: Envelope = {
        version: registry.get(job.name).version,
        key: 'schedule',
        payload: {},
      };
      await boss.schedule(job.name, `*/${job.everyMinutes} * * * *`, data, {
        tz: 'Asia/Ho_Chi_Minh',
      });
    },
    async work() {
      for (const name of names) {
        await boss.work<Envelope>(
          name,
          {
            includeMetadata: true,
            batchSize: 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          },
          async ([job]) => {
            if (!job) return;
            const definition = registry.get(name);
            if (job.data.version !== definition.version)
              throw new Error(`phiên bản ${job.data.version} không còn được hỗ trợ`);
            await definition.handler(deps, registry.parse(name, job.data.payload), {
              now: deps.clock(),
              attempt: job.retryCount + 1,
              lastAttempt: job.retryCount >= job.retryLimit,
            });
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true });
    },
    async list(filter) {
      return (await listPgBossJobs(deps.db, names, filter)).map(view);
    },
    async find(id) {
      const [row] = await listPgBossJobs(deps.db, names, { failedOnly: false, limit: 1, id });
      return row && view(row);
    },
    async retry(id) {
      const [row] = await listPgBossJobs(deps.db, names, { failedOnly: true, limit: 1, id });
      if (!row) return false;
      await boss.retry(row.name, id);
      return true;
    },
  };
}
