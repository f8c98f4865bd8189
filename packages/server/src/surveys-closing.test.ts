import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyDrafts, surveyRechecks, surveyResponses } from './db/schema.js';
import {
  addCode,
  addLink,
  addSurvey,
  errorOf,
  type Body,
} from './test-support/collection-fixtures.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

const APPROVED =
  'Kỳ đánh giá đã được Hội đồng thông qua kết quả; phiếu khảo sát không còn nhận trả lời';
const PUBLISHED = 'Kỳ đánh giá đã công bố kết quả; phiếu khảo sát không còn nhận trả lời';
const LINK = 'lienket-so-noi-vu-dong-0001';
const device = { cookie: 'chiso_device=thiet-bi-da-tra-loi-0001' };

/**
 * Once the council approves a period, its surveys take no answer on any channel: what was
 * approved is what gets published (decision 0010). Every channel is tried after the approval
 * and after the publication, and nothing is stored.
 */
describe.each(DATABASE_KINDS)('surveys close with the results (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let clerk: Session;
  let surveyId: string;
  let mismatchId: string;

  const ok = async (r: Promise<{ status: number; body: unknown }>, what: string) => {
    const answer = await r;
    if (answer.status >= 300)
      throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Body;
  };
  const stored = async () => {
    const [responses] = await t.deps.db
      .select({ n: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    const [drafts] = await t.deps.db.select({ n: count() }).from(surveyDrafts);
    const [rechecks] = await t.deps.db.select({ n: count() }).from(surveyRechecks);
    return { responses: responses?.n, drafts: drafts?.n, rechecks: rechecks?.n };
  };
  const csv = toCsv([
    ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'],
    ['BD-0001', 'Bưu điện đợt 2', 'SNV', 'A', 'B', ''],
  ]);

  /** Every channel, each expected to be refused with `message`. */
  async function expectEveryChannelRefused(message: string) {
    const before = await stored();
    const refused = async (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      options: Parameters<TestApp['request']>[2] = {},
    ) => {
      const r = await t.request(method, url, options);
      expect(r.status, `${method} ${url}`).toBe(409);
      expect(errorOf(r), `${method} ${url}`).toMatchObject({ code: 'INVALID_STATE', message });
    };
    const answers = { C1: 'A', C2: 'A' };
    // The personal code: its form (with a draft saved), the draft, the answer.
    await refused('GET', '/api/public/surveys/code/ABCDEFGHJK');
    await refused('PUT', '/api/public/surveys/code/ABCDEFGHJK/draft', { body: { answers } });
    await refused('POST', '/api/public/surveys/code/ABCDEFGHJK', { body: { answers } });
    // The open link.
    await refused('GET', `/api/public/surveys/link/${LINK}`, { headers: device });
    await refused('PUT', `/api/public/surveys/link/${LINK}/draft`, { body: { answers } });
    await refused('POST', `/api/public/surveys/link/${LINK}`, {
      headers: device,
      body: { answers, formToken: 'a'.repeat(43) },
    });
    // Paper entry, the re-check (second entry and resolution), the post office's file.
    await refused('POST', `/api/surveys/${surveyId}/paper`, {
      as: clerk,
      body: { unitId: 'SYT', formNumber: 'P-100', answers },
    });
    await refused('POST', `/api/surveys/${surveyId}/rechecks`, {
      as: clerk,
      body: { formNumber: 'P-001', answers },
    });
    await refused('POST', `/api/surveys/${surveyId}/rechecks/${mismatchId}/resolve`, {
      as: clerk,
      body: { answers: { C1: 'A' } },
    });
    const upload = multipart('buu-dien-dot-2.csv', csv);
    await refused('POST', `/api/surveys/${surveyId}/responses/import`, {
      as: clerk,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(await stored()).toEqual(before);
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await t.createAccount('nhap.dong', 'surveyClerk');
    clerk = await t.login('nhap.dong');
    t.setTime('05/01/2023 09:00');
    surveyId = await addSurvey(t, w, { recheckPercent: 100 });
    // While the period is open, every channel works: a code with a draft, a link, paper forms
    // (one waiting for its re-check, one whose two entries differ).
    await addCode(t, w, surveyId, 'ABCDEFGHJK', 'SNV');
    await ok(
      t.request('PUT', '/api/public/surveys/code/ABCDEFGHJK/draft', {
        body: { answers: { C1: 'B' } },
      }),
      'code draft',
    );
    await addLink(t, surveyId, 'SNV', LINK);
    const form = await t.request('GET', `/api/public/surveys/link/${LINK}`);
    const { formToken } = form.body as { formToken: string };
    await ok(
      t.request('POST', `/api/public/surveys/link/${LINK}`, {
        headers: { cookie: 'chiso_device=thiet-bi-khac-0000000002' },
        body: { answers: { C1: 'A', C2: 'A' }, formToken },
      }),
      'link answer',
    );
    for (const [formNumber, unitId] of [
      ['P-001', 'SNV'],
      ['P-002', 'SYT'],
    ] as const) {
      await ok(
        t.request('POST', `/api/surveys/${surveyId}/paper`, {
          as: clerk,
          body: { unitId, formNumber, answers: { C1: 'A', C2: 'A' } },
        }),
        formNumber,
      );
    }
    await ok(
      t.request('POST', `/api/surveys/${surveyId}/rechecks`, {
        as: clerk,
        body: { formNumber: 'P-002', answers: { C1: 'B', C2: 'A' } },
      }),
      'recheck P-002',
    );
    const rechecks = await ok(
      t.request('GET', `/api/surveys/${surveyId}/rechecks`, { as: clerk }),
      'rechecks',
    );
    mismatchId = (rechecks.mismatches as { responseId: string }[])[0]?.responseId ?? '';

    // The period runs to the council's approval: both departments submit, are appraised and
    // finalised, and the council approves in its window.
    for (const unit of ['SNV', 'SYT'])
      await ok(
        t.request('POST', `/api/periods/${w.periodId}/units/${unit}/submit`, {
          as: w.sessions[`tt.${unit.toLowerCase()}`],
        }),
        `submit ${unit}`,
      );
    for (const when of ['12/01/2023 09:00', '18/01/2023 09:00']) {
      t.setTime(when);
      for (const [unit, appraiser] of [
        ['SNV', 'td1'],
        ['SYT', 'td2'],
      ] as const)
        await ok(
          t.request('POST', `/api/periods/${w.periodId}/units/${unit}/finalise`, {
            as: w.sessions[appraiser],
          }),
          `finalise ${unit} ${when}`,
        );
    }
    t.setTime('25/01/2023 14:00');
    await ok(
      t.request('POST', `/api/periods/${w.periodId}/approve`, {
        as: w.sessions.hd1,
        body: { decisionNumber: '27/QĐ-HĐ', decisionDate: '2023-01-25' },
      }),
      'approve',
    );
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses answers on every channel once the council has approved, storing nothing', async () => {
    await expectEveryChannelRefused(APPROVED);
  });

  it('shows the administrator and the clerks that the survey takes no more answers', async () => {
    let r = await t.request('GET', `/api/surveys/${surveyId}`, { as: w.sessions.admin });
    // The survey's own state stays as it was: closing would recount the approved figures.
    expect(r.body).toMatchObject({
      status: 'open',
      periodStatus: 'approved',
      answersRefused: APPROVED,
    });
    r = await t.request('GET', `/api/periods/${w.periodId}/surveys`, { as: clerk });
    expect((r.body as { surveys: Body[] }).surveys).toEqual([
      expect.objectContaining({ id: surveyId, status: 'open', answersRefused: APPROVED }),
    ]);
    r = await t.request('POST', `/api/surveys/${surveyId}/status`, {
      as: w.sessions.admin,
      body: { status: 'closed' },
    });
    expect(errorOf(r)).toMatchObject({ code: 'INVALID_STATE' });
    // Nor can a closed survey be opened again: its answers could never count.
    const closed = await addSurvey(t, w, { status: 'closed', name: 'Phiếu đã đóng trước' });
    r = await t.request('POST', `/api/surveys/${closed}/status`, {
      as: w.sessions.admin,
      body: { status: 'open' },
    });
    expect(errorOf(r)).toMatchObject({
      code: 'INVALID_STATE',
      message: 'Kỳ đánh giá đã được Hội đồng thông qua kết quả; không mở khảo sát được nữa',
    });
  });

  it('says the results are published once they are', async () => {
    t.setTime('02/02/2023 08:00');
    await ok(
      t.request('POST', `/api/periods/${w.periodId}/publish`, { as: w.sessions.admin }),
      'publish',
    );
    await expectEveryChannelRefused(PUBLISHED);
    const r = await t.request('GET', `/api/surveys/${surveyId}`, { as: w.sessions.admin });
    expect(r.body).toMatchObject({ answersRefused: PUBLISHED });
  });
});
