import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv, type Cell } from '@chiso/core';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvReader } from './spreadsheet/stream-csv.js';
import { readTables } from './spreadsheet/read-table.js';
import { readXlsxRows } from './spreadsheet/stream-xlsx.js';
import { auditLog, rateCounters, surveyDrafts, surveyResponses } from './db/schema.js';
import { importSurveyResponses } from './use-cases/survey-responses/import-responses.js';
import { tempDir, writeText, writeXlsx } from './test-support/files.js';
import { importAndWait } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { toCsv, seedWorld, type World } from './test-support/world.js';
import {
  addCode,
  addLink,
  addSurvey,
  errorOf,
  type Body,
} from './test-support/collection-fixtures.js';

describe.each(DATABASE_KINDS)('survey collection (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let clerk: Session;
  let surveyId: string;
  const responsesOf = async (id: string, channel?: string) => {
    const rows = await t.deps.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, id));
    return channel === undefined ? rows : rows.filter((r) => r.channel === channel);
  };
  const clearCounters = () => t.deps.db.delete(rateCounters);

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap', 'surveyClerk');
    clerk = await t.login('nhap');
    t.setTime('05/01/2023 09:00');
    surveyId = await addSurvey(t, w, { recheckPercent: 100 });
  }, 60_000);
  afterAll(async () => t.close());

  describe('personal codes', () => {
    it('shows the form without weights, saves a draft and resumes it (code typed loosely)', async () => {
      await addCode(t, w, surveyId, 'ABCDEFGHJK', 'SNV');
      let r = await t.request('GET', '/api/public/surveys/code/abcde-fghjk');
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      const form = r.body as { survey: { questions: unknown[] } };
      expect(form).toMatchObject({
        survey: { name: 'Phiếu đại biểu đánh giá sở', groupLabel: 'Đại biểu HĐND', kind: 'par' },
        unit: { id: 'SNV', name: 'Sở Nội vụ' },
        draft: null,
        answered: false,
      });
      expect(JSON.stringify(form)).not.toMatch(/weight|leafCode|trọng số/i);
      expect(form.survey.questions[0]).toEqual({
        code: 'C1',
        text: 'Việc công khai thủ tục hành chính của sở',
        optional: false,
        options: [
          { key: 'A', label: 'Rất tốt' },
          { key: 'B', label: 'Tốt' },
          { key: 'C', label: 'Chưa tốt' },
          { key: 'D', label: 'Kém' },
        ],
      });
      r = await t.request('PUT', '/api/public/surveys/code/ABCDE FGHJK/draft', {
        body: { answers: { C1: 'b' } },
      });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ saved: true });
      r = await t.request('GET', '/api/public/surveys/code/ABCDEFGHJK');
      expect((r.body as Body).draft).toEqual({ C1: 'B', C2: null, C3: null });
      r = await t.request('PUT', '/api/public/surveys/code/ABCDEFGHJK/draft', {
        body: { answers: { C1: 'Z', C9: 'A' } },
      });
      expect(r.status).toBe(400);
      expect(errorOf(r).issues.map((i) => i.message)).toEqual([
        'Phiếu không có câu "C9"',
        'Câu C1: không có phương án "Z" (chọn một trong: A, B, C, D)',
      ]);
    });

    it('takes one response per code, stores it apart from the code, and deletes the draft', async () => {
      let r = await t.request('POST', '/api/public/surveys/code/ABCDEFGHJK', {
        body: { answers: { C1: 'A' } },
      });
      expect(r.status).toBe(400);
      expect(errorOf(r).issues.map((i) => i.message)).toEqual(['Câu C2: chưa chọn phương án']);
      t.setTime('05/01/2023 23:30');
      r = await t.request('POST', '/api/public/surveys/code/ABCDEFGHJK', {
        body: { answers: { C1: 'A', C2: 'b', C3: null } },
      });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ ok: true });
      const [response] = await responsesOf(surveyId, 'code');
      // 23:30 on the 5th in Vietnam is the 5th, whatever the server's zone.
      expect(response).toMatchObject({
        unitId: 'SNV',
        answers: [1, 2, 0],
        submittedOn: '2023-01-05',
        formNumber: null,
        enteredBy: null,
      });
      const [drafts] = await t.deps.db.select({ n: count() }).from(surveyDrafts);
      expect(drafts?.n).toBe(0);
      r = await t.request('POST', '/api/public/surveys/code/ABCDEFGHJK', {
        body: { answers: { C1: 'B', C2: 'A' } },
      });
      expect(r.status).toBe(409);
      expect(errorOf(r)).toMatchObject({
        code: 'CONFLICT',
        message: 'Mã này đã được dùng để trả lời phiếu',
      });
      r = await t.request('PUT', '/api/public/surveys/code/ABCDEFGHJK/draft', {
        body: { answers: { C1: 'B' } },
      });
      expect(r.status).toBe(409);
      r = await t.request('GET', '/api/public/surveys/code/ABCDEFGHJK');
      expect(r.body).toMatchObject({ answered: true, draft: null });
      expect(await responsesOf(surveyId, 'code')).toHaveLength(1);
      t.setTime('05/01/2023 09:00');
    });

    it('lets exactly one of two simultaneous answers with the same code through', async () => {
      await addCode(t, w, surveyId, 'KMNPQ-RSTUV', 'SYT');
      const post = (key: string) =>
        t.request('POST', '/api/public/surveys/code/KMNPQRSTUV', {
          body: { answers: { C1: key, C2: 'A' } },
        });
      const results = await Promise.all([post('A'), post('B'), post('C')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const rows = (await responsesOf(surveyId, 'code')).filter((r) => r.unitId === 'SYT');
      expect(rows).toHaveLength(1);
    });

    it('refuses a code of a survey that is not open', async () => {
      const draft = await addSurvey(t, w, { status: 'draft', name: 'Phiếu nháp' });
      const closed = await addSurvey(t, w, { status: 'closed', name: 'Phiếu đã đóng' });
      await addCode(t, w, draft, 'WXYZ2-34567', 'SNV');
      await addCode(t, w, closed, 'WXYZ2-34568', 'SNV');
      let r = await t.request('POST', '/api/public/surveys/code/WXYZ234567', {
        body: { answers: { C1: 'A', C2: 'A' } },
      });
      expect(r.status).toBe(409);
      expect(errorOf(r)).toMatchObject({
        code: 'INVALID_STATE',
        message: 'Phiếu khảo sát chưa mở để nhận trả lời',
      });
      r = await t.request('GET', '/api/public/surveys/code/WXYZ234568');
      expect(errorOf(r)).toMatchObject({
        code: 'INVALID_STATE',
        message: 'Đợt khảo sát đã kết thúc; phiếu không còn nhận trả lời',
      });
    });

    it('slows down guessing: 30 wrong codes from one address in 15 minutes, then 429 even for a right one', async () => {
      await clearCounters();
      await addCode(t, w, surveyId, 'HJKLM-NPQRS', 'SNV');
      for (let i = 0; i < 30; i++) {
        const r = await t.request(
          'GET',
          `/api/public/surveys/code/ZZZZZ-ZZZ${i < 10 ? 'Z' : ''}${i}`,
        );
        expect(r.status).toBe(404);
      }
      let r = await t.request('GET', '/api/public/surveys/code/HJKLMNPQRS');
      expect(r.status).toBe(429);
      expect(errorOf(r)).toMatchObject({
        code: 'RATE_LIMITED',
        message:
          'Đã nhập sai mã hoặc đường dẫn khảo sát quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      });
      t.setTime('05/01/2023 09:16');
      r = await t.request('GET', '/api/public/surveys/code/HJKLMNPQRS');
      expect(r.status).toBe(200);
      t.setTime('05/01/2023 09:00');
      await clearCounters();
    });
  });

  describe('open links', () => {
    const LINK = 'lienket-so-noi-vu-0000001';
    const device = (n: number) => ({
      cookie: `chiso_device=thiet-bi-thu-nghiem-${String(n).padStart(4, '0')}`,
    });
    /** The single-use token a form is handed out with (decision 0031). */
    const formToken = async (link: string) => {
      const r = await t.request('GET', `/api/public/surveys/link/${link}`);
      return (r.body as { formToken: string }).formToken;
    };

    it('sets a device cookie, saves a draft under a resume token and resumes it', async () => {
      await addLink(t, surveyId, 'SNV', LINK);
      let r = await t.request('GET', `/api/public/surveys/link/${LINK}`);
      expect(r.status).toBe(200);
      const cookie = String(r.headers['set-cookie']);
      expect(cookie).toMatch(/^chiso_device=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Max-Age=34560000/);
      expect(r.body).toMatchObject({ unit: { id: 'SNV' }, draft: null });
      r = await t.request('PUT', `/api/public/surveys/link/${LINK}/draft`, {
        body: { answers: { C2: 'B' } },
      });
      const { resumeToken } = r.body as { resumeToken: string };
      expect(resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [stored] = await t.deps.db.select().from(surveyDrafts);
      expect(stored?.tokenHash).not.toBe(resumeToken);
      r = await t.request('PUT', `/api/public/surveys/link/${LINK}/draft`, {
        body: { answers: { C1: 'C', C2: 'B' }, resumeToken },
      });
      expect(r.body).toEqual({ resumeToken });
      r = await t.request('GET', `/api/public/surveys/link/${LINK}?resume=${resumeToken}`, {
        headers: device(1),
      });
      expect(r.headers['set-cookie']).toBeUndefined();
      expect((r.body as Body).draft).toEqual({ C1: 'C', C2: 'B', C3: null });
      expect((r.body as { formToken: string }).formToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      r = await t.request('POST', `/api/public/surveys/link/${LINK}`, {
        headers: device(1),
        body: {
          answers: { C1: 'C', C2: 'B' },
          resumeToken,
          formToken: (r.body as { formToken: string }).formToken,
        },
      });
      expect(r.status).toBe(200);
      r = await t.request('GET', `/api/public/surveys/link/${LINK}?resume=${resumeToken}`);
      expect((r.body as Body).draft).toBeNull();
      expect((await responsesOf(surveyId, 'link')).map((x) => x.answers)).toEqual([[3, 2, 0]]);
    });

    it('refuses a second answer from the same device for the unit', async () => {
      const r = await t.request('POST', `/api/public/surveys/link/${LINK}`, {
        headers: device(1),
        body: { answers: { C1: 'A', C2: 'A' }, formToken: await formToken(LINK) },
      });
      expect(r.status).toBe(409);
      expect(errorOf(r)).toMatchObject({
        code: 'CONFLICT',
        message: 'Thiết bị này đã gửi phiếu cho đơn vị này',
      });
      expect(await responsesOf(surveyId, 'link')).toHaveLength(1);
    });

    it('tells a device that already answered when the form opens, not only at the end', async () => {
      let r = await t.request('GET', `/api/public/surveys/link/${LINK}`, { headers: device(1) });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ unit: { id: 'SNV' }, answered: true, draft: null });
      r = await t.request('GET', `/api/public/surveys/link/${LINK}`, { headers: device(2) });
      expect(r.body).toMatchObject({ answered: false });
      // A new device (no cookie yet) gets its cookie and the form.
      r = await t.request('GET', `/api/public/surveys/link/${LINK}`);
      expect(r.body).toMatchObject({ answered: false });
      expect(String(r.headers['set-cookie'])).toMatch(/^chiso_device=/);
    });

    it('takes 20 answers an hour from one address through one link, then 429', async () => {
      await clearCounters();
      const link = 'lienket-so-y-te-000000002';
      await addLink(t, surveyId, 'SYT', link);
      for (let i = 0; i < 20; i++) {
        const r = await t.request('POST', `/api/public/surveys/link/${link}`, {
          headers: device(100 + i),
          body: { answers: { C1: 'A', C2: 'A' }, formToken: await formToken(link) },
        });
        expect(r.status).toBe(200);
      }
      let r = await t.request('POST', `/api/public/surveys/link/${link}`, {
        headers: device(200),
        body: { answers: { C1: 'A', C2: 'A' }, formToken: await formToken(link) },
      });
      expect(r.status).toBe(429);
      expect(errorOf(r).message).toBe(
        'Đã có quá nhiều phiếu gửi từ địa chỉ mạng này cho đơn vị này. Vui lòng thử lại sau 60 phút.',
      );
      t.setTime('05/01/2023 10:01');
      r = await t.request('POST', `/api/public/surveys/link/${link}`, {
        headers: device(200),
        body: { answers: { C1: 'A', C2: 'A' }, formToken: await formToken(link) },
      });
      expect(r.status).toBe(200);
      t.setTime('05/01/2023 09:00');
      await clearCounters();
    });

    it('answers 404 for a link that does not exist or was replaced', async () => {
      const r = await t.request('GET', '/api/public/surveys/link/khong-co-lien-ket-nay-00');
      expect(r.status).toBe(404);
      expect(errorOf(r).message).toBe(
        'Đường dẫn khảo sát không đúng hoặc đã được thay bằng đường dẫn mới',
      );
      await clearCounters();
    });
  });

  describe('paper forms and the re-check', () => {
    const paper = (body: unknown, as = clerk) =>
      t.request('POST', `/api/surveys/${surveyId}/paper`, { as, body });

    it('enters paper forms: number once per survey, a rated unit, every answer valid', async () => {
      let r = await paper({
        unitId: 'SNV',
        formNumber: 'P-001',
        batch: 'Lô 1',
        answers: { C1: 'a', C2: 'A' },
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ recheckSelected: true });
      r = await paper(
        {
          unitId: 'SYT',
          formNumber: 'P-002',
          batch: 'Lô 1',
          answers: { C1: 'A', C2: 'B', C3: 'C' },
        },
        w.sessions.admin,
      );
      expect(r.status).toBe(201);
      r = await paper({ unitId: 'SYT', formNumber: ' P-001 ', answers: { C1: 'A', C2: 'B' } });
      expect(r.status).toBe(409);
      expect(errorOf(r).message).toBe('Phiếu số P-001 đã được nhập cho phiếu khảo sát này');
      r = await paper({ unitId: 'H01', formNumber: 'P-003', answers: { C1: 'A', C2: 'B' } });
      expect(r.status).toBe(400);
      expect(errorOf(r).issues[0]?.message).toMatch(/UBND huyện Nam Sách không thuộc loại đơn vị/);
      r = await paper({ unitId: 'SNV', formNumber: 'P-003', answers: { C1: 'E', C2: 'B' } });
      expect(r.status).toBe(400);
      expect(errorOf(r).issues.map((i) => i.message)).toEqual([
        'Câu C1: không có phương án "E" (chọn một trong: A, B, C, D)',
      ]);
      r = await t.request('GET', `/api/surveys/${surveyId}/paper?batch=L%C3%B4%201`, { as: clerk });
      expect(r.status).toBe(200);
      const forms = (
        r.body as {
          forms: { formNumber: string; unitId: string; submittedOn: string; recheck: string }[];
        }
      ).forms;
      expect(forms.map((f) => [f.formNumber, f.unitId, f.submittedOn, f.recheck])).toEqual([
        ['P-001', 'SNV', '2023-01-05', 'pending'],
        ['P-002', 'SYT', '2023-01-05', 'pending'],
      ]);
      expect(JSON.stringify(r.body)).not.toContain('answers');
    });

    it('re-checks blind: a match, a mismatch with its differences, then the right answers', async () => {
      let r = await t.request('GET', `/api/surveys/${surveyId}/rechecks`, { as: clerk });
      expect(r.body).toEqual({
        pending: [
          { formNumber: 'P-001', batch: 'Lô 1', unitId: 'SNV' },
          { formNumber: 'P-002', batch: 'Lô 1', unitId: 'SYT' },
        ],
        mismatches: [],
        done: 0,
        selected: 2,
      });
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks`, {
        as: clerk,
        body: { formNumber: 'P-001', answers: { C1: 'A', C2: 'A' } },
      });
      expect(r.body).toEqual({ status: 'match', differences: [] });
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks`, {
        as: clerk,
        body: { formNumber: 'P-002', answers: { C1: 'B', C2: 'B' } },
      });
      expect(r.body).toEqual({
        status: 'mismatch',
        differences: [
          { question: 'C1', first: 'A', second: 'B' },
          { question: 'C3', first: 'C', second: null },
        ],
      });
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks`, {
        as: clerk,
        body: { formNumber: 'P-002', answers: { C1: 'A', C2: 'B' } },
      });
      expect(r.status).toBe(409);
      expect(errorOf(r).message).toBe('Phiếu số P-002 đã được nhập phúc tra');
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks`, {
        as: clerk,
        body: { formNumber: 'P-999', answers: { C1: 'A', C2: 'B' } },
      });
      expect(r.status).toBe(404);
      r = await t.request('GET', `/api/surveys/${surveyId}/rechecks`, { as: clerk });
      const state = r.body as { mismatches: { responseId: string }[] };
      expect(state).toMatchObject({ pending: [], done: 1, selected: 2 });
      expect(state.mismatches).toHaveLength(1);
      const responseId = state.mismatches[0]?.responseId ?? '';
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks/${responseId}/resolve`, {
        as: clerk,
        body: { answers: { C1: 'B', C2: 'B', C3: 'C' } },
      });
      expect(r.body).toEqual({ status: 'resolved' });
      const [row] = await t.deps.db
        .select()
        .from(surveyResponses)
        .where(eq(surveyResponses.id, responseId));
      expect(row?.answers).toEqual([2, 2, 3]);
      r = await t.request('POST', `/api/surveys/${surveyId}/rechecks/${responseId}/resolve`, {
        as: clerk,
        body: { answers: { C1: 'B', C2: 'B' } },
      });
      expect(r.status).toBe(409);
      r = await t.request('GET', `/api/surveys/${surveyId}/rechecks`, { as: clerk });
      expect(r.body).toMatchObject({ pending: [], mismatches: [], done: 2, selected: 2 });
      const audit = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, responseId));
      expect(audit.map((a) => a.action)).toEqual([
        'survey.paper.enter',
        'survey.recheck.enter',
        'survey.recheck.resolve',
      ]);
      expect(audit[2]?.after).toEqual({
        formNumber: 'P-002',
        answers: { C1: 'B', C2: 'B', C3: 'C' },
      });
    });

    it("selects about the survey's share of forms, the same ones every time", async () => {
      const tenth = await addSurvey(t, w, { recheckPercent: 10, name: 'Phiếu 10%' });
      let selected = 0;
      for (let i = 0; i < 60; i++) {
        const r = await t.request('POST', `/api/surveys/${tenth}/paper`, {
          as: clerk,
          body: { unitId: 'SNV', formNumber: `S${i}`, answers: { C1: 'A', C2: 'A' } },
        });
        if ((r.body as { recheckSelected: boolean }).recheckSelected) selected++;
      }
      const r = await t.request('GET', `/api/surveys/${tenth}/rechecks`, { as: clerk });
      expect((r.body as Body).selected).toBe(selected);
      expect(selected).toBeLessThan(20);
    });
  });

  describe('bulk import of the post office delivery', () => {
    let dir: string;
    const header = ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'];
    /**
     * The delivery uploaded (202) and its job run (decision 0044), answered as the request used
     * to answer: 201 with the count, or the refusal's status with its error, whether the request
     * refused it (who, which survey) or the job (what is in the file).
     */
    const upload = async (name: string, content: Buffer | string, as = clerk, id = surveyId) => {
      const { upload: r, job } = await importAndWait(
        t,
        `/api/surveys/${id}/responses/import`,
        { name, content },
        as,
      );
      if (!job) return r;
      expect(r.status).toBe(202);
      if (job.state === 'succeeded') return { ...r, status: 201, body: job.result };
      expect(job.state).toBe('failed');
      const status = job.problems?.code === 'CONFLICT' ? 409 : 422;
      return { ...r, status, body: { error: job.problems } };
    };
    beforeAll(async () => {
      dir = await tempDir();
    });

    it('imports a good CSV (BOM, semicolons, quotes) in one go', async () => {
      const csv = `\ufeff${toCsv([
        header,
        ['BD-0001', 'Bưu điện; đợt 1', 'SNV', 'A', 'B', ''],
        ['BD-0002', 'Bưu điện; đợt 1', 'snv', 'b', 'a', 'C'],
        [null, null, null, null, null, null],
        ['BD-0003', null, 'SYT', 'D', 'B', 'A'],
      ])}`;
      const r = await upload('buu-dien-dot-1.csv', csv);
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ imported: 3 });
      const rows = (await responsesOf(surveyId, 'import')).sort((a, b) =>
        (a.formNumber ?? '').localeCompare(b.formNumber ?? ''),
      );
      expect(rows.map((x) => [x.formNumber, x.batch, x.unitId, x.answers])).toEqual([
        ['BD-0001', 'Bưu điện; đợt 1', 'SNV', [1, 2, 0]],
        ['BD-0002', 'Bưu điện; đợt 1', 'SNV', [2, 1, 3]],
        ['BD-0003', null, 'SYT', [4, 2, 1]],
      ]);
      const [audit] = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'survey.responses.import'));
      expect(audit?.after).toMatchObject({
        fileName: 'buu-dien-dot-1.csv',
        kind: 'csv',
        count: 3,
        batches: ['Bưu điện; đợt 1'],
      });
      expect((audit?.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('imports a good workbook with a title above the header, numbers as form numbers', async () => {
      const file = await writeXlsx(join(dir, 'dot-2.xlsx'), {
        'Hướng dẫn': [['Điền mỗi phiếu một dòng']],
        'Phiếu & kết quả': [
          ['Kết quả khảo sát do bưu điện tỉnh chuyển'],
          [],
          header,
          [1001, 'Đợt 2', 'SNV', 'A', 'A', null],
          [1002, 'Đợt 2', 'SYT', 'C', 'B', 'B'],
        ],
      });
      const r = await upload('dot-2.xlsx', await readFile(file));
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ imported: 2 });
      const rows = await responsesOf(surveyId, 'import');
      expect(rows.filter((x) => x.batch === 'Đợt 2').map((x) => [x.formNumber, x.answers])).toEqual(
        expect.arrayContaining([
          ['1001', [1, 1, 0]],
          ['1002', [3, 2, 2]],
        ]),
      );
    });

    it('rejects a file with bad rows whole, naming sheet, row and column of each', async () => {
      const before = (await responsesOf(surveyId)).length;
      const file = await writeXlsx(join(dir, 'dot-3.xlsx'), {
        'Lô 3': [
          header,
          ['BD-0100', 'Đợt 3', 'SNV', 'A', 'A', null],
          ['BD-0101', 'Đợt 3', 'SNV', null, 'E', null],
          ['BD-0100', 'Đợt 3', 'SYT', 'A', 'A', null],
          ['BD-0001', 'Đợt 3', 'SNV', 'A', 'A', null],
          ['BD-0102', 'Đợt 3', 'H01', 'A', 'A', null],
          ['BD 0103', 'Đợt 3', 'XYZ', 'A', 'B', null],
        ],
      });
      const r = await upload('dot-3.xlsx', await readFile(file));
      expect(r.status).toBe(422);
      const error = errorOf(r);
      expect(error.code).toBe('IMPORT_REJECTED');
      expect(error.message).toBe(
        'Tệp "dot-3.xlsx" có 6 lỗi; chưa nhập phiếu nào. Hãy sửa các dòng được chỉ ra rồi nhập lại cả tệp',
      );
      expect(error.details).toEqual([
        'Trang "Lô 3", dòng 3, cột D (C1): câu C1: chưa chọn phương án',
        'Trang "Lô 3", dòng 3, cột E (C2): câu C2: không có phương án "E" (chọn một trong: A, B)',
        'Trang "Lô 3", dòng 4, cột A (Số phiếu): số phiếu "BD-0100" trùng với dòng 2',
        'Trang "Lô 3", dòng 6, cột C (Mã đơn vị): UBND huyện Nam Sách không thuộc loại đơn vị được đánh giá bằng phiếu này (Sở, ban, ngành)',
        'Trang "Lô 3", dòng 7, cột A (Số phiếu): số phiếu "BD 0103" chỉ gồm chữ, số, ".", "/", "_", "-" (tối đa 40 ký tự)',
        'Trang "Lô 3", dòng 5, cột A (Số phiếu): số phiếu "BD-0001" đã được nhập trước đó',
      ]);
      expect((await responsesOf(surveyId)).length).toBe(before);
    });

    it('lists the first 200 issues and says how many more', async () => {
      const rows: (string | null)[][] = [header];
      for (let i = 0; i < 150; i++) rows.push([`X${i}`, null, 'SNV', null, null, null]);
      const r = await upload('nhieu-loi.csv', toCsv(rows));
      const error = errorOf(r);
      expect(error.message).toMatch(/^Tệp "nhieu-loi.csv" có 300 lỗi;/);
      expect(error.issues).toHaveLength(201);
      expect(error.issues[200]?.message).toBe('… và 100 lỗi khác chưa liệt kê');
      expect(error.issues[0]).toEqual({
        sheet: 'nhieu-loi.csv',
        row: 2,
        column: 'D',
        field: 'C1',
        message: 'câu C1: chưa chọn phương án',
      });
    });

    it('refuses files that are not what they say, or lack the header', async () => {
      let r = await upload('phieu.xlsx', 'Số phiếu;Mã đơn vị\n1;SNV\n');
      expect(r.status).toBe(422);
      expect(errorOf(r).details).toEqual([
        'Trang "phieu.xlsx": tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel',
      ]);
      r = await upload(
        'cu.xls',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      );
      expect(errorOf(r).details[0]).toMatch(/Excel 97-2003/);
      r = await upload(
        'khong-tieu-de.csv',
        toCsv([
          ['a', 'b'],
          ['1', '2'],
        ]),
      );
      expect(errorOf(r).details[0]).toMatch(/không thấy dòng tiêu đề trong 30 dòng đầu/);
      r = await upload(
        'thieu-cot.csv',
        toCsv([
          ['Số phiếu', 'Mã đơn vị', 'C1'],
          ['1', 'SNV', 'A'],
        ]),
      );
      expect(errorOf(r).details).toEqual([
        'Trang "thieu-cot.csv", dòng 1: thiếu cột "C2"',
        'Trang "thieu-cot.csv", dòng 1: thiếu cột "C3"',
      ]);
      r = await upload('latin1.csv', Buffer.from('Số phiếu;Mã đơn vị\n', 'latin1'));
      expect(errorOf(r).details[0]).toMatch(/UTF-8/);
      r = await upload('../phieu.csv', 'x');
      expect(errorOf(r).code).toBe('FILE_REJECTED');
    });

    it('imports without HTTP (as the bench does), and only into an open survey', async () => {
      const csv = await writeText(
        join(dir, 'truc-tiep.csv'),
        toCsv([header, ['TT-1', null, 'SNV', 'A', 'A', null]]),
      );
      const admin = {
        userId: w.ids.admin ?? '',
        role: 'administrator' as const,
        unitId: undefined,
        username: 'admin',
        fullName: 'Quản trị',
      };
      expect(await importSurveyResponses(t.context(admin), surveyId, csv, 'truc-tiep.csv')).toEqual(
        { imported: 1 },
      );
      const draft = await addSurvey(t, w, { status: 'draft', name: 'Phiếu chưa mở' });
      const r = await upload(
        'truc-tiep.csv',
        toCsv([header, ['TT-2', null, 'SNV', 'A', 'A', null]]),
        clerk,
        draft,
      );
      expect(r.status).toBe(409);
      expect(errorOf(r).code).toBe('INVALID_STATE');
    });
  });

  describe('who may enter forms', () => {
    it('refuses collection routes to anyone but administrators and clerks', async () => {
      const body = { unitId: 'SNV', formNumber: 'Q-1', answers: { C1: 'A', C2: 'A' } };
      const routes: ['GET' | 'POST', string, unknown][] = [
        ['POST', `/api/surveys/${surveyId}/paper`, body],
        ['GET', `/api/surveys/${surveyId}/paper`, undefined],
        ['GET', `/api/surveys/${surveyId}/rechecks`, undefined],
        [
          'POST',
          `/api/surveys/${surveyId}/rechecks`,
          { formNumber: 'P-001', answers: { C1: 'A' } },
        ],
        [
          'POST',
          `/api/surveys/${surveyId}/rechecks/00000000-0000-4000-8000-000000000000/resolve`,
          { answers: { C1: 'A' } },
        ],
      ];
      for (const username of ['cb.snv', 'tt.snv', 'td1', 'hd1', 'xem']) {
        for (const [method, url, payload] of routes) {
          const r = await t.request(method, url, { as: w.sessions[username], body: payload });
          expect([username, url, r.status]).toEqual([username, url, 403]);
        }
        const upload = multipart('a.csv', 'Số phiếu\n');
        const r = await t.request('POST', `/api/surveys/${surveyId}/responses/import`, {
          as: w.sessions[username],
          payload: upload.payload,
          headers: upload.headers,
        });
        expect(r.status).toBe(403);
      }
      for (const [method, url, payload] of routes) {
        expect((await t.request(method, url, { body: payload })).status).toBe(401);
      }
    });
  });
});

describe('streaming readers agree with the whole-file readers', () => {
  const texts = [
    'a;b;c\r\n"x;y";"he said ""hi""";\n"multi\nline";2;3\n\n;;\n"";x;"unterminated',
    '\ufeffSố phiếu,Lô,Mã đơn vị\n1,"Lô 1, bưu điện",SNV\n2,,SYT',
    'a\tb\n"ab"c\td\r\n\r\nx\t"y\r\nz"\r\n',
    'chỉ một cột\nkhông có dấu phân cách\n',
  ];
  it.each([1, 2, 3, 7, 1000])(
    'reads CSV fed in pieces of %i characters as parseCsv does',
    (size) => {
      for (const text of texts) {
        const rows: (string | null)[][] = [];
        const reader = csvReader((cells) => rows.push(cells));
        for (let i = 0; i < text.length; i += size) reader.feed(text.slice(i, i + size), false);
        reader.feed('', true);
        expect(rows).toEqual(parseCsv(text, 'x').rows);
      }
    },
  );

  it('reads .xlsx cells as the exceljs reader shows them', async () => {
    const dir = await tempDir();
    const path = join(dir, 'o-du-lieu.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu <1> & "2"');
    sheet.addRow(['Số phiếu', 'Ghi chú', null, 'Số']);
    sheet.addRow(['P-1', 'a < b & c > "d"', true, 1.5]);
    sheet.addRow([1002, { richText: [{ text: 'Rất ' }, { font: { bold: true }, text: 'tốt' }] }]);
    sheet.getCell('D3').value = { formula: 'D2*2', result: 3 };
    sheet.getCell('F4').value = 'ô xa';
    sheet.getCell('B5').value = { formula: 'A2', result: 'P-1' };
    workbook.addWorksheet('Trống');
    await workbook.xlsx.writeFile(path);
    const trim = (row: Cell[]) => {
      const cells = [...row];
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return cells;
    };
    const expected = (await readTables(path)).map((t) => ({
      sheet: t.sheet,
      rows: t.rows.map(trim).filter((row) => row.length > 0),
    }));
    const streamed: { sheet: string; rows: Cell[][] }[] = [];
    await readXlsxRows(path, 'o-du-lieu.xlsx', {
      sheet: (name) => streamed.push({ sheet: name, rows: [] }),
      row: (cells) => {
        const row = trim(cells);
        if (row.length > 0) streamed[streamed.length - 1]?.rows.push(row);
      },
    });
    expect(streamed).toEqual(expected);
    expect(streamed[0]?.rows[1]).toEqual(['P-1', 'a < b & c > "d"', true, 1.5]);
  });
});
