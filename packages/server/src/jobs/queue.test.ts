import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DATABASE_KINDS,
  startTestApp,
  type DatabaseKind,
  type TestApp,
} from '../test-support/test-app.js';
import { defineJob, retryDelay } from './job.js';
import { jobIdOf } from './job-id.js';
import { localQueue } from './local-queue.js';
import { pgBossQueue } from './pg-boss-queue.js';
import type { JobQueue, JobView } from './queue.js';
import { JobRegistry } from './registry.js';

/** A job that fails while its payload says so, remembering every run. */
const runs: { who: string; attempt: number; lastAttempt: boolean }[] = [];
const failing = new Set<string>();
const echoJob = defineJob({
  name: 'test.echo',
  version: 1,
  payload: z.object({ who: z.string() }),
  retries: 2,
  retryDelaySeconds: 1,
  handler: async (_deps, { who }, run) => {
    runs.push({ who, attempt: run.attempt, lastAttempt: run.lastAttempt });
    if (failing.has(who)) throw new Error(`không gửi được cho ${who}`);
  },
});
const registry = () => new JobRegistry([echoJob]);

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the queue');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('job definitions', () => {
  it('wait twice as long before each retry', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay({ retryDelaySeconds: 60 }, n))).toEqual([
      60, 120, 240, 480,
    ]);
  });

  it('make one UUID per name and key', () => {
    const id = jobIdOf('reminders.send', 'windowClosing|a|b|3d');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdOf('reminders.send', 'windowClosing|a|b|3d')).toBe(id);
    expect(jobIdOf('reminders.send', 'windowClosing|a|b|1d')).not.toBe(id);
  });
});

type Engine = 'local' | 'pg-boss';
const ENGINES: [DatabaseKind, Engine][] = DATABASE_KINDS.flatMap(
  (kind): [DatabaseKind, Engine][] =>
    kind === 'postgres'
      ? [
          [kind, 'local'],
          [kind, 'pg-boss'],
        ]
      : [[kind, 'local']],
);

describe.each(ENGINES)('one queue, same semantics (%s, %s)', (kind, engine) => {
  let t: TestApp;
  let queue: JobQueue;
  let minutes = 0;
  const ok = `ok-${engine}-${kind}`;
  const find = async (who: string): Promise<JobView | undefined> =>
    (await queue.list({ failedOnly: false, limit: 100 })).find((j) => j.key === who);
  /** The local engine runs when told (its clock moved past each retry); pg-boss on its own. */
  const settle = async (who: string, state: JobView['state']) => {
    if (engine === 'local') {
      for (let i = 0; i < 5; i++) {
        minutes += 1;
        t.setTime(`05/01/2023 10:${String(minutes).padStart(2, '0')}`);
        await (queue as ReturnType<typeof localQueue>).tick();
      }
    }
    await until(async () => (await find(who))?.state === state);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    if (engine === 'local') queue = localQueue(t.deps, registry());
    else {
      const url = new URL(process.env.CHISO_TEST_DATABASE_URL ?? '');
      // The test app's own database: pg-boss adds its schema there.
      const result: unknown = await t.deps.db.execute('select current_database() as name');
      url.pathname = `/${(result as { rows: { name: string }[] }).rows[0]?.name ?? ''}`;
      queue = await pgBossQueue(t.deps, registry(), url.toString(), {
        pollingIntervalSeconds: 0.5,
      });
    }
    await queue.work();
  }, 60_000);
  afterAll(async () => {
    await queue.stop();
    await t.close();
  });

  it('queues a key once and runs it once', async () => {
    expect(await queue.send(echoJob, { who: ok }, ok)).toBe(true);
    expect(await queue.send(echoJob, { who: ok }, ok)).toBe(false);
    await settle(ok, 'completed');
    expect(runs.filter((r) => r.who === ok)).toEqual([{ who: ok, attempt: 1, lastAttempt: false }]);
  }, 30_000);

  it('retries a failure with backoff, keeps it failed with its error, runs it again when asked', async () => {
    const who = `ko-${engine}-${kind}`;
    failing.add(who);
    await queue.send(echoJob, { who }, who);
    await settle(who, 'failed');
    expect(runs.filter((r) => r.who === who)).toEqual([
      { who, attempt: 1, lastAttempt: false },
      { who, attempt: 2, lastAttempt: false },
      { who, attempt: 3, lastAttempt: true },
    ]);
    const failed = await queue.list({ failedOnly: true, limit: 10 });
    const job = failed.find((j) => j.key === who);
    expect(job).toMatchObject({ name: 'test.echo', attempts: 3, maxAttempts: 3 });
    expect(job?.error).toContain(`không gửi được cho ${who}`);

    failing.delete(who);
    expect(await queue.retry(job!.id)).toBe(true);
    await settle(who, 'completed');
    expect(runs.filter((r) => r.who === who)).toHaveLength(4);
    expect(await queue.retry(job!.id)).toBe(false);
  }, 60_000);
});
