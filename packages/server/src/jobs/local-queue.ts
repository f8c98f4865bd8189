import { VIETNAM_OFFSET_MS } from '@chiso/core';
import type { Deps } from '../context.js';
import {
  claimDueJobRun,
  completeJobRun,
  failJobRun,
  findJobRun,
  insertJobRun,
  listJobRuns,
  listStaleJobRuns,
  requeueFailedJobRun,
  type JobRunRow,
} from '../repositories/job-runs.js';
import { retryDelay } from './job.js';
import type { JobQueue, JobState, JobView, RecurringJob } from './queue.js';
import type { JobRegistry } from './registry.js';

export interface LocalQueueOptions {
  /** How often a working queue looks for due jobs (real time; what is due follows the clock). */
  pollMs?: number;
  /** A run still active this long after it started is taken as lost (its server stopped). */
  expireMinutes?: number;
}

/** The in-process engine; `tick` runs what is due now, once (the poll loop and tests call it). */
export interface LocalQueue extends JobQueue {
  tick: () => Promise<number>;
}

const MINUTE_MS = 60_000;
/** A runaway chain of jobs each queueing the next cannot hold one tick forever. */
const MAX_RUNS_PER_TICK = 10_000;

function view(row: JobRunRow): JobView {
  return {
    id: row.id,
    name: row.name,
    state: row.state as JobState,
    key: row.key,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    runAfter: row.runAfter,
    error: row.lastError,
  };
}

const describeError = (error: unknown) =>
  error instanceof Error ? error.message || error.name : String(error);

/**
 * Jobs in the job_runs table, run in this process (decision 0017). What is due, when a retry
 * comes and which slot of a schedule has come are decided by the server's clock, so tests and
 * browser tests drive it by setting the clock.
 */
export function localQueue(
  deps: Deps,
  registry: JobRegistry,
  options: LocalQueueOptions = {},
): LocalQueue {
  const recurring: RecurringJob[] = [];
  const names = registry.all().map((job) => job.name);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const queue: LocalQueue = {
    engine: 'local',
    async send(job, payload, key) {
      const now = deps.clock();
      return insertJobRun(deps.db, {
        name: job.name,
        version: job.version,
        key,
        payload: job.payload.parse(payload),
        maxAttempts: job.retries + 1,
        runAfter: now,
        createdAt: now,
      });
    },
    async schedule(job) {
      registry.get(job.name);
      recurring.push(job);
    },
    tick() {
      // One tick at a time in a process; other servers are kept apart by the row locks.
      running ??= runTick().finally(() => (running = undefined));
      return running;
    },
    wake() {
      if (timer) setImmediate(() => void queue.tick().catch(() => undefined));
    },
    async work() {
      if (timer) return;
      timer = setInterval(() => void queue.tick().catch(() => undefined), options.pollMs ?? 5_000);
      timer.unref();
      await queue.tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    async list(filter) {
      return (await listJobRuns(deps.db, filter)).map(view);
    },
    async find(id) {
      const row = await findJobRun(deps.db, id);
      return row && view(row);
    },
    async retry(id) {
      return requeueFailedJobRun(deps.db, id, deps.clock());
    },
  };

  async function enqueueSchedules(now: Date) {
    for (const job of recurring) {
      const slotMs = job.everyMinutes * MINUTE_MS;
      // Slots are counted in Vietnam time, so "every 15 minutes" starts at 00:00 there.
      const slot = Math.floor((now.getTime() + VIETNAM_OFFSET_MS) / slotMs);
      const startsAt = new Date(slot * slotMs - VIETNAM_OFFSET_MS);
      await queue.send(registry.get(job.name), {}, `schedule:${startsAt.toISOString()}`);
    }
  }

  async function recoverStale(now: Date) {
    const before = new Date(now.getTime() - (options.expireMinutes ?? 15) * MINUTE_MS);
    for (const row of await listStaleJobRuns(deps.db, before)) {
      await settleFailure(row, now, 'công việc bị gián đoạn (máy chủ dừng khi đang chạy)');
    }
  }

  async function settleFailure(row: JobRunRow, now: Date, error: string) {
    const definition = registry.get(row.name);
    const retryAt =
      row.attempts < row.maxAttempts
        ? new Date(now.getTime() + retryDelay(definition, row.attempts) * 1000)
        : undefined;
    await failJobRun(deps.db, row.id, now, error, retryAt);
  }

  async function runTick(): Promise<number> {
    const start = deps.clock();
    await recoverStale(start);
    await enqueueSchedules(start);
    let count = 0;
    while (count < MAX_RUNS_PER_TICK) {
      const now = deps.clock();
      const row = await claimDueJobRun(deps.db, now, names);
      if (!row) break;
      count += 1;
      try {
        const definition = registry.get(row.name);
        if (row.version !== definition.version)
          throw new Error(`phiên bản ${row.version} không còn được hỗ trợ`);
        await definition.handler(deps, registry.parse(row.name, row.payload), {
          now,
          attempt: row.attempts,
          lastAttempt: row.attempts >= row.maxAttempts,
        });
        await completeJobRun(deps.db, row.id, deps.clock());
      } catch (error) {
        await settleFailure(row, deps.clock(), describeError(error));
      }
    }
    return count;
  }

  return queue;
}
