import type { ImportJob } from '@chiso/contract';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { frameworks, importJobs, surveyFrame, surveys } from './db/schema.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { importAndWait } from './test-support/import-jobs.js';
import { markCancelledHere, onImportStep } from './use-cases/imports/import-progress.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, TEST_FRAMEWORK_CSV, toCsv, type World } from './test-support/world.js';

// The survey-setup imports as jobs (decision 0042): framework (and its check), questionnaire,
// sampling frame.

const FRAME_HEADER = ['Mã đơn vị', 'Họ và tên', 'Liên hệ', 'Thủ tục', 'Ngày hoàn thành'];
const frameOf = (people: number) =>
  toCsv([
    FRAME_HEADER,
    ...Array.from({ length: people }, (_, i) => [
      i % 2 === 0 ? 'SNV' : 'SYT',
      `Người thứ ${i + 1}`,
      null,
      'Cấp phép',
      '03/03/2022',
    ]),
  ]);
const FRAMEWORK_QUERY = 'name=B%E1%BB%99%20nh%E1%BA%ADp%20n%E1%BB%81n&year=2024&unitType=so';

describe.each(DATABASE_KINDS)('survey-setup imports as background jobs (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let surveyId: string;
  const tally = async (table: typeof frameworks | typeof surveys | typeof importJobs) =>
    (await t.deps.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const frameRows = async () =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(surveyFrame)
        .where(eq(surveyFrame.surveyId, surveyId))
    )[0]?.n ?? 0;
  const post = (url: string, name: string, content: Buffer | string, as = w.sessions.admin!) => {
    const body = multipart(name, content);
    return t.request('POST', url, { as, payload: body.payload, headers: body.headers });
  };
  const read = async (id: string) =>
    (await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin })).body as ImportJob;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    surveyId = await addSurvey(t, w, { status: 'draft' });
    await t.createAccount('qt.h01', 'administrator', 'H01');
    w.sessions['qt.h01'] = await t.login('qt.h01');
  }, 120_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('imports a framework after the request, and its answer names the framework', async () => {
    const before = await tally(frameworks);
    const r = await post(
      `/api/frameworks/import?${FRAMEWORK_QUERY}`,
      'khung.csv',
      TEST_FRAMEWORK_CSV,
    );
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ kind: 'framework', state: 'queued' });
    expect(await tally(frameworks)).toBe(before);
    await t.queue.tick();
    const job = await read((r.body as ImportJob).id);
    expect(job).toMatchObject({ state: 'succeeded', phase: 'saving', problems: null });
    const result = job.result as { id: string; name: string; nodes: number };
    expect(result).toMatchObject({ name: 'Bộ nhập nền', year: 2024, unitType: 'so' });
    const framework = await t.request('GET', `/api/frameworks/${result.id}`, {
      as: w.sessions.admin,
    });
    expect((framework.body as { nodes: unknown[] }).nodes).toHaveLength(result.nodes);
  });

  it('checks a framework without saving it, and refuses a file far longer than a framework', async () => {
    const before = await tally(frameworks);
    const preview = await importAndWait(
      t,
      `/api/frameworks/import?${FRAMEWORK_QUERY}&preview=true`,
      { name: 'khung.csv', content: TEST_FRAMEWORK_CSV },
      w.sessions.admin!,
    );
    expect(preview.job).toMatchObject({ kind: 'frameworkPreview', state: 'succeeded' });
    const areas = (preview.job?.result as { areas: { code: string }[] }).areas;
    expect(areas[0]).toMatchObject({ code: '1' });
    const rows = Array.from({ length: 5001 }, (_, i) => [`1.${i + 1}`, `Tiêu chí ${i + 1}`, '1']);
    const huge = await importAndWait(
      t,
      `/api/frameworks/import?${FRAMEWORK_QUERY}&preview=true`,
      { name: 'dai.csv', content: toCsv([['Stt', 'Tiêu chí', 'Điểm tối đa'], ...rows]) },
      w.sessions.admin!,
    );
    expect(huge.job?.problems?.details).toEqual([
      'Trang "dai.csv": có 5.002 dòng; một bộ chỉ số có tối đa 5.000 dòng',
    ]);
    expect(await tally(frameworks)).toBe(before);
  });

  it('refuses a bad unit type in the request, before anything is queued', async () => {
    const jobs = await tally(importJobs);
    const r = await post(
      '/api/frameworks/import?name=X&year=2024&unitType=%3F%3F',
      'khung.csv',
      TEST_FRAMEWORK_CSV,
    );
    expect(r.status).toBe(400);
    expect(await tally(importJobs)).toBe(jobs);
  });

  it('stops a framework import asked to stop before its save; nothing saved', async () => {
    const before = await tally(frameworks);
    const r = await post(
      `/api/frameworks/import?${FRAMEWORK_QUERY}`,
      'khung.csv',
      TEST_FRAMEWORK_CSV,
    );
    const id = (r.body as ImportJob).id;
    onImportStep(async (importId, phase) => {
      if (importId !== id || phase !== 'saving') return;
      await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions.admin });
    });
    await t.queue.tick();
    expect(await read(id)).toMatchObject({ state: 'cancelled', result: null });
    expect(await tally(frameworks)).toBe(before);
  });

  it("refuses another unit's secretariat at queue time: nothing is queued", async () => {
    const jobs = await tally(importJobs);
    const district = w.sessions['qt.h01'];
    const questionnaire = await post(
      `/api/periods/${w.periodId}/surveys/import`,
      'phieu.xlsx',
      Buffer.from('x'),
      district,
    );
    expect(questionnaire.status).toBe(403);
    const frame = await post(
      `/api/surveys/${surveyId}/frame/import`,
      'ds.csv',
      frameOf(1),
      district,
    );
    expect(frame.status).toBe(403);
    expect(await tally(importJobs)).toBe(jobs);
  });

  it('imports a questionnaire exported from a survey as a new draft, or refuses it whole', async () => {
    const exported = await t.request('GET', `/api/surveys/${surveyId}/export.xlsx`, {
      as: w.sessions.admin,
    });
    expect(exported.status).toBe(200);
    const before = await tally(surveys);
    const { upload, job } = await importAndWait(
      t,
      `/api/periods/${w.periodId}/surveys/import`,
      { name: 'phieu.xlsx', content: exported.raw },
      w.sessions.admin!,
    );
    expect(upload.status).toBe(202);
    expect(job).toMatchObject({ kind: 'survey', state: 'succeeded' });
    expect(job?.result).toMatchObject({ periodId: w.periodId, name: 'Phiếu đại biểu đánh giá sở' });
    expect(await tally(surveys)).toBe(before + 1);
    const refused = await importAndWait(
      t,
      `/api/periods/${w.periodId}/surveys/import`,
      {
        name: 'phieu.csv',
        content: toCsv([
          ['Mã câu', 'Nội dung câu hỏi'],
          ['C1', 'Thử'],
        ]),
      },
      w.sessions.admin!,
    );
    expect(refused.job).toMatchObject({ state: 'failed', result: null });
    expect(refused.job?.problems?.code).toBe('IMPORT_REJECTED');
    expect(await tally(surveys)).toBe(before + 1);
  });

  it('imports a sampling frame in batches, reporting the rows saved', async () => {
    const { job } = await importAndWait(
      t,
      `/api/surveys/${surveyId}/frame/import`,
      { name: 'ds.csv', content: frameOf(4500) },
      w.sessions.admin!,
    );
    expect(job).toMatchObject({ kind: 'surveyFrame', state: 'succeeded', doneRows: 4500 });
    expect(job?.result).toEqual({ imported: 4500 });
    expect(await frameRows()).toBe(4500);
  });

  it('refuses a frame with one bad row whole, naming sheet, row and column', async () => {
    const before = await frameRows();
    const csv = `${frameOf(2500)}X99;Người lạ;;;\n`;
    const { job } = await importAndWait(
      t,
      `/api/surveys/${surveyId}/frame/import`,
      { name: 'ds.csv', content: csv },
      w.sessions.admin!,
    );
    expect(job?.state).toBe('failed');
    expect(job?.problems?.issues).toEqual([
      expect.objectContaining({ sheet: 'ds.csv', row: 2502, column: 'A' }),
    ]);
    expect(job?.problems?.details).toEqual([
      'Trang "ds.csv", dòng 2502, cột A (Mã đơn vị): không có đơn vị mã "X99"',
    ]);
    expect(await frameRows()).toBe(before);
  });

  it('stops a frame import while checking, or while saving (rolled back); nothing saved', async () => {
    const before = await frameRows();
    const checking = await post(`/api/surveys/${surveyId}/frame/import`, 'ds.csv', frameOf(4500));
    const first = (checking.body as ImportJob).id;
    onImportStep(async (importId, phase, done) => {
      if (importId === first && phase === 'checking' && done === 2000)
        await t.request('POST', `/api/imports/${first}/cancel`, { as: w.sessions.admin });
    });
    await t.queue.tick();
    expect(await read(first)).toMatchObject({ state: 'cancelled' });
    const saving = await post(`/api/surveys/${surveyId}/frame/import`, 'ds.csv', frameOf(4500));
    const second = (saving.body as ImportJob).id;
    onImportStep((importId, phase, done) => {
      // Inside the write transaction PGlite answers nobody else: the flag is what is heard.
      if (importId === second && phase === 'saving' && done === 2000) markCancelledHere(second);
    });
    await t.queue.tick();
    expect(await read(second)).toMatchObject({ state: 'cancelled', result: null });
    expect(await frameRows()).toBe(before);
  });
});
