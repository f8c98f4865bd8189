import { createHash } from 'node:crypto';
import type { ImportJob } from '@chiso/contract';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.js';
import { auditLog, importFileChunks, importJobs, surveyResponses } from './db/schema.js';
import { CHUNK_BYTES, countImportFileChunks } from './repositories/import-files.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { runImport } from './use-cases/imports/run-import.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { importAndWait } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// Decision 0055: an import's file goes from the upload to the job in ~1 MB pieces in the
// database, never whole in a server's memory, and no piece outlives the job.

const HEADER = ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3', 'Ghi chú của bưu điện'];
/**
 * A note (a column the import does not read), twelve times over by default (~1 KB a form),
 * makes several pieces of a few thousand forms: the pieces are what is tested, the forms only
 * cost time to save.
 */
const NOTE = 'Phiếu thu tại bộ phận một cửa của bưu điện tỉnh Hải Dương đợt một ';

function deliveryCsv(prefix: string, forms: number, bad?: number, notes = 12): string {
  const note = NOTE.repeat(notes);
  const rows: (string | null)[][] = [HEADER];
  for (let i = 0; i < forms; i++)
    rows.push([
      `${prefix}-${i}`,
      `Lô ${Math.floor(i / 500) + 1}`,
      i % 2 ? 'SNV' : 'SYT',
      i === bad ? 'Z' : ('ABCD'[i % 4] ?? 'A'),
      'AB'[i % 2] ?? 'A',
      i % 3 ? 'C' : null,
      note,
    ]);
  return toCsv(rows);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(DATABASE_KINDS)('import files kept in pieces (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let clerk: Session;
  let surveyId: string;
  const url = () => `/api/surveys/${surveyId}/responses/import`;
  const stored = async (prefix: string) => {
    const rows = await t.deps.db
      .select({ formNumber: surveyResponses.formNumber })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    return rows.filter((r) => r.formNumber?.startsWith(`${prefix}-`)).length;
  };
  const allChunks = async () => {
    const [row] = await t.deps.db.select({ n: count() }).from(importFileChunks);
    return row?.n ?? 0;
  };
  /** Uploads without running the queue: the request ends, the job waits. */
  const upload = async (name: string, content: string, as = clerk) => {
    const body = multipart(name, content);
    return t.request('POST', url(), { as, payload: body.payload, headers: body.headers });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap.tep', 'surveyClerk');
    clerk = await t.login('nhap.tep');
    surveyId = await addSurvey(t, w);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('keeps the upload in pieces the job reads back whole, then drops them', async () => {
    const FORMS = 3000;
    const file = Buffer.from(deliveryCsv('TP1', FORMS));
    expect(file.length).toBeGreaterThan(3 * CHUNK_BYTES);
    const answer = await upload('giao-tp1.csv', file.toString());
    expect(answer.status).toBe(202);
    const id = (answer.body as ImportJob).id;

    // The request is over; what waits for the job is the file, piece by piece, and nothing else.
    const pieces = await t.deps.db
      .select({ n: importFileChunks.n, bytes: importFileChunks.bytes })
      .from(importFileChunks)
      .where(eq(importFileChunks.importId, id))
      .orderBy(importFileChunks.n);
    expect(pieces.map((p) => p.n)).toEqual(
      Array.from({ length: Math.ceil(file.length / CHUNK_BYTES) }, (_, n) => n),
    );
    expect(pieces.slice(0, -1).every((p) => p.bytes.length === CHUNK_BYTES)).toBe(true);
    expect(sha256(Buffer.concat(pieces.map((p) => p.bytes)))).toBe(sha256(file));

    if (t.databaseUrl) {
      // Another server on the same PostgreSQL runs the job: it has only the database in common.
      const other = await openDatabase({ databaseUrl: t.databaseUrl, migrate: false });
      try {
        await runImport({ ...t.deps, db: other.db }, id, t.deps.clock());
      } finally {
        await other.close();
      }
    } else {
      await t.queue.tick();
    }
    const job = (await t.request('GET', `/api/imports/${id}`, { as: clerk })).body as ImportJob;
    expect(job).toMatchObject({ state: 'succeeded', result: { imported: FORMS } });
    expect(await stored('TP1')).toBe(FORMS);
    // The job hashed the file it read: the upload's very bytes.
    const [audit] = await t.deps.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey.responses.import'), eq(auditLog.entityId, surveyId)));
    expect(audit?.after).toMatchObject({ sha256: sha256(file), count: FORMS, kind: 'csv' });
    expect(await countImportFileChunks(t.deps.db, id)).toBe(0);
  });

  it('drops the pieces of a refused delivery, saving none of its forms', async () => {
    const { upload: answer, job } = await importAndWait(
      t,
      url(),
      { name: 'giao-tp2.csv', content: deliveryCsv('TP2', 1500, 1490) },
      clerk,
    );
    expect(job?.state).toBe('failed');
    expect(job?.problems?.code).toBe('IMPORT_REJECTED');
    expect(job?.problems?.details).toEqual([
      'Trang "giao-tp2.csv", dòng 1492, cột D (C1): câu C1: không có phương án "Z" (chọn một trong: A, B, C, D)',
    ]);
    expect(await stored('TP2')).toBe(0);
    expect(await countImportFileChunks(t.deps.db, (answer.body as ImportJob).id)).toBe(0);
  });

  it('drops the pieces of a job cancelled before it ran and while it ran', async () => {
    const queued = await upload('giao-tp3.csv', deliveryCsv('TP3', 1500));
    const queuedId = (queued.body as ImportJob).id;
    expect(await countImportFileChunks(t.deps.db, queuedId)).toBeGreaterThan(0);
    const stop = await t.request('POST', `/api/imports/${queuedId}/cancel`, { as: clerk });
    expect(stop.status).toBe(200);
    expect(await countImportFileChunks(t.deps.db, queuedId)).toBe(0);
    await t.queue.tick();

    let asked = false;
    onImportStep(async (id, phase) => {
      if (asked || phase !== 'reading') return;
      asked = true;
      expect((await t.request('POST', `/api/imports/${id}/cancel`, { as: clerk })).status).toBe(
        200,
      );
    });
    const { upload: running, job } = await importAndWait(
      t,
      url(),
      // Past the reader's first pause (every 5000 rows), where the cancel is heard.
      { name: 'giao-tp4.csv', content: deliveryCsv('TP4', 12_000, undefined, 3) },
      clerk,
    );
    expect(asked).toBe(true);
    expect(job?.state).toBe('cancelled');
    expect((await stored('TP3')) + (await stored('TP4'))).toBe(0);
    expect(await countImportFileChunks(t.deps.db, (running.body as ImportJob).id)).toBe(0);
  });

  it('refuses an upload past its cap in Vietnamese, keeping no piece of it', async () => {
    const before = await allChunks();
    // The units import takes 10 MB at most.
    const big = multipart('don-vi.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    const refused = await t.request('POST', '/api/units/import', {
      as: w.sessions.admin,
      payload: big.payload,
      headers: big.headers,
    });
    expect(refused.status).toBe(422);
    expect((refused.body as { error: { message: string } }).error.message).toBe(
      'Tệp nhập quá lớn (tối đa 10 MB)',
    );
    expect(await allChunks()).toBe(before);
    const [jobs] = await t.deps.db
      .select({ n: count() })
      .from(importJobs)
      .where(eq(importJobs.fileName, 'don-vi.csv'));
    expect(jobs?.n).toBe(0);
    // 10 MB stored in PGlite, then dropped: over 30 s on a loaded machine (load ~17).
  }, 120_000);

  it('drops at start the pieces no job will read', async () => {
    const at = t.deps.clock();
    const [ended] = await t.deps.db
      .insert(importJobs)
      .values({
        kind: 'responses',
        state: 'succeeded',
        requestedBy: w.ids.admin ?? '',
        fileName: 'xong.csv',
        createdAt: at,
      })
      .returning();
    const [waiting] = await t.deps.db
      .insert(importJobs)
      .values({ kind: 'responses', requestedBy: w.ids.admin ?? '', fileName: 'cho.csv' })
      .returning();
    // Uploads whose request or process died: rows still receiving their file (decision 0058).
    const receiving = async (age: string) => {
      const [row] = await t.deps.db
        .insert(importJobs)
        .values({
          kind: 'responses',
          state: 'receiving',
          requestedBy: w.ids.admin ?? '',
          fileName: 'dang-gui.csv',
          createdAt: sql`now() - ${age}::interval`,
        })
        .returning();
      return row?.id ?? '';
    };
    const piece = (importId: string) => ({ importId, n: 0, bytes: Buffer.from('Số phiếu\n') });
    const orphanNew = await receiving('0 seconds');
    const orphanOld = await receiving('2 days');
    await t.deps.db
      .insert(importFileChunks)
      .values([
        piece(ended?.id ?? ''),
        piece(waiting?.id ?? ''),
        piece(orphanNew),
        piece(orphanOld),
      ]);
    // The test app names no database URL (so it runs PGlite's paths); a server on PostgreSQL does.
    await recoverImports({ ...t.deps, config: { ...t.deps.config, databaseUrl: t.databaseUrl } });
    expect(await countImportFileChunks(t.deps.db, ended?.id ?? '')).toBe(0);
    expect(await countImportFileChunks(t.deps.db, waiting?.id ?? '')).toBe(1);
    expect(await countImportFileChunks(t.deps.db, orphanOld)).toBe(0);
    // On PostgreSQL a fresh orphan may be another server's upload still arriving.
    expect(await countImportFileChunks(t.deps.db, orphanNew)).toBe(t.databaseUrl ? 1 : 0);
  });
});
