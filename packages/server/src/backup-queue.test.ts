import type { ImportJob } from '@chiso/contract';
import { eq, sql } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './backup/catalog.js';
import { createBackup } from './backup/create-backup.js';
import { restoreBackup } from './backup/restore-backup.js';
import type { Deps } from './context.js';
import { openDatabase } from './db/database.js';
import { importJobs } from './db/schema.js';
import { jobRegistry, RECURRING } from './jobs/catalogue.js';
import { jobIdOf } from './jobs/job-id.js';
import { localQueue } from './jobs/local-queue.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { runImportJob } from './use-cases/imports/run-import.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { tempDir } from './test-support/files.js';
import {
  DATABASE_KINDS,
  emptyPostgresDatabase,
  multipart,
  startTestApp,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv } from './test-support/world.js';

// Decision 0058: a backup holds import_jobs and (PGlite) job_runs, not pg-boss's schema. After a
// restore the queue is rebuilt at start: the recurring schedules registered again, and every
// import still waiting queued again — a no-op where its queue entry came back with the tables.

const FORMS = 30;

describe.each(DATABASE_KINDS)('the queue after a restore (%s)', (kind) => {
  let t: TestApp;
  let dir: string;
  let backup: string;
  let waiting: string;

  beforeAll(async () => {
    dir = await tempDir();
    t = await startTestApp(kind);
    const w = await seedWorld(t);
    await t.createAccount('nhap.sao', 'surveyClerk');
    const clerk = await t.login('nhap.sao');
    const surveyId = await addSurvey(t, w);
    const body = multipart(
      'cho-phuc-hoi.csv',
      toCsv([
        ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'],
        ...Array.from({ length: FORMS }, (_, i) => [`SAO-${i}`, 'Lô 1', 'SNV', 'A', 'B', 'C']),
      ]),
    );
    // Queued, not run: the backup is taken while the import waits.
    const upload = await t.request('POST', `/api/surveys/${surveyId}/responses/import`, {
      as: clerk,
      payload: body.payload,
      headers: body.headers,
    });
    expect(upload.status).toBe(202);
    waiting = (upload.body as ImportJob).id;
    backup = join(dir, 'chiso.tar.gz');
    await createBackup({ db: t.deps.db, kind: t.kind }, t.deps.storage, backup, t.deps.clock());
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs an import that was waiting when the backup was taken (PGlite target, local queue)', async () => {
    const folder = join(dir, 'pglite');
    await restoreBackup(backup, { dataDir: folder, evidenceDir: join(folder, 'evidence') });
    const restored = await openDatabase({ dataDir: folder });
    try {
      const deps: Deps = { ...t.deps, db: restored.db };
      const queue = localQueue(deps, jobRegistry());
      deps.jobs = queue;
      await recoverImports(deps);
      await queue.tick();
      const [job] = await restored.db
        .select({ state: importJobs.state, result: importJobs.result })
        .from(importJobs)
        .where(eq(importJobs.id, waiting));
      expect(job?.state).toBe('succeeded');
      expect(job?.result).toMatchObject({ imported: FORMS });
    } finally {
      await restored.close();
    }
  }, 120_000);

  it.runIf(process.env.CHISO_TEST_DATABASE_URL)(
    'queues it again in pg-boss, once, and registers the schedules (PostgreSQL target)',
    async () => {
      const postgres = await emptyPostgresDatabase('chiso_restore_queue');
      const restored = await (async () => {
        await restoreBackup(backup, {
          databaseUrl: postgres.url,
          dataDir: join(dir, 'pg'),
          evidenceDir: join(dir, 'pg', 'evidence'),
        });
        return openDatabase({ databaseUrl: postgres.url, migrate: false });
      })();
      const { pgBossQueue } = await import('./jobs/pg-boss-queue.js');
      const deps: Deps = {
        ...t.deps,
        db: restored.db,
        config: { ...t.deps.config, databaseUrl: postgres.url },
      };
      const queue = await pgBossQueue(deps, jobRegistry(), postgres.url);
      try {
        deps.jobs = queue;
        // What a server's start does (serve.ts: startQueue, then recoverImports).
        for (const recurring of RECURRING) await queue.schedule(recurring);
        await recoverImports(deps);
        await recoverImports(deps);
        const runs = (await queue.list({ failedOnly: false, limit: 50 })).filter(
          (job) => job.name === runImportJob.name,
        );
        expect(runs.map((job) => [job.id, job.state])).toEqual([
          [jobIdOf(runImportJob.name, waiting), 'created'],
        ]);
        const schedules = await queryRows<{ name: string }>(
          restored.db,
          sql`select name from pgboss.schedule order by name`,
        );
        expect(schedules.map((s) => s.name)).toEqual(RECURRING.map((r) => r.name).sort());
      } finally {
        await queue.stop();
        await restored.close();
        await postgres.drop();
      }
    },
    120_000,
  );
});
