import type { ImportJob } from '@chiso/contract';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, importRows, surveyFrame, surveys } from './db/schema.js';
import { jobRegistry } from './jobs/catalogue.js';
import { localQueue } from './jobs/local-queue.js';
import { actorOf, findUserById } from './repositories/users.js';
import { parseTables } from './spreadsheet/read-table.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { importAndWait } from './test-support/import-jobs.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { importFrame } from './use-cases/surveys/import-frame.js';

// Decision 0053: on PGlite a sampling frame's import is staged, decided under the survey's lock,
// then applied in chunks, its rows hidden from readers until the job ends; on PostgreSQL it
// stays one transaction. Whatever stops it before the decision leaves the frame as it was.

const frameOf = (people: number, tag: string) =>
  toCsv([
    ['Mã đơn vị', 'Họ và tên', 'Liên hệ', 'Thủ tục', 'Ngày hoàn thành'],
    ...Array.from({ length: people }, (_, i) => [
      i % 2 === 0 ? 'SNV' : 'SYT',
      `${tag} ${i + 1}`,
      i % 3 === 0 ? null : `09${String(i).padStart(8, '0')}`,
      i % 5 === 0 ? null : 'Cấp phép',
      i % 7 === 0 ? null : '03/03/2022',
    ]),
  ]);

