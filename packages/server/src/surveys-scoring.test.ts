import { parseQuestionnaire, tallyResponses, type QuestionnaireInput } from '@chiso/core';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyResponses } from './db/schema.js';
import { recomputeSurveyTallies, listTallies, tallyOf } from './repositories/survey-tallies.js';
import { insertSurvey, replaceTargets } from './repositories/surveys.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, WINDOWS, type World } from './test-support/world.js';
import { questionnaireColumns } from './use-cases/surveys/present-survey.js';
import { imported } from './test-support/import-jobs.js';

/** Departments 2023: one manual leaf, one leaf scored by two respondent groups, one by SIPAS. */
const FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm', 'Tài liệu kiểm chứng'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '2', null, null],
  ['1.1', 'Kế hoạch CCHC năm', '2', '{"kind":"manual","step":"0,25"}', null],
  ['8', 'Mức độ hài lòng', '8', null, null],
  [
    '8.1',
    'Ý kiến của các cơ quan, tổ chức',
    '5',
    '{"kind":"survey","groups":[{"group":"daiBieu","label":"Đại biểu HĐND tỉnh","weight":1},{"group":"lanhDao","label":"Lãnh đạo UBND cấp xã","weight":2}]}',
    null,
  ],
  ['8.2', 'Chỉ số SIPAS', '3', '{"kind":"externalIndex","fullAt":100}', null],
]);

const abcd = [
  { key: 'A', label: 'Tốt', weight: '100' },
  { key: 'B', label: 'Khá', weight: '60' },
  { key: 'C', label: 'Trung bình', weight: '20' },
  { key: 'D', label: 'Kém', weight: '0' },
];
const satisfaction = [
  { key: '1', label: 'Rất hài lòng', weight: '100', satisfied: true },
  { key: '2', label: 'Hài lòng', weight: '75', satisfied: true },
  { key: '3', label: 'Không hài lòng', weight: '0' },
];

const FORMS: Record<'daiBieu' | 'lanhDao' | 'sipas', QuestionnaireInput> = {
  daiBieu: {
    name: 'Phiếu đại biểu HĐND tỉnh',
    kind: 'par',
    group: 'daiBieu',
    groupLabel: 'Đại biểu HĐND tỉnh',
    ratedUnitType: 'so',
    questions: [
      { code: 'C1', text: 'Công khai thủ tục', leafCode: '8.1', options: abcd },
      { code: 'C2', text: 'Thái độ phục vụ', leafCode: '8.1', optional: true, options: abcd },
    ],
  },
  lanhDao: {
    name: 'Phiếu lãnh đạo UBND cấp xã',
    kind: 'par',
    group: 'lanhDao',
    groupLabel: 'Lãnh đạo UBND cấp xã',
    ratedUnitType: 'so',
    questions: [
      {
        code: 'Q1',
        text: 'Hướng dẫn của sở',
        leafCode: '8.1',
        options: [
          { key: 'A', label: 'Tốt', weight: '100' },
          { key: 'B', label: 'Được', weight: '50' },
          { key: 'C', label: 'Chưa tốt', weight: '0' },
        ],
      },
    ],
  },
  sipas: {
    name: 'Phiếu SIPAS tại bộ phận một cửa',
    kind: 'sipas',
    group: 'nguoiDan',
    groupLabel: 'Người dân, tổ chức',
    ratedUnitType: 'so',
    questions: [
      { code: 'S1', text: 'Tiếp cận dịch vụ', element: 'tiepCan', options: satisfaction },
      { code: 'S2', text: 'Công chức giải quyết', element: 'congChuc', options: satisfaction },
    ],
    sipas: { leafCode: '8.2' },
  },
};

interface Results {
  computedAt: string | null;
  rates: {
    surveyName: string;
    unitId: string;
    responses: number;
    target: number;
    rate: string | null;
  }[];
  leaves: {
    unitId: string;
    code: string;
    points: string | null;
    explanation: string;
    groups: { group: string; mean: string | null; answers: number; responses: number }[];
  }[];
  sipas: {
    unitId: string;
    overall: string | null;
    met: boolean | null;
    target: string;
    responses: number;
    elements: { key: string; percent: string | null; satisfied: number; answered: number }[];
  }[];
}

