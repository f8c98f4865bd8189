import type { ImportJob } from '@chiso/contract';
import { eq, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './backup/catalog.js';
import type { Deps } from './context.js';
import { importFileChunks, importJobs, importRows } from './db/schema.js';
import { countImportFileChunks } from './repositories/import-files.js';
import { holdImportRunLock } from './repositories/import-jobs.js';
import { keepImportLease } from './use-cases/imports/import-lease.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { sweepImportsJob, sweepLapsedImports } from './use-cases/imports/sweep-lapsed-imports.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { holdImportAt } from './test-support/hold-import.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// Decision 0058: on PostgreSQL a running import's server renews a lease on its row; when the
// server dies the lease lapses and a sweep (at start and every few minutes, on any server) fails
// the job and drops its file's pieces and staged rows. A job whose lease is fresh is left alone.
// The sweep's statements are the same on both databases, so they are checked on both.

const STOPPED = 'Máy chủ đã dừng giữa lúc nhập tệp; không có gì được lưu, hãy gửi lại tệp';

describe.each(DATABASE_KINDS)('import leases (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let clerk: Session;
  let surveyId: string;
  /** The dependencies of a server on PostgreSQL (the test app names no URL: PGlite's paths). */
  const shared = (): Deps => ({
    ...t.deps,
    config: { ...t.deps.config, databaseUrl: t.databaseUrl ?? 'postgres://as-if-shared' },
  });
  const leaseOf = async (id: string) => {
    const [row] = await queryRows<{ fresh: boolean | null }>(
      t.deps.db,
      sql`select lease_until > now() as fresh from import_jobs where id = ${id}::uuid`,
    );
    return row?.fresh ?? null;
  };
  /** A running job as a server leaves it, its lease `age` ago (negative: still ahead). */
  const running = async (fileName: string, lease: string) => {
    const [row] = await t.deps.db
      .insert(importJobs)
      .values({
        kind: 'responses',
        state: 'running',
        phase: 'saving',
        requestedBy: w.ids.admin ?? '',
        fileName,
        startedAt: t.deps.clock(),
        leaseUntil: sql`now() + ${lease}::interval`,
      })
      .returning();
    const id = row?.id ?? '';
    await t.deps.db
      .insert(importFileChunks)
      .values({ importId: id, n: 0, bytes: Buffer.from('x') });
    await t.deps.db.insert(importRows).values({ importId: id, n: 0, data: { id: 'U1' } });
    return id;
  };
  const stateOf = async (id: string) => {
    const [row] = await t.deps.db
      .select({ state: importJobs.state, problems: importJobs.problems })
      .from(importJobs)
      .where(eq(importJobs.id, id));
    return row;
  };
  const stagedRows = async (id: string) =>
    (await t.deps.db.select().from(importRows).where(eq(importRows.importId, id))).length;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap.han', 'surveyClerk');
    clerk = await t.login('nhap.han');
    surveyId = await addSurvey(t, w);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('fails a job whose lease lapsed, dropping its pieces and staged rows, and leaves a fresh one', async () => {
    const abandoned = await running('bo-do.csv', '-1 second');
    const alive = await running('dang-chay.csv', '2 minutes');
    const swept = await sweepLapsedImports(shared(), t.deps.clock());
    expect(swept).toEqual({ failed: [abandoned], resumed: [] });
    expect(await stateOf(abandoned)).toEqual({
      state: 'failed',
      problems: { code: 'INTERNAL', message: STOPPED, issues: [], details: [] },
    });
    expect(await countImportFileChunks(t.deps.db, abandoned)).toBe(0);
    expect(await stagedRows(abandoned)).toBe(0);
    // Another live server's job: untouched, its file and rows kept.
    expect((await stateOf(alive))?.state).toBe('running');
    expect(await countImportFileChunks(t.deps.db, alive)).toBe(1);
    expect(await stagedRows(alive)).toBe(1);
    // The requester reads why, in Vietnamese.
    const read = await t.request('GET', `/api/imports/${abandoned}`, { as: w.sessions.admin });
    expect((read.body as ImportJob).problems?.message).toBe(STOPPED);
    // A second sweep (another server's) finds nothing more.
    expect(await sweepLapsedImports(shared(), t.deps.clock())).toEqual({ failed: [], resumed: [] });
  });

  it('sweeps at the start of a server on PostgreSQL, and by the recurring job', async () => {
    const atStart = await running('luc-khoi-dong.csv', '-10 minutes');
    await recoverImports(shared());
    expect((await stateOf(atStart))?.state).toBe('failed');

    const byJob = await running('dinh-ky.csv', '-3 minutes');
    const alive = await running('van-song.csv', '1 minute');
    // The recurring job is what every server's queue runs every few minutes.
    await sweepImportsJob.handler(
      shared(),
      {},
      { now: t.deps.clock(), attempt: 1, lastAttempt: true },
    );
    expect((await stateOf(byJob))?.state).toBe('failed');
    expect((await stateOf(alive))?.state).toBe('running');
    // On PGlite (one process) the recurring job leaves running jobs to the start's recovery.
    await t.deps.db
      .update(importJobs)
      .set({ leaseUntil: sql`now() - interval '1 minute'` })
      .where(eq(importJobs.id, alive));
    await sweepImportsJob.handler(
      t.deps,
      {},
      { now: t.deps.clock(), attempt: 1, lastAttempt: true },
    );
    expect((await stateOf(alive))?.state).toBe('running');
  });

  it('a running job holds a fresh lease that a sweep respects, and renews it', async () => {
    const body = multipart(
      'giao-han.csv',
      toCsv([
        ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'],
        ...Array.from({ length: 6000 }, (_, i) => [`HAN-${i}`, 'Lô 1', 'SNV', 'A', 'B', 'C']),
      ]),
    );
    const upload = await t.request('POST', `/api/surveys/${surveyId}/responses/import`, {
      as: clerk,
      payload: body.payload,
      headers: body.headers,
    });
    expect(upload.status).toBe(202);
    const id = (upload.body as ImportJob).id;
    const hold = holdImportAt(id, () => true);
    const ran = t.queue.tick();
    await hold.reached;
    expect(await leaseOf(id)).toBe(true);
    expect((await sweepLapsedImports(shared(), t.deps.clock())).failed).not.toContain(id);
    expect((await stateOf(id))?.state).toBe('running');
    hold.release();
    await ran;
    expect((await stateOf(id))?.state).toBe('succeeded');

    // The renewal itself, on a short period: a lease set in the past is put ahead again.
    const renewed = await running('gia-han.csv', '-1 second');
    const stop = keepImportLease(shared(), renewed, 20);
    try {
      while ((await leaseOf(renewed)) !== true) await sleep(20);
    } finally {
      stop();
    }
    expect((await sweepLapsedImports(shared(), t.deps.clock())).failed).not.toContain(renewed);

    // A server alive but stalled (decision 0061): its lease lapsed, its run lock still held on
    // its own connection. The sweep leaves the job; once the lock is let go, it fails it.
    if (kind === 'postgres') {
      const stalled = await running('treo.csv', '-1 minute');
      const release = await holdImportRunLock(t.deps.db, stalled);
      try {
        expect((await sweepLapsedImports(shared(), t.deps.clock())).failed).not.toContain(stalled);
        expect((await stateOf(stalled))?.state).toBe('running');
      } finally {
        await release();
      }
      expect((await sweepLapsedImports(shared(), t.deps.clock())).failed).toContain(stalled);
    }
  });

  it('an upload still arriving is no job yet; its row goes with its pieces when left behind', async () => {
    const [receiving] = await t.deps.db
      .insert(importJobs)
      .values({
        kind: 'responses',
        state: 'receiving',
        requestedBy: w.ids.admin ?? '',
        fileName: 'dang-gui.csv',
        createdAt: sql`now() - interval '2 days'`,
      })
      .returning();
    const id = receiving?.id ?? '';
    await t.deps.db
      .insert(importFileChunks)
      .values({ importId: id, n: 0, bytes: Buffer.from('x') });
    const read = await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin });
    expect(read.status).toBe(404);
    // A piece belongs to a job's row (foreign key, decision 0058).
    await expect(
      t.deps.db.insert(importFileChunks).values({
        importId: '00000000-0000-4000-8000-000000000009',
        n: 0,
        bytes: Buffer.from('x'),
      }),
    ).rejects.toThrow();
    await recoverImports(shared());
    expect(await stateOf(id)).toBeUndefined();
    expect(await countImportFileChunks(t.deps.db, id)).toBe(0);
  });
});
