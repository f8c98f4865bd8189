import type { ImportJob } from '@chiso/contract';
import { asc, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, importRows, units } from './db/schema.js';
import { jobRegistry } from './jobs/catalogue.js';
import { localQueue } from './jobs/local-queue.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { holdImportAt, storedUnitsLike } from './test-support/hold-import.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { countImportFileChunks } from './repositories/import-files.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// Decision 0045: on PGlite a units import is staged, decided, then applied chunk by chunk; on
// PostgreSQL it stays one transaction. Whatever stops it before the decision leaves no unit,
// no audit row and no staged row; a decided one is completed, by the next start if need be,
// and none of it is seen before its last step (decision 0054).

const manyUnits = (count: number, prefix: string) =>
  toCsv([
    ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'],
    ...Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `UBND xã số ${i}`, 'xã']),
  ]);

describe.each(DATABASE_KINDS)('a units import stopped mid-way (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const count = async (table: typeof units | typeof auditLog, prefix: string) =>
    (
      await t.deps.db
        .select()
        .from(table)
        .where(like(table === units ? units.id : auditLog.entityId, `${prefix}%`))
    ).length;
  const staged = async (id: string) =>
    (await t.deps.db.select().from(importRows).where(eq(importRows.importId, id))).length;
  const queueFile = async (rows: number, prefix: string) => {
    const body = multipart('don-vi.csv', manyUnits(rows, prefix));
    const r = await t.request('POST', '/api/units/import', {
      as: w.sessions.admin,
      payload: body.payload,
      headers: body.headers,
    });
    expect(r.status).toBe(202);
    return (r.body as ImportJob).id;
  };
  const read = async (id: string) =>
    (await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin })).body as ImportJob;

  vi.setConfig({ testTimeout: 120_000 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('is cancelled by a request while saving — answered then, on PGlite too — and leaves nothing', async () => {
    const id = await queueFile(3000, 'SA');
    const held = holdImportAt(id, (phase, done) => phase === 'saving' && done > 0);
    const ticking = t.queue.tick();
    await held.reached;
    const cancel = await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions.admin });
    expect(cancel.body).toMatchObject({ state: 'running', cancelRequested: true });
    // The job goes on from its pause and hears the cancel at its next step.
    held.release();
    await ticking;
    expect(await read(id)).toMatchObject({ state: 'cancelled', result: null });
    expect([await count(units, 'SA'), await count(auditLog, 'SA'), await staged(id)]).toEqual([
      0, 0, 0,
    ]);
  });

  it('fails on a fault while saving and leaves nothing, not even staged rows', async () => {
    const id = await queueFile(3000, 'SB');
    const held = holdImportAt(
      id,
      (phase, done, decided) => phase === 'saving' && done > 0 && !decided,
    );
    const ticking = t.queue.tick();
    await held.reached;
    // While it is held, what it wrote so far is visible to no one: staged on PGlite, in the
    // open transaction on PostgreSQL.
    expect(await count(units, 'SB')).toBe(0);
    if (kind === 'pglite') expect(await staged(id)).toBeGreaterThan(0);
    held.release(new Error('panne simulée'));
    await ticking;
    expect(await read(id)).toMatchObject({ state: 'failed', problems: { code: 'INTERNAL' } });
    expect([await count(units, 'SB'), await count(auditLog, 'SB'), await staged(id)]).toEqual([
      0, 0, 0,
    ]);
  });

  it.runIf(kind === 'pglite')(
    'after a crash before its decision, the next start fails it and drops its staged rows',
    async () => {
      const id = await queueFile(3000, 'SC');
      const held = holdImportAt(
        id,
        (phase, done, decided) => phase === 'saving' && done > 0 && !decided,
      );
      const ticking = t.queue.tick();
      await held.reached;
      expect(await staged(id)).toBeGreaterThan(0);
      // The process is gone as far as the database knows: the next start finds the job running.
      await recoverImports(t.deps);
      expect(await read(id)).toMatchObject({
        state: 'failed',
        problems: { message: expect.stringContaining('không có gì được lưu') as string },
      });
      expect([await count(units, 'SC'), await count(auditLog, 'SC'), await staged(id)]).toEqual([
        0, 0, 0,
      ]);
      held.release(new Error('tiến trình đã dừng'));
      await ticking;
      expect(await count(units, 'SC')).toBe(0);
    },
  );

  it.runIf(kind === 'pglite')(
    'after a crash past its decision, refuses a cancel; the next start completes it exactly once',
    async () => {
      const id = await queueFile(3000, 'SD');
      // Held after its first applied chunk.
      const held = holdImportAt(id, (_phase, _done, decided) => decided);
      const ticking = t.queue.tick();
      await held.reached;
      // Chunks are written, and hidden by the units view until the import's last step.
      const applied = await storedUnitsLike(t.deps.db, 'SD');
      expect(applied).toBeGreaterThan(0);
      expect(applied + (await staged(id))).toBe(3000);
      expect(await count(units, 'SD')).toBe(0);
      const cancel = await t.request('POST', `/api/imports/${id}/cancel`, {
        as: w.sessions.admin,
      });
      expect(cancel.status).toBe(409);
      expect(JSON.stringify(cancel.body)).toContain('không dừng được nữa');

      // The next start: a queue of its own, since this one is still held in its tick.
      const next = localQueue(t.deps, jobRegistry());
      await recoverImports({ ...t.deps, jobs: next });
      await next.tick();
      const job = await read(id);
      expect(job).toMatchObject({ state: 'succeeded', result: { created: 3000, updated: 0 } });
      expect(job.doneRows).toBe(3000);
      expect(await staged(id)).toBe(0);
      const stored = await t.deps.db
        .select()
        .from(units)
        .where(like(units.id, 'SD%'))
        .orderBy(asc(units.id));
      expect(stored).toHaveLength(3000);
      expect(new Set(stored.map((u) => u.createdAt.toISOString())).size).toBe(1);
      const audits = await t.deps.db
        .select({ entityId: auditLog.entityId, at: auditLog.at, action: auditLog.action })
        .from(auditLog)
        .where(like(auditLog.entityId, 'SD%'));
      expect(new Set(audits.map((a) => a.entityId)).size).toBe(3000);
      expect(audits).toHaveLength(3000);
      expect(new Set(audits.map((a) => `${a.action} ${a.at.toISOString()}`)).size).toBe(1);

      // The held process, were it to wake, leaves the finished job as it is.
      held.release(new Error('tiến trình đã dừng'));
      await ticking;
      await next.tick();
      expect(await read(id)).toMatchObject({ state: 'succeeded' });
      expect(await count(units, 'SD')).toBe(3000);
      expect(await count(auditLog, 'SD')).toBe(3000);
      expect(await countImportFileChunks(t.deps.db, id)).toBe(0);
    },
  );
});