describe.each(DATABASE_KINDS)('a sampling frame imported in steps (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let surveyId: string;
  /** The frame's people as a reader counts them (the survey's page). */
  const shown = async () =>
    (
      (await t.request('GET', `/api/surveys/${surveyId}`, { as: w.sessions.admin })).body as {
        frame: { total: number };
      }
    ).frame.total;
  /** The frame's rows as stored, hidden ones included. */
  const stored = async (id = surveyId) =>
    (
      await t.deps.db.select({ n: count() }).from(surveyFrame).where(eq(surveyFrame.surveyId, id))
    )[0]?.n ?? 0;
  const staged = async (id: string) =>
    (await t.deps.db.select().from(importRows).where(eq(importRows.importId, id))).length;
  const audits = async () =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'survey.frame.import'), eq(auditLog.entityId, surveyId)))
    )[0]?.n ?? 0;
  const queueFile = async (people: number, tag: string) => {
    const body = multipart('ds.csv', frameOf(people, tag));
    const r = await t.request('POST', `/api/surveys/${surveyId}/frame/import`, {
      as: w.sessions.admin,
      payload: body.payload,
      headers: body.headers,
    });
    expect(r.status).toBe(202);
    return (r.body as ImportJob).id;
  };
  const read = async (id: string) =>
    (await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin })).body as ImportJob;
  /** Lets a held job go on, whatever the test's outcome. */
  let releaseHeld: (() => void) | undefined;
  /** Holds job `id` at the first pause `at` picks until released (with an error: a fault). */
  const holdAt = (id: string, at: (phase: string, done: number, decided: boolean) => boolean) => {
    let release: (error?: Error) => void = () => undefined;
    const held = new Promise<void>((resolve, reject) => {
      release = (error) => (error ? reject(error) : resolve());
    });
    held.catch(() => undefined);
    releaseHeld = () => release(new Error('test ended'));
    let reach: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (reach = resolve));
    let once = false;
    onImportStep(async (importId, phase, done, decided) => {
      if (once || importId !== id || !at(phase, done, decided)) return;
      once = true;
      reach();
      await held;
    });
    return { reached, release };
  };
  const people = (id: string) =>
    t.deps.db
      .select({
        unitId: surveyFrame.unitId,
        fullName: surveyFrame.fullName,
        contact: surveyFrame.contact,
        procedure: surveyFrame.procedure,
        completedOn: surveyFrame.completedOn,
        sampled: surveyFrame.sampled,
      })
      .from(surveyFrame)
      .where(eq(surveyFrame.surveyId, id))
      .orderBy(asc(surveyFrame.fullName));

  vi.setConfig({ testTimeout: 120_000 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    surveyId = await addSurvey(t, w, { status: 'draft' });
  }, 120_000);
  afterAll(async () => t.close());
  afterEach(() => {
    releaseHeld?.();
    releaseHeld = undefined;
    onImportStep(undefined);
  });

  it('stores, as a job, the same people the one-transaction save stores, all at once', async () => {
    const { job } = await importAndWait(
      t,
      `/api/surveys/${surveyId}/frame/import`,
      { name: 'ds.csv', content: frameOf(2500, 'Người') },
      w.sessions.admin!,
    );
    expect(job).toMatchObject({ state: 'succeeded', result: { imported: 2500 }, doneRows: 2500 });
    expect(await shown()).toBe(2500);
    expect(await audits()).toBe(1);

    // The same file saved in the request, which never stages: one transaction on both.
    const other = await addSurvey(t, w, { status: 'draft', name: 'Phiếu so sánh' });
    const admin = await findUserById(t.deps.db, w.sessions.admin!.userId);
    const ctx = { ...t.context(actorOf(admin!)), now: new Date() };
    const tables = await parseTables(Buffer.from(frameOf(2500, 'Người')), 'ds.csv');
    expect(await importFrame(ctx, other, tables)).toEqual({ imported: 2500 });
    expect(await people(surveyId)).toEqual(await people(other));
    const instants = await t.deps.db
      .selectDistinct({ at: surveyFrame.createdAt })
      .from(surveyFrame)
      .where(eq(surveyFrame.surveyId, surveyId));
    expect(instants).toHaveLength(1);
    expect(await staged(job!.id)).toBe(0);
  });

  it('hides a decided frame until its job ends, refusing a cancel meanwhile', async () => {
    const before = await shown();
    const id = await queueFile(3000, 'Ẩn');
    const held = holdAt(id, (_phase, _done, decided) => decided);
    const ticking = t.queue.tick();
    // Staged whenever the server's configuration names no PostgreSQL (the test app's too);
    // saved in one transaction otherwise, and then never held.
    const staging = await Promise.race([held.reached.then(() => true), ticking.then(() => false)]);
    if (staging) {
      // Past the decision: a chunk is in the table, yet a reader sees the frame as it was.
      expect(await stored()).toBeGreaterThan(before);
      expect(await stored()).toBeLessThan(before + 3000);
      expect(await shown()).toBe(before);
      const cancel = await t.request('POST', `/api/imports/${id}/cancel`, {
        as: w.sessions.admin,
      });
      expect(cancel.status).toBe(409);
      held.release();
    }
    await ticking;
    expect(await read(id)).toMatchObject({ state: 'succeeded', result: { imported: 3000 } });
    expect(await shown()).toBe(before + 3000);
  });

  it('is refused at its decision when the survey closed meanwhile; the frame is unchanged', async () => {
    const before = [await stored(), await audits()];
    const id = await queueFile(3000, 'Đóng');
    // On PostgreSQL the survey is locked from the check to the end: it is closed before.
    const held = holdAt(id, (phase, done) =>
      kind === 'pglite' ? phase === 'saving' && done > 0 : phase === 'checking',
    );
    const ticking = t.queue.tick();
    await held.reached;
    if (kind === 'pglite') expect(await staged(id)).toBeGreaterThan(0);
    await t.deps.db.update(surveys).set({ status: 'closed' }).where(eq(surveys.id, surveyId));
    held.release();
    await ticking;
    await t.deps.db.update(surveys).set({ status: 'draft' }).where(eq(surveys.id, surveyId));
    const job = await read(id);
    expect(job).toMatchObject({ state: 'failed', result: null });
    expect(JSON.stringify(job.problems)).toContain('đã kết thúc');
    expect([await stored(), await audits(), await staged(id)]).toEqual([...before, 0]);
  });

  it('is cancelled while staging and leaves the frame as it was', async () => {
    const before = [await stored(), await audits()];
    const id = await queueFile(3000, 'Dừng');
    const held = holdAt(id, (phase, done) => phase === 'saving' && done > 0);
    const ticking = t.queue.tick();
    await held.reached;
    const cancel = await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions.admin });
    expect(cancel.body).toMatchObject({ state: 'running', cancelRequested: true });
    held.release();
    await ticking;
    expect(await read(id)).toMatchObject({ state: 'cancelled', result: null });
    expect([await stored(), await audits(), await staged(id)]).toEqual([...before, 0]);
  });

  it.runIf(kind === 'pglite')(
    'after a crash before its decision, the next start fails it and the frame is unchanged',
    async () => {
      const before = [await stored(), await audits()];
      const id = await queueFile(3000, 'Sập');
      const held = holdAt(id, (phase, done, decided) => phase === 'saving' && done > 0 && !decided);
      const ticking = t.queue.tick();
      await held.reached;
      expect(await staged(id)).toBeGreaterThan(0);
      await recoverImports(t.deps);
      expect(await read(id)).toMatchObject({ state: 'failed' });
      expect([await stored(), await audits(), await staged(id)]).toEqual([...before, 0]);
      held.release(new Error('tiến trình đã dừng'));
      await ticking;
      expect([await stored(), await audits()]).toEqual(before);
    },
  );

  it.runIf(kind === 'pglite')(
    'after a crash past its decision, the next start completes it; shown only then',
    async () => {
      const before = await shown();
      const audited = await audits();
      const id = await queueFile(3000, 'Tiếp');
      const held = holdAt(id, (_phase, _done, decided) => decided);
      const ticking = t.queue.tick();
      await held.reached;
      expect(await shown()).toBe(before);
      const next = localQueue(t.deps, jobRegistry());
      await recoverImports({ ...t.deps, jobs: next });
      expect(await shown()).toBe(before);
      await next.tick();
      expect(await read(id)).toMatchObject({
        state: 'succeeded',
        result: { imported: 3000 },
        doneRows: 3000,
      });
      expect(await shown()).toBe(before + 3000);
      expect(await stored()).toBe(before + 3000);
      expect(await staged(id)).toBe(0);
      held.release(new Error('tiến trình đã dừng'));
      await ticking;
      await next.tick();
      expect(await stored()).toBe(before + 3000);
      expect(await audits()).toBe(audited + 1);
    },
  );
});
