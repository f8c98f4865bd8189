import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportJob } from '@chiso/contract';
import type { Cell } from '@chiso/core';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyResponses } from './db/schema.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { tempDir, writeXlsx } from './test-support/files.js';
import { importAndWait } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const HEADER = ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'];
/** Enough forms that the sheet inflates in several pieces, so rows are saved while it is read. */
const FORMS = 6000;

/** A delivery of `forms` good rows, with `change` altering some of them. */
function delivery(
  prefix: string,
  forms: number,
  change: (i: number, row: Cell[]) => void = () => {},
) {
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < forms; i++) {
    const row: Cell[] = [
      `${prefix}-${i}`,
      `Lô ${Math.floor(i / 500) + 1}`,
      i % 2 ? 'SNV' : 'SYT',
      'ABCD'[i % 4] ?? 'A',
      'AB'[i % 2] ?? 'A',
      i % 3 ? 'C' : null,
    ];
    change(i, row);
    rows.push(row);
  }
  return rows;
}

describe.each(DATABASE_KINDS)('the post office delivery as a background job (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let clerk: Session;
  let surveyId: string;
  let dir: string;
  const url = () => `/api/surveys/${surveyId}/responses/import`;
  const stored = async (prefix?: string) => {
    const [row] = await t.deps.db
      .select({ n: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    const all = row?.n ?? 0;
    if (prefix === undefined) return all;
    const rows = await t.deps.db
      .select({ formNumber: surveyResponses.formNumber })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    return rows.filter((r) => r.formNumber?.startsWith(`${prefix}-`)).length;
  };
  const xlsx = async (name: string, rows: Cell[][]) =>
    readFile(await writeXlsx(join(dir, name), { 'Phiếu bưu điện': rows }));

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap.buudien', 'surveyClerk');
    clerk = await t.login('nhap.buudien');
    surveyId = await addSurvey(t, w);
    dir = await tempDir();
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('answers 202, then saves every form of a large delivery with its progress and audit', async () => {
    const phases: string[] = [];
    onImportStep((_id, phase) => {
      if (phases.at(-1) !== phase) phases.push(phase);
    });
    const { upload, job } = await importAndWait(
      t,
      url(),
      { name: 'giao-lan-1.xlsx', content: await xlsx('giao-lan-1.xlsx', delivery('GL1', FORMS)) },
      clerk,
    );
    expect(upload.status).toBe(202);
    expect(upload.body).toMatchObject({ kind: 'responses', state: 'queued' });
    expect(job).toMatchObject({
      state: 'succeeded',
      phase: 'saving',
      doneRows: FORMS,
      totalRows: FORMS,
      result: { imported: FORMS },
      problems: null,
    });
    expect(phases[0]).toBe('reading');
    expect(await stored('GL1')).toBe(FORMS);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey.responses.import'), eq(auditLog.entityId, surveyId)));
    expect(audits.at(-1)?.after).toMatchObject({
      fileName: 'giao-lan-1.xlsx',
      kind: 'xlsx',
      count: FORMS,
    });
  });

  it('saves nothing of a delivery whose bad rows come after thousands of good ones', async () => {
    const before = await stored();
    const rows = delivery('GL2', FORMS, (i, row) => {
      if (i === FORMS - 10) row[4] = 'E';
      // A form number entered by the first delivery.
      if (i === FORMS - 5) row[0] = 'GL1-7';
    });
    const { job } = await importAndWait(
      t,
      url(),
      { name: 'giao-lan-2.xlsx', content: await xlsx('giao-lan-2.xlsx', rows) },
      clerk,
    );
    expect(job?.state).toBe('failed');
    expect(job?.problems?.code).toBe('IMPORT_REJECTED');
    expect(job?.problems?.message).toBe(
      'Tệp "giao-lan-2.xlsx" có 2 lỗi; chưa nhập phiếu nào. Hãy sửa các dòng được chỉ ra rồi nhập lại cả tệp',
    );
    expect(job?.problems?.details).toEqual([
      `Trang "Phiếu bưu điện", dòng ${FORMS - 8}, cột E (C2): câu C2: không có phương án "E" (chọn một trong: A, B)`,
      `Trang "Phiếu bưu điện", dòng ${FORMS - 3}, cột A (Số phiếu): số phiếu "GL1-7" đã được nhập trước đó`,
    ]);
    expect(await stored()).toBe(before);
    expect(await stored('GL2')).toBe(0);
  });

  it('stops when asked while reading, saving nothing', async () => {
    const before = await stored();
    let asked = false;
    onImportStep(async (id, phase) => {
      if (asked || phase !== 'reading') return;
      asked = true;
      const stop = await t.request('POST', `/api/imports/${id}/cancel`, { as: clerk });
      expect(stop.status).toBe(200);
    });
    const { job } = await importAndWait(
      t,
      url(),
      {
        name: 'giao-lan-3.xlsx',
        content: await xlsx('giao-lan-3.xlsx', delivery('GL3', FORMS * 2)),
      },
      clerk,
    );
    expect(asked).toBe(true);
    expect(job?.state).toBe('cancelled');
    expect(await stored()).toBe(before);
  });

  it('refuses in the request whoever may not enter forms, and a survey not taking answers', async () => {
    const content = await xlsx('nho.xlsx', delivery('GL4', 2));
    const { upload } = await importAndWait(
      t,
      url(),
      { name: 'nho.xlsx', content },
      w.sessions['cb.snv'] ?? clerk,
    );
    expect(upload.status).toBe(403);
    const draft = await addSurvey(t, w, { status: 'draft', name: 'Phiếu chưa mở' });
    const refused = await importAndWait(
      t,
      `/api/surveys/${draft}/responses/import`,
      { name: 'nho.xlsx', content },
      clerk,
    );
    expect(refused.upload.status).toBe(409);
    expect((refused.upload.body as { error: { code: string } }).error.code).toBe('INVALID_STATE');
    expect(await stored('GL4')).toBe(0);
  });

  it('keeps the queued job readable to its requester only', async () => {
    const { upload } = await importAndWait(
      t,
      url(),
      { name: 'nho-2.xlsx', content: await xlsx('nho-2.xlsx', delivery('GL5', 3)) },
      clerk,
    );
    const id = (upload.body as ImportJob).id;
    const other = await t.request('GET', `/api/imports/${id}`, { as: w.sessions['cb.snv'] });
    expect(other.status).toBe(403);
    expect(await stored('GL5')).toBe(3);
  });
});