describe.each(DATABASE_KINDS)('survey scoring (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let periodId: string;
  const surveyIds: Record<string, string> = {};
  let form = 0;

  const respond = async (survey: keyof typeof FORMS, unitId: string, answers: number[][]) => {
    for (const a of answers) {
      form += 1;
      await t.deps.db.insert(surveyResponses).values({
        surveyId: surveyIds[survey] ?? '',
        unitId,
        channel: 'paper',
        answers: a,
        formNumber: `P${form}`,
        submittedOn: '2023-01-05',
      });
    }
  };
  const results = async (as = w.sessions.admin) => {
    const r = await t.request('GET', `/api/periods/${periodId}/surveys/results`, { as });
    expect(r.status).toBe(200);
    return r.body as Results;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    const admin = w.sessions.admin;
    const framework = await imported<{ id: string }>(
      t,
      '/api/frameworks/import?name=Khao%20sat%202023&year=2023&unitType=so',
      { name: 'bo-chi-so-so-2023.csv', content: FRAMEWORK_CSV },
      admin!,
    );
    const period = await t.request('POST', '/api/periods', {
      as: admin,
      body: {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { so: framework.id },
        windows: WINDOWS,
      },
    });
    expect(period.status).toBe(201);
    periodId = (period.body as { id: string }).id;
    for (const [key, input] of Object.entries(FORMS)) {
      const row = await insertSurvey(t.deps.db, {
        periodId,
        ...questionnaireColumns(parseQuestionnaire(input)),
        status: 'open',
      });
      surveyIds[key] = row.id;
    }
    await replaceTargets(t.deps.db, surveyIds.daiBieu ?? '', [
      { unitId: 'SNV', target: 4, population: null },
      { unitId: 'SYT', target: 2, population: null },
    ]);
    await replaceTargets(t.deps.db, surveyIds.sipas ?? '', [
      { unitId: 'SNV', target: 8, population: 10 },
    ]);
    // Sở Nội vụ: đại biểu 100+100, 60+blank, 20+0 → 280 ÷ 5 = 56%; lãnh đạo 100, 50 → 75%.
    await respond('daiBieu', 'SNV', [
      [1, 1],
      [2, 0],
      [3, 4],
    ]);
    await respond('lanhDao', 'SNV', [[1], [2]]);
    // SIPAS: tiếp cận 3 of 4 satisfied (75%), công chức 2 of 4 (50%) → mean of elements 62,5%.
    await respond('sipas', 'SNV', [
      [1, 1],
      [2, 3],
      [1, 2],
      [3, 3],
    ]);
    // Sở Y tế: only đại biểu (100%, lãnh đạo drops out), SIPAS all satisfied.
    await respond('daiBieu', 'SYT', [[1, 1]]);
    await respond('sipas', 'SYT', [
      [1, 2],
      [2, 1],
      [1, 1],
    ]);
  }, 120_000);
  afterAll(async () => t.close());

  it('has nothing counted before the first recompute', async () => {
    const body = await results();
    expect(body.computedAt).toBeNull();
    expect(body.leaves.find((l) => l.unitId === 'SNV' && l.code === '8.1')).toMatchObject({
      points: null,
      explanation: 'Chưa có phiếu khảo sát hợp lệ',
    });
  });

  it('lets only an administrator recompute, and audits it', async () => {
    const url = `/api/periods/${periodId}/surveys/recompute`;
    expect((await t.request('POST', url, { as: w.sessions['cb.snv'] })).status).toBe(403);
    expect((await t.request('POST', url, { as: w.sessions.hd1 })).status).toBe(403);
    const r = await t.request('POST', url, { as: w.sessions.admin });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ computedAt: '2023-01-05T02:00:00.000Z', responses: 13 });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'surveys.recompute'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ periodId, after: { surveys: 3, responses: 13 } });
  });

  it('scores the survey leaf exactly from the groups’ answers', async () => {
    const body = await results();
    expect(body.computedAt).toBe('2023-01-05T02:00:00.000Z');
    // (56 × 1 + 75 × 2) ÷ 3 = 68,666…% of 5 points = 3,4333… → 3,433 (three decimals).
    const snv = body.leaves.find((l) => l.unitId === 'SNV' && l.code === '8.1');
    expect(snv).toMatchObject({
      points: '3.433',
      groups: [
        { group: 'daiBieu', mean: '56', answers: 5, responses: 3 },
        { group: 'lanhDao', mean: '75', answers: 2, responses: 2 },
      ],
    });
    expect(snv?.explanation).toContain('bình quân 68,67%');
    expect(body.leaves.find((l) => l.unitId === 'SYT' && l.code === '8.1')).toMatchObject({
      points: '5',
      groups: [
        { group: 'daiBieu', mean: '100', answers: 2, responses: 1 },
        { group: 'lanhDao', mean: null, answers: 0, responses: 0 },
      ],
    });
    // SIPAS 62,5% of 3 points.
    expect(body.leaves.find((l) => l.unitId === 'SNV' && l.code === '8.2')).toMatchObject({
      points: '1.875',
      groups: [],
    });
    expect(body.leaves.find((l) => l.unitId === 'SYT' && l.code === '8.2')?.points).toBe('3');
  });

  it('gives SIPAS indices against the target, and response rates against the plan', async () => {
    const body = await results();
    expect(body.sipas).toEqual([
      {
        surveyId: surveyIds.sipas,
        surveyName: 'Phiếu SIPAS tại bộ phận một cửa',
        unitId: 'SNV',
        unitName: 'Sở Nội vụ',
        mode: 'regular',
        target: '95',
        overall: '62.5',
        met: false,
        responses: 4,
        elements: [
          {
            key: 'tiepCan',
            label: 'Tiếp cận dịch vụ hành chính công',
            percent: '75',
            satisfied: 3,
            answered: 4,
          },
          {
            key: 'congChuc',
            label: 'Công chức trực tiếp giải quyết công việc',
            percent: '50',
            satisfied: 2,
            answered: 4,
          },
        ],
      },
      expect.objectContaining({ unitId: 'SYT', overall: '100', met: true, responses: 3 }),
    ]);
    const rate = (survey: string, unitId: string) =>
      body.rates.find((r) => r.surveyName === survey && r.unitId === unitId);
    expect(rate('Phiếu đại biểu HĐND tỉnh', 'SNV')).toMatchObject({
      responses: 3,
      target: 4,
      rate: '75',
    });
    expect(rate('Phiếu đại biểu HĐND tỉnh', 'SYT')).toMatchObject({ rate: '50' });
    expect(rate('Phiếu SIPAS tại bộ phận một cửa', 'SNV')).toMatchObject({ rate: '50' });
    expect(rate('Phiếu SIPAS tại bộ phận một cửa', 'SYT')).toMatchObject({
      responses: 3,
      target: 0,
      rate: null,
    });
  });

  it('overrides what the unit typed for a survey leaf, in the assessment and the results', async () => {
    const officer = w.sessions['cb.snv'];
    const entry = (code: string) => `/api/periods/${periodId}/units/SNV/entries/${code}`;
    let r = await t.request('PUT', entry('8.1'), {
      as: officer,
      body: { facts: { groups: { daiBieu: { mean: 95 } } }, version: 0 },
    });
    expect(r.status).toBe(200);
    r = await t.request('PUT', entry('1.1'), {
      as: officer,
      body: { points: '2', explanation: 'Đã ban hành', version: 0 },
    });
    expect(r.status).toBe(200);
    r = await t.request('GET', `/api/periods/${periodId}/units/SNV/assessment`, { as: officer });
    const assessment = r.body as {
      entries: { code: string; surveyFed: boolean }[];
      self: { points: number; nodes: { code: string; points: number }[] };
    };
    expect(assessment.entries.map((e) => [e.code, e.surveyFed])).toEqual([
      ['1.1', false],
      ['8.1', true],
      ['8.2', true],
    ]);
    expect(assessment.self.nodes.find((n) => n.code === '8.1')?.points).toBe(3.433);
    // 2 + 3,433 + 1,875
    expect(assessment.self.points).toBe(7.308);

    r = await t.request('GET', `/api/periods/${periodId}/results`, { as: w.sessions.admin });
    expect(r.status).toBe(200);
    const units = (
      r.body as {
        groups: {
          results: { units: { id: string; nodes: { code: string; points: number }[] }[] };
        }[];
      }
    ).groups[0]?.results.units;
    const node = (unitId: string, code: string) =>
      units?.find((u) => u.id === unitId)?.nodes.find((n) => n.code === code)?.points;
    expect(node('SNV', '8.1')).toBe(3.433);
    expect(node('SNV', '8.2')).toBe(1.875);
    expect(node('SYT', '8.1')).toBe(5);
    expect(node('SYT', '8.2')).toBe(3);
  });

  it('shows a unit only its own unit, the council everything, and refuses appraisers', async () => {
    const own = await results(w.sessions['tt.snv']);
    expect(new Set([...own.rates, ...own.leaves, ...own.sipas].map((r) => r.unitId))).toEqual(
      new Set(['SNV']),
    );
    expect(own.leaves.find((l) => l.code === '8.1')?.points).toBe('3.433');
    const council = await results(w.sessions.hd1);
    expect(new Set(council.leaves.map((l) => l.unitId))).toEqual(new Set(['SNV', 'SYT']));
    for (const who of ['td1', 'xem']) {
      const r = await t.request('GET', `/api/periods/${periodId}/surveys/results`, {
        as: w.sessions[who],
      });
      expect(r.status).toBe(403);
    }
  });

  it('keeps the last counts until the next recompute', async () => {
    await respond('lanhDao', 'SNV', [[3]]);
    expect(
      (await results()).leaves.find((l) => l.unitId === 'SNV' && l.code === '8.1')?.points,
    ).toBe('3.433');
    t.setTime('06/01/2023 10:00');
    const r = await t.request('POST', `/api/periods/${periodId}/surveys/recompute`, {
      as: w.sessions.admin,
    });
    expect(r.body).toMatchObject({ responses: 14 });
    // lãnh đạo 150 ÷ 3 = 50% → (56 + 2 × 50) ÷ 3 = 52% of 5 = 2,6.
    const body = await results();
    expect(body.computedAt).toBe('2023-01-06T03:00:00.000Z');
    expect(body.leaves.find((l) => l.unitId === 'SNV' && l.code === '8.1')?.points).toBe('2.6');
  });

  it('exports the three tables as a workbook, rounded for reading', async () => {
    const r = await t.request('GET', `/api/periods/${periodId}/surveys/results.xlsx`, {
      as: w.sessions.admin,
    });
    expect(r.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tỷ lệ phản hồi',
      'Điểm khảo sát',
      'SIPAS',
    ]);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((row) => {
        out.push((row.values as unknown[]).slice(1));
      });
      return out;
    };
    expect(rows('Tỷ lệ phản hồi')[0]?.slice(0, 7)).toEqual([
      'Phiếu khảo sát',
      'Nhóm đối tượng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Số phiếu thu về',
      'Số phiếu cần thu',
      'Tỷ lệ phản hồi',
    ]);
    expect(rows('Điểm khảo sát').find((row) => row[0] === 'SNV' && row[2] === '8.1')).toEqual(
      expect.arrayContaining(['5', '2,6']),
    );
    const sipas = rows('SIPAS').find((row) => row[1] === 'SNV');
    expect(sipas?.slice(3, 10)).toEqual([
      'Thường xuyên',
      4,
      '62,50%',
      'trên 95%',
      'Không đạt',
      '75,00%',
      '50,00%',
    ]);
  });

  it('counts in SQL exactly as the core counts, for wide questionnaires too, and drafts feed nothing', async () => {
    const wide = parseQuestionnaire({
      ...FORMS.daiBieu,
      name: 'Phiếu 150 câu',
      questions: Array.from({ length: 150 }, (_x, i) => ({
        code: `W${i + 1}`,
        text: `Câu ${i + 1}`,
        leafCode: '8.1',
        optional: true,
        options: abcd.slice(0, 2 + (i % 3)),
      })),
    });
    const row = await insertSurvey(t.deps.db, {
      periodId,
      ...questionnaireColumns(wide),
      status: 'draft',
    });
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const answers = Array.from({ length: 40 }, () =>
      wide.questions.map((q) => random(q.options.length + 1)),
    );
    for (const [i, a] of answers.entries()) {
      await t.deps.db.insert(surveyResponses).values({
        surveyId: row.id,
        unitId: i % 3 === 0 ? 'SYT' : 'SNV',
        channel: 'import',
        answers: a,
        formNumber: `W${i}`,
        submittedOn: '2023-01-06',
      });
    }
    const counted = await t.deps.db.transaction((tx) =>
      recomputeSurveyTallies(tx, row.id, new Date('2023-01-06T03:00:00Z')),
    );
    expect(counted).toBe(40);
    const tallies = await listTallies(t.deps.db, [row.id]);
    expect(tallies.map((x) => x.unitId)).toEqual(['SNV', 'SYT']);
    for (const tally of tallies) {
      const mine = answers.filter((_a, i) => (i % 3 === 0 ? 'SYT' : 'SNV') === tally.unitId);
      expect(tallyOf(tally)).toEqual(tallyResponses(wide, mine));
    }
    // A draft feeds nothing, even once counted: 8.1 keeps its points.
    const body = await results();
    expect(body.leaves.find((l) => l.unitId === 'SNV' && l.code === '8.1')?.points).toBe('2.6');
  });
});
