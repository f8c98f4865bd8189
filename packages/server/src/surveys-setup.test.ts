import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyCodes, surveyResponses, surveyTallies } from './db/schema.js';
import { parseTables } from './spreadsheet/read-table.js';
import { importAndWait, imported } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

interface ErrorBody {
  error: { code: string; message: string; details: string[] };
}
const errorOf = (body: unknown) => (body as ErrorBody).error;

interface CodeView {
  code: string;
  unitId: string;
  unitName: string;
  respondentName: string | null;
  respondentInfo: string | null;
  answeredOn: string | null;
}
interface Detail {
  id: string;
  name: string;
  status: string;
  version: number;
  questionCount: number;
  responses: number;
  target: number;
  recheckPercent: number;
  questionnaire: Record<string, unknown> & { questions: { code: string }[] };
  targets: {
    unitId: string;
    unitName: string;
    target: number;
    population: number | null;
    responses: number;
    codes: number;
    answeredCodes: number;
  }[];
  links: { unitId: string; token: string; active: boolean }[];
  frame: { total: number; sampled: number };
}

/** A department framework whose leaf 2.1 is scored by delegates' answers, 2.2 by SIPAS. */
const SURVEY_FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '1', null],
  ['1.1', 'Kế hoạch CCHC năm', '1', '{"kind":"manual","step":"0,25"}'],
  ['2', 'Kết quả khảo sát', '5', null],
  [
    '2.1',
    'Đánh giá của đại biểu về thực hiện nhiệm vụ',
    '3',
    '{"kind":"survey","groups":[{"group":"daiBieu","label":"Đại biểu HĐND"}]}',
  ],
  ['2.2', 'Chỉ số hài lòng SIPAS', '2', '{"kind":"externalIndex"}'],
]);

const option = (key: string, label: string, weight: string, satisfied = false) => ({
  key,
  label,
  weight,
  satisfied,
});
const QUESTIONS = [
  {
    code: 'C1',
    text: 'Việc ban hành văn bản chỉ đạo CCHC của đơn vị',
    leafCode: '2.1',
    optional: false,
    options: [
      option('A', 'Tốt', '100'),
      option('B', 'Khá', '60'),
      option('C', 'Trung bình', '20'),
      option('D', 'Kém', '0'),
    ],
  },
  {
    code: 'C2',
    text: 'Thái độ phục vụ của công chức',
    leafCode: '2.1',
    optional: true,
    options: [option('A', 'Tốt', '100'), option('B', 'Chưa tốt', '12,5')],
  },
];
const PAR = {
  name: 'Phiếu đại biểu HĐND đánh giá sở',
  kind: 'par',
  group: 'daiBieu',
  groupLabel: 'Đại biểu HĐND tỉnh',
  ratedUnitType: 'Sở, ban, ngành',
  questions: QUESTIONS,
};

