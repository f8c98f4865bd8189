import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyCodes, surveyDevices, surveyResponses } from './db/schema.js';
import { addCode, addLink, addSurvey } from './test-support/collection-fixtures.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

/** Everything a response may hold: what was answered, about which unit, on which day. */
const RESPONSE_COLUMNS = [
  'answers',
  'batch',
  'channel',
  'entered_by',
  'form_number',
  'id',
  'submitted_on',
  'survey_id',
  'unit_id',
];

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe.each(DATABASE_KINDS)('anonymity of survey answers (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let surveyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('06/01/2023 14:37');
    surveyId = await addSurvey(t, w);
  }, 60_000);
  afterAll(async () => t.close());

  it('keeps no column in survey_responses that could point to a code, person, device or address', async () => {
    const columns = rowsOf<{ column_name: string }>(
      await t.deps.db.execute(sql`
        select column_name from information_schema.columns
        where table_schema = 'public' and table_name = 'survey_responses'
        order by column_name`),
    ).map((c) => c.column_name);
    expect(columns).toEqual(RESPONSE_COLUMNS);
    // entered_by names the staff member who typed a paper form, never a respondent.
    const references = rowsOf<{ source: string; target: string }>(
      await t.deps.db.execute(sql`
        select c.conrelid::regclass::text as source, c.confrelid::regclass::text as target
        from pg_constraint c
        where c.contype = 'f'
          and (c.conrelid = 'survey_responses'::regclass or c.confrelid = 'survey_responses'::regclass)
        order by 1, 2`),
    );
    expect(references).toEqual([
      { source: 'survey_rechecks', target: 'survey_responses' },
      { source: 'survey_responses', target: 'surveys' },
      // The units' rows live in unit_rows behind the units view (decision 0054).
      { source: 'survey_responses', target: 'unit_rows' },
    ]);
    // Nor do codes, devices or drafts point to a response.
    const pointing = rowsOf<{ table_name: string; column_name: string }>(
      await t.deps.db.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public'
          and table_name in ('survey_codes', 'survey_devices', 'survey_drafts', 'rate_counters')
          and column_name like '%response%'`),
    );
    expect(pointing).toEqual([]);
  });

  it('leaves nothing an administrator or a unit can read that ties a used code to its answers', async () => {
    await addCode(t, w, surveyId, 'TRANB-KNH23', 'SNV', 'Trần Thị Bình');
    await addCode(t, w, surveyId, 'LEVAN-CUNGX', 'SNV', 'Lê Văn Cường');
    let r = await t.request('POST', '/api/public/surveys/code/TRANBKNH23', {
      body: { answers: { C1: 'D', C2: 'B' } },
    });
    expect(r.status).toBe(200);
    await addLink(t, surveyId, 'SNV', 'lien-ket-an-danh-000001');
    r = await t.request('GET', '/api/public/surveys/link/lien-ket-an-danh-000001');
    const { formToken } = r.body as { formToken: string };
    r = await t.request('POST', '/api/public/surveys/link/lien-ket-an-danh-000001', {
      headers: { cookie: 'chiso_device=may-cua-nguoi-dan-00000001' },
      body: { answers: { C1: 'A', C2: 'A' }, formToken },
    });
    expect(r.status).toBe(200);

    const [response] = await t.deps.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.channel, 'code'));
    expect(response).toMatchObject({ answers: [4, 2, 0], submittedOn: '2023-01-06' });
    const responseId = response?.id ?? '';
    // The code knows the day it was used, no more: not the time, not the response.
    const [code] = await t.deps.db
      .select()
      .from(surveyCodes)
      .where(eq(surveyCodes.code, 'TRANBKNH23'));
    expect(code?.answeredOn).toBe('2023-01-06');
    // The device is kept as a hash, per survey and unit, apart from the answers.
    const devices = await t.deps.db.select().from(surveyDevices);
    expect(devices).toHaveLength(1);
    expect(devices[0]?.deviceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(devices)).not.toContain('may-cua-nguoi-dan');
    // Respondents leave no audit trail: no address, instant or code next to answers.
    const audit = JSON.stringify(await t.deps.db.select().from(auditLog));
    for (const secret of [responseId, 'TRANBKNH23', 'Trần Thị Bình', 'lien-ket-an-danh']) {
      expect(audit).not.toContain(secret);
    }

    const reads: [string, string][] = [
      ['admin', `/api/surveys/${surveyId}`],
      ['admin', `/api/surveys/${surveyId}/codes`],
      ['admin', `/api/surveys/${surveyId}/codes?answered=true`],
      ['admin', `/api/surveys/${surveyId}/paper`],
      ['admin', `/api/surveys/${surveyId}/rechecks`],
      ['admin', `/api/periods/${w.periodId}/surveys`],
      ['admin', `/api/periods/${w.periodId}/surveys/results`],
      ['admin', '/api/audit?limit=200'],
      ['cb.snv', `/api/periods/${w.periodId}/surveys`],
      ['cb.snv', `/api/periods/${w.periodId}/surveys/results`],
      ['tt.snv', `/api/periods/${w.periodId}/surveys/results`],
      ['cb.snv', `/api/periods/${w.periodId}/units/SNV/assessment`],
    ];
    for (const [username, url] of reads) {
      const read = await t.request('GET', url, { as: w.sessions[username] });
      expect([url, read.status]).toEqual([url, 200]);
      const text = typeof read.body === 'string' ? read.body : JSON.stringify(read.body);
      expect([url, text.includes(responseId)]).toEqual([url, false]);
      // Answers are only ever shown as counts: no read gives one response's answers by code.
      expect([url, /"answers"\s*:\s*\[/.test(text)]).toEqual([url, false]);
    }
  });

  it('refuses every collection route to unit officers and heads: they cannot list responses', async () => {
    const body = { unitId: 'SNV', formNumber: 'A-1', answers: { C1: 'A', C2: 'A' } };
    const routes: ['GET' | 'POST', string, unknown][] = [
      ['POST', `/api/surveys/${surveyId}/paper`, body],
      ['GET', `/api/surveys/${surveyId}/paper`, undefined],
      ['GET', `/api/surveys/${surveyId}/paper?batch=L1`, undefined],
      ['GET', `/api/surveys/${surveyId}/rechecks`, undefined],
      ['POST', `/api/surveys/${surveyId}/rechecks`, { formNumber: 'A-1', answers: {} }],
      [
        'POST',
        `/api/surveys/${surveyId}/rechecks/00000000-0000-4000-8000-000000000000/resolve`,
        { answers: {} },
      ],
    ];
    for (const username of ['cb.snv', 'tt.snv', 'cb.syt', 'tt.syt']) {
      for (const [method, url, payload] of routes) {
        const r = await t.request(method, url, { as: w.sessions[username], body: payload });
        expect([username, method, url, r.status]).toEqual([username, method, url, 403]);
        expect((r.body as { error: { code: string } }).error.code).toBe('FORBIDDEN');
      }
      const upload = multipart('phieu.csv', 'Số phiếu;Mã đơn vị;C1;C2;C3\nA-2;SNV;A;A;\n');
      const r = await t.request('POST', `/api/surveys/${surveyId}/responses/import`, {
        as: w.sessions[username],
        payload: upload.payload,
        headers: upload.headers,
      });
      expect([username, r.status]).toEqual([username, 403]);
    }
    const [paper] = await t.deps.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.formNumber, 'A-1'));
    expect(paper).toBeUndefined();
  });
});