describe.each(DATABASE_KINDS)('survey setup (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let periodId: string;
  let clerk: Session;
  let parId: string;

  const as = (name: string) => w.sessions[name] ?? clerk;
  const upload = (
    url: string,
    name: string,
    content: Buffer | string,
    session = w.sessions.admin,
  ) => importAndWait(t, url, { name, content }, session!);
  const detail = async (id: string) =>
    (await t.request('GET', `/api/surveys/${id}`, { as: w.sessions.admin })).body as Detail;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap', 'surveyClerk');
    clerk = await t.login('nhap');
    const framework = await imported<{ id: string }>(
      t,
      '/api/frameworks/import?name=S%E1%BB%9F%202023&year=2023&unitType=so',
      { name: 'bo-chi-so.csv', content: SURVEY_FRAMEWORK_CSV },
      w.sessions.admin!,
    );
    const period = await t.request('POST', '/api/periods', {
      as: w.sessions.admin,
      body: {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { so: framework.id },
        unitIds: ['SNV', 'SYT'],
      },
    });
    periodId = (period.body as { id: string }).id;
    // A department that does not take part in the 2023 period.
    await t.request('PUT', '/api/units/SXD', {
      as: w.sessions.admin,
      body: { name: 'Sở Xây dựng', type: 'so' },
    });
  }, 90_000);
  afterAll(async () => t.close());

  it('creates a survey from JSON, with the unit type as a key, and lists it', async () => {
    const r = await t.request('POST', `/api/periods/${periodId}/surveys`, {
      as: w.sessions.admin,
      body: { questionnaire: PAR, recheckPercent: 20 },
    });
    expect(r.status).toBe(201);
    const survey = r.body as Detail;
    parId = survey.id;
    expect(survey).toMatchObject({
      name: PAR.name,
      kind: 'par',
      respondentGroup: 'daiBieu',
      ratedUnitType: 'so',
      status: 'draft',
      recheckPercent: 20,
      questionCount: 2,
      responses: 0,
      target: 0,
      version: 1,
      targets: [],
      links: [],
      frame: { total: 0, sampled: 0 },
    });
    expect(survey.questionnaire.questions[1]).toMatchObject({
      code: 'C2',
      optional: true,
      options: [option('A', 'Tốt', '100'), option('B', 'Chưa tốt', '12.5')],
    });
    for (const name of ['admin', 'cb.snv', 'hd1', 'clerk']) {
      const list = await t.request('GET', `/api/periods/${periodId}/surveys`, { as: as(name) });
      expect(list.status, name).toBe(200);
      expect((list.body as { surveys: { id: string }[] }).surveys.map((s) => s.id)).toEqual([
        parId,
      ]);
    }
  });

  it('documents its routes in the OpenAPI document', async () => {
    const openapi = (await t.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/periods/{periodId}/surveys',
        '/api/surveys/{id}/codes.xlsx',
        '/api/surveys/{id}/frame/sample',
      ]),
    );
  });

  it('refuses a questionnaire with bad values, naming each place', async () => {
    const r = await t.request('POST', `/api/periods/${periodId}/surveys`, {
      as: w.sessions.admin,
      body: {
        questionnaire: {
          ...PAR,
          ratedUnitType: 'huyen',
          questions: [QUESTIONS[0], { ...QUESTIONS[0], text: 'Trùng mã' }],
        },
      },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual(['questions[1].code: mã câu "C1" trùng với câu thứ 1']);
    const wrongType = await t.request('POST', `/api/periods/${periodId}/surveys`, {
      as: w.sessions.admin,
      body: { questionnaire: { ...PAR, ratedUnitType: 'huyen' } },
    });
    expect(errorOf(wrongType.body).details).toEqual([
      'ratedUnitType: kỳ đánh giá không có bộ chỉ số cho loại đơn vị "huyen" (có: Sở, ban, ngành)',
    ]);
  });

  it('exports the questionnaire to Excel and imports it back unchanged', async () => {
    const r = await t.request('GET', `/api/surveys/${parId}/export.xlsx`, {
      as: w.sessions.admin,
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="phieu-dai-bieu-hdnd-danh-gia-so.xlsx"',
    );
    const tables = await parseTables(r.raw, 'phieu.xlsx');
    expect(tables.map((table) => table.sheet)).toEqual(['Thông tin', 'Câu hỏi']);
    const { upload: queued, job } = await upload(
      `/api/periods/${periodId}/surveys/import`,
      'phieu.xlsx',
      r.raw,
    );
    expect(queued.status).toBe(202);
    expect(job).toMatchObject({ kind: 'survey', state: 'succeeded', problems: null });
    const made = job?.result as { id: string; name: string; questionCount: number };
    const copy = await detail(made.id);
    expect(made).toMatchObject({ periodId, name: copy.name, questionCount: copy.questionCount });
    expect(copy.id).not.toBe(parId);
    expect(copy.questionnaire).toEqual((await detail(parId)).questionnaire);
    expect(copy.recheckPercent).toBe(10);
  });

  it('refuses a questionnaire workbook with bad rows whole, naming sheet, row and column', async () => {
    const r = await t.request('GET', `/api/surveys/${parId}/export.xlsx`, {
      as: w.sessions.admin,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Câu hỏi');
    if (!sheet) throw new Error('no sheet');
    sheet.getCell('H3').value = 'nhiều';
    sheet.getCell('H7').value = 150;
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = (
      await t.request('GET', `/api/periods/${periodId}/surveys`, { as: w.sessions.admin })
    ).body as { surveys: unknown[] };
    const { job: refused } = await upload(
      `/api/periods/${periodId}/surveys/import`,
      'phieu.xlsx',
      bad,
    );
    expect(refused).toMatchObject({ state: 'failed', result: null });
    expect(refused?.problems?.code).toBe('IMPORT_REJECTED');
    expect(refused?.problems?.details).toEqual([
      'Trang "Câu hỏi", dòng 3, cột H (Trọng số (%)): "nhiều" không phải là số',
      'Trang "Câu hỏi", dòng 7, cột H (Trọng số (%)): phải từ 0 đến 100 (%)',
    ]);
    const after = (
      await t.request('GET', `/api/periods/${periodId}/surveys`, { as: w.sessions.admin })
    ).body as { surveys: unknown[] };
    expect(after.surveys).toHaveLength(before.surveys.length);
  });

  it('opens a survey only when it fits the framework of the period', async () => {
    // The 2022 framework has no survey leaf: 1.1 is scored on time.
    const old = await t.request('POST', `/api/periods/${w.periodId}/surveys`, {
      as: w.sessions.admin,
      body: {
        questionnaire: { ...PAR, questions: [{ ...QUESTIONS[0], leafCode: '1.1' }] },
      },
    });
    expect(old.status).toBe(201);
    let r = await t.request('POST', `/api/surveys/${(old.body as Detail).id}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      'questions[0].leafCode: Câu C1: tiêu chí 1.1 không chấm theo kết quả khảo sát',
    ]);
    r = await t.request('POST', `/api/surveys/${parId}/status`, {
      as: w.sessions.admin,
      body: { status: 'closed' },
    });
    expect(r.status).toBe(409);
    r = await t.request('POST', `/api/surveys/${parId}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'open', version: 2 });
    // An open survey keeps fitting the framework.
    r = await t.request('PUT', `/api/surveys/${parId}`, {
      as: w.sessions.admin,
      body: {
        questionnaire: { ...PAR, questions: [{ ...QUESTIONS[0], leafCode: '2.2' }] },
        recheckPercent: 20,
        version: 2,
      },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      'questions[0].leafCode: Câu C1: tiêu chí 2.2 không chấm theo kết quả khảo sát',
    ]);
  });

  it('opens a SIPAS survey only when it feeds an external index leaf', async () => {
    const sipas = {
      name: 'Phiếu khảo sát sự hài lòng',
      kind: 'sipas',
      group: 'nguoiDan',
      groupLabel: 'Người dân, tổ chức',
      ratedUnitType: 'so',
      questions: [
        {
          code: 'S1',
          text: 'Nơi ngồi chờ có đủ chỗ ngồi',
          element: 'tiepCan',
          options: [option('1', 'Hài lòng', '100', true), option('2', 'Không hài lòng', '0')],
        },
      ],
      sipas: { mode: 'spot', leafCode: '2.1' },
    };
    let r = await t.request('POST', `/api/periods/${periodId}/surveys`, {
      as: w.sessions.admin,
      body: { questionnaire: sipas },
    });
    const survey = r.body as Detail;
    expect(survey.questionnaire.sipas).toEqual({
      formula: 'meanOfElements',
      mode: 'spot',
      target: '85',
      leafCode: '2.1',
    });
    r = await t.request('POST', `/api/surveys/${survey.id}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(errorOf(r.body).details).toEqual([
      'sipas.leafCode: tiêu chí 2.1 không chấm theo chỉ số bên ngoài nên không nhận được chỉ số SIPAS',
    ]);
    r = await t.request('PUT', `/api/surveys/${survey.id}`, {
      as: w.sessions.admin,
      body: {
        questionnaire: { ...sipas, sipas: { mode: 'spot', leafCode: '2.2' } },
        recheckPercent: 10,
        version: survey.version,
      },
    });
    expect(r.status).toBe(200);
    r = await t.request('POST', `/api/surveys/${survey.id}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(r.body).toMatchObject({ status: 'open', version: 3 });
    r = await t.request('POST', `/api/surveys/${survey.id}/status`, {
      as: w.sessions.admin,
      body: { status: 'draft' },
    });
    expect(r.body).toMatchObject({ status: 'draft', version: 4 });
  });

  it('sets targets only for rated units taking part in the period', async () => {
    let r = await t.request('PUT', `/api/surveys/${parId}/targets`, {
      as: w.sessions.admin,
      body: {
        targets: [
          { unitId: 'SNV', target: 3, population: 40 },
          { unitId: 'H01', target: 2 },
          { unitId: 'SXD', target: 2 },
          { unitId: 'KHONG', target: 2 },
          { unitId: 'SNV', target: 1 },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      'targets[1].unitId: UBND huyện Nam Sách không thuộc loại đơn vị được đánh giá bằng phiếu này (Sở, ban, ngành)',
      'targets[2].unitId: Sở Xây dựng không tham gia kỳ đánh giá',
      'targets[3].unitId: không có đơn vị mã "KHONG"',
      'targets[4].unitId: đơn vị "SNV" đã có ở dòng 1',
    ]);
    r = await t.request('PUT', `/api/surveys/${parId}/targets`, {
      as: w.sessions.admin,
      body: {
        targets: [
          { unitId: 'SNV', target: 3, population: 40 },
          { unitId: 'SYT', target: 2 },
        ],
      },
    });
    expect(r.status).toBe(200);
    const survey = r.body as Detail;
    expect(survey.target).toBe(5);
    expect(survey.targets).toEqual([
      {
        unitId: 'SNV',
        unitName: 'Sở Nội vụ',
        target: 3,
        population: 40,
        responses: 0,
        codes: 0,
        answeredCodes: 0,
      },
      {
        unitId: 'SYT',
        unitName: 'Sở Y tế',
        target: 2,
        population: null,
        responses: 0,
        codes: 0,
        answeredCodes: 0,
      },
    ]);
  });

  it('imports a sampling frame all or nothing, then draws at most the target', async () => {
    const header = ['Mã đơn vị', 'Họ và tên', 'Liên hệ', 'Thủ tục', 'Ngày hoàn thành'];
    const bad = toCsv([
      header,
      // A contact longer than 300 characters is refused, not cut.
      ['SNV', 'Nguyễn Văn An', '0912 345 678 '.repeat(25), 'Cấp giấy phép', '03/03/2023'],
      ['H01', 'Trần Thị Bình', null, null, null],
      ['SYT', '', null, null, '31/02/2023'],
    ]);
    const refused = await upload(`/api/surveys/${parId}/frame/import`, 'danh-sach.csv', bad);
    expect(refused.job?.state).toBe('failed');
    expect(refused.job?.problems?.details).toEqual([
      'Trang "danh-sach.csv", dòng 2, cột C (Liên hệ): dài 324 ký tự, tối đa 300 ký tự',
      'Trang "danh-sach.csv", dòng 3, cột A (Mã đơn vị): UBND huyện Nam Sách không thuộc loại đơn vị được đánh giá bằng phiếu này (Sở, ban, ngành)',
      'Trang "danh-sach.csv", dòng 4, cột B (Họ và tên): thiếu họ và tên',
      'Trang "danh-sach.csv", dòng 4, cột E (Ngày hoàn thành): "31/02/2023" không phải là ngày (dd/mm/yyyy)',
    ]);
    expect((await detail(parId)).frame).toEqual({ total: 0, sampled: 0 });
    const people = [
      ...Array.from({ length: 5 }, (_x, i) => [
        'SNV',
        `Người Nội vụ ${i + 1}`,
        `09000000${i}`,
        'Cấp phép',
        '03/03/2023',
      ]),
      ['SYT', 'Người Y tế 1', null, null, null],
    ];
    const { job } = await upload(
      `/api/surveys/${parId}/frame/import`,
      'danh-sach.csv',
      toCsv([header, ...people]),
    );
    expect(job).toMatchObject({ kind: 'surveyFrame', state: 'succeeded', doneRows: 6 });
    expect(job?.result).toEqual({ imported: 6 });
    let r = await t.request('POST', `/api/surveys/${parId}/frame/sample`, {
      as: w.sessions.admin,
      body: {},
    });
    expect(r.status).toBe(200);
    const drawn = r.body as { sampled: number; codes: CodeView[] };
    // SNV: 3 of its 5 people; SYT: its only person (target 2).
    expect(drawn.sampled).toBe(4);
    expect(drawn.codes.filter((c) => c.unitId === 'SNV')).toHaveLength(3);
    expect(drawn.codes.find((c) => c.unitId === 'SYT')).toMatchObject({
      respondentName: 'Người Y tế 1',
      respondentInfo: null,
      unitName: 'Sở Y tế',
    });
    const snv = drawn.codes.find((c) => c.unitId === 'SNV');
    expect(snv?.respondentName).toMatch(/^Người Nội vụ \d$/);
    expect(snv?.respondentInfo).toMatch(/^09000000\d; Cấp phép; hoàn thành 03\/03\/2023$/);
    for (const c of drawn.codes) expect(c.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    r = await t.request('POST', `/api/surveys/${parId}/frame/sample`, {
      as: w.sessions.admin,
      body: { unitId: 'SNV' },
    });
    expect(r.body).toEqual({ sampled: 0, codes: [] });
    const survey = await detail(parId);
    expect(survey.frame).toEqual({ total: 6, sampled: 4 });
    expect(survey.targets.map((u) => [u.unitId, u.codes])).toEqual([
      ['SNV', 3],
      ['SYT', 1],
    ]);
  });

  it('issues unique codes and lists who has not answered yet', async () => {
    let r = await t.request('POST', `/api/surveys/${parId}/codes`, {
      as: w.sessions.admin,
      body: { unitId: 'SYT', count: 40 },
    });
    expect(r.status).toBe(201);
    expect((r.body as { codes: CodeView[] }).codes).toHaveLength(40);
    r = await t.request('POST', `/api/surveys/${parId}/codes`, {
      as: w.sessions.admin,
      body: {
        unitId: 'SNV',
        respondents: [{ name: 'Lê Văn Cường', info: 'Tổ đại biểu số 3' }],
      },
    });
    expect((r.body as { codes: CodeView[] }).codes).toEqual([
      expect.objectContaining({
        respondentName: 'Lê Văn Cường',
        respondentInfo: 'Tổ đại biểu số 3',
      }),
    ]);
    r = await t.request('POST', `/api/surveys/${parId}/codes`, {
      as: w.sessions.admin,
      body: { unitId: 'H01', count: 1 },
    });
    expect(r.status).toBe(400);
    const all = (
      (await t.request('GET', `/api/surveys/${parId}/codes`, { as: w.sessions.admin })).body as {
        codes: CodeView[];
      }
    ).codes;
    expect(all).toHaveLength(45);
    expect(new Set(all.map((c) => c.code)).size).toBe(45);
    // Someone answers with the first code of SNV (the collection side marks the day).
    const used = all.find((c) => c.unitId === 'SNV');
    await t.deps.db
      .update(surveyCodes)
      .set({ answeredOn: '2023-03-10' })
      .where(
        and(
          eq(surveyCodes.surveyId, parId),
          eq(surveyCodes.code, used?.code.replace('-', '') ?? ''),
        ),
      );
    const pending = (
      (
        await t.request('GET', `/api/surveys/${parId}/codes?unitId=SNV&answered=false`, {
          as: w.sessions.admin,
        })
      ).body as { codes: CodeView[] }
    ).codes;
    expect(pending).toHaveLength(3);
    expect(pending.map((c) => c.code)).not.toContain(used?.code);
    const answered = (
      (
        await t.request('GET', `/api/surveys/${parId}/codes?answered=true`, {
          as: w.sessions.admin,
        })
      ).body as { codes: CodeView[] }
    ).codes;
    expect(answered).toEqual([
      expect.objectContaining({ code: used?.code, answeredOn: '2023-03-10' }),
    ]);
    expect((await detail(parId)).targets.find((u) => u.unitId === 'SNV')).toMatchObject({
      codes: 4,
      answeredCodes: 1,
    });
  });

  it('prints the codes with the address where each is answered', async () => {
    const r = await t.request('GET', `/api/surveys/${parId}/codes.xlsx?unitId=SNV`, {
      as: w.sessions.admin,
      headers: { host: 'chiso.hoaan.gov.vn' },
    });
    expect(r.status).toBe(200);
    const [sheet] = await parseTables(r.raw, 'ma.xlsx');
    expect(sheet?.rows[0]).toEqual([
      'STT',
      'Mã khảo sát',
      'Mã đơn vị',
      'Đơn vị được đánh giá',
      'Người được khảo sát',
      'Thông tin',
      'Địa chỉ trả lời',
      'Đã trả lời ngày',
    ]);
    expect(sheet?.rows).toHaveLength(5);
    const row = sheet?.rows[1] ?? [];
    expect(row[6]).toBe(`http://chiso.hoaan.gov.vn/phieu/${String(row[1])}`);
  });

  it('gives each unit one open link, rotated on request', async () => {
    let r = await t.request('POST', `/api/surveys/${parId}/links`, {
      as: w.sessions.admin,
      body: { unitId: 'SNV' },
    });
    const first = r.body as { unitId: string; token: string; active: boolean };
    expect(first).toMatchObject({ unitId: 'SNV', active: true });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    r = await t.request('POST', `/api/surveys/${parId}/links`, {
      as: w.sessions.admin,
      body: { unitId: 'SNV' },
    });
    const second = r.body as { token: string };
    expect(second.token).not.toBe(first.token);
    expect((await detail(parId)).links).toEqual([
      {
        unitId: 'SNV',
        unitName: 'Sở Nội vụ',
        token: second.token,
        active: true,
        dailyCap: null,
        suspiciousBursts: 0,
        burstsSince: null,
      },
    ]);
  });

  it('changes questions only while nobody answered, on the current version', async () => {
    const current = await detail(parId);
    let r = await t.request('PUT', `/api/surveys/${parId}`, {
      as: w.sessions.admin,
      body: { questionnaire: PAR, recheckPercent: 15, version: current.version - 1 },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body).code).toBe('CONFLICT');
    const third = {
      code: 'C3',
      text: 'Mức độ hài lòng chung',
      leafCode: '2.1',
      options: [option('A', 'Hài lòng', '100'), option('B', 'Không hài lòng', '0')],
    };
    r = await t.request('PUT', `/api/surveys/${parId}`, {
      as: w.sessions.admin,
      body: {
        questionnaire: { ...PAR, questions: [...QUESTIONS, third] },
        recheckPercent: 15,
        version: current.version,
      },
    });
    expect(r.status).toBe(200);
    const updated = r.body as Detail;
    expect(updated).toMatchObject({
      questionCount: 3,
      recheckPercent: 15,
      version: current.version + 1,
    });
    await t.deps.db.insert(surveyResponses).values({
      surveyId: parId,
      unitId: 'SNV',
      channel: 'paper',
      answers: [1, 0, 2],
      formNumber: '0001',
      submittedOn: '2023-03-10',
    });
    r = await t.request('PUT', `/api/surveys/${parId}`, {
      as: w.sessions.admin,
      body: { questionnaire: PAR, recheckPercent: 15, version: updated.version },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body)).toMatchObject({
      code: 'INVALID_STATE',
      message:
        'Phiếu khảo sát đã có câu trả lời; không sửa được câu hỏi, phương án, loại phiếu, nhóm đối tượng hay loại đơn vị được đánh giá',
    });
    // The name and the re-check share may still change.
    r = await t.request('PUT', `/api/surveys/${parId}`, {
      as: w.sessions.admin,
      body: {
        questionnaire: { ...updated.questionnaire, name: 'Phiếu đại biểu (đợt 1)' },
        recheckPercent: 25,
        version: updated.version,
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Phiếu đại biểu (đợt 1)',
      recheckPercent: 25,
      responses: 1,
    });
    r = await t.request('POST', `/api/surveys/${parId}/status`, {
      as: w.sessions.admin,
      body: { status: 'draft' },
    });
    expect(r.status).toBe(409);
  });

  it('closes a survey, after which no codes or links are given', async () => {
    let r = await t.request('POST', `/api/surveys/${parId}/status`, {
      as: w.sessions.admin,
      body: { status: 'closed' },
    });
    expect(r.status).toBe(200);
    expect((r.body as Detail).status).toBe('closed');
    // Closing counted the one paper form (C1 = A, C2 blank, C3 = B); SYT has a target, no answer.
    const tallies = await t.deps.db
      .select()
      .from(surveyTallies)
      .where(eq(surveyTallies.surveyId, parId))
      .orderBy(surveyTallies.unitId);
    expect(tallies.map((row) => [row.unitId, row.responses, row.counts])).toEqual([
      [
        'SNV',
        1,
        [
          [1, 0, 0, 0],
          [0, 0],
          [0, 1],
        ],
      ],
      [
        'SYT',
        0,
        [
          [0, 0, 0, 0],
          [0, 0],
          [0, 0],
        ],
      ],
    ]);
    r = await t.request('POST', `/api/surveys/${parId}/codes`, {
      as: w.sessions.admin,
      body: { unitId: 'SNV', count: 1 },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body).code).toBe('INVALID_STATE');
    r = await t.request('POST', `/api/surveys/${parId}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(r.status).toBe(200);
  });

  it('keeps setup to administrators, lets entry staff read a survey, and audits changes', async () => {
    const changes: [string, 'POST' | 'PUT', string, unknown][] = [
      ['create', 'POST', `/api/periods/${periodId}/surveys`, { questionnaire: PAR }],
      ['targets', 'PUT', `/api/surveys/${parId}/targets`, { targets: [] }],
      ['codes', 'POST', `/api/surveys/${parId}/codes`, { unitId: 'SNV', count: 1 }],
      ['links', 'POST', `/api/surveys/${parId}/links`, { unitId: 'SNV' }],
      ['cap', 'PUT', `/api/surveys/${parId}/links/SNV/cap`, { dailyCap: 10 }],
      ['status', 'POST', `/api/surveys/${parId}/status`, { status: 'closed' }],
      ['sample', 'POST', `/api/surveys/${parId}/frame/sample`, {}],
    ];
    for (const who of ['cb.snv', 'td1', 'clerk']) {
      for (const [what, method, url, body] of changes) {
        const r = await t.request(method, url, { as: as(who), body });
        expect(r.status, `${who} ${what}`).toBe(403);
      }
      const codes = await t.request('GET', `/api/surveys/${parId}/codes`, { as: as(who) });
      expect(codes.status, `${who} codes`).toBe(403);
    }
    expect((await t.request('GET', `/api/surveys/${parId}`, { as: clerk })).status).toBe(200);
    expect((await t.request('GET', `/api/surveys/${parId}`, { as: as('cb.snv') })).status).toBe(
      403,
    );
    expect(
      (await t.request('GET', `/api/periods/${periodId}/surveys`, { as: as('td1') })).status,
    ).toBe(403);
    for (const [, method, url, body] of changes) {
      expect((await t.request(method, url, { body })).status).toBe(401);
    }
    expect((await t.request('GET', `/api/surveys/${parId}`)).status).toBe(401);
    expect((await t.request('GET', `/api/periods/${periodId}/surveys`)).status).toBe(401);
    const capped = await t.request('PUT', `/api/surveys/${parId}/links/SNV/cap`, {
      as: w.sessions.admin,
      body: { dailyCap: 10 },
    });
    expect(capped.status).toBe(200);
    const history = await t.request('GET', `/api/audit?entityType=survey&entityId=${parId}`, {
      as: w.sessions.admin,
    });
    expect(history.status).toBe(200);
    const actions = (history.body as { entries: { action: string }[] }).entries.map(
      (e) => e.action,
    );
    for (const action of [
      'survey.create',
      'survey.status',
      'survey.targets',
      'survey.frame.import',
      'survey.sample',
      'survey.codes.issue',
      'survey.link',
      'survey.linkCap',
      'survey.update',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
