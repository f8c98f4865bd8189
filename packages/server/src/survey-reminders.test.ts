import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanRemindersJob } from './reminders/scan-reminders.js';
import { addSurvey } from './test-support/collection-fixtures.js';
import { startTestSmtp, type TestSmtp } from './test-support/smtp.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const PUBLIC_URL = 'https://chiso.hoaan.gov.vn';
/** Who issues and hands out codes; everyone else must hear nothing. */
const ADMINS = ['admin', 'admin2'] as const;
const OTHERS = ['cb.snv', 'tt.syt', 'np'] as const;
const address = (username: string) => `${username}@hoaan.gov.vn`;

interface Page {
  items: { kind: string; title: string; body: string; link: string | null }[];
  total: number;
}

/**
 * The world's council window opens at 00:00 on 21/01/2023: a survey's codes not all answered
 * are reminded of from 00:00 on 14/01 (7 days) and on 20/01 (1 day), to the administrators.
 */
describe.each(DATABASE_KINDS)('reminders of survey codes not yet answered (%s)', (kind) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;
  let pending: string;
  let answeredAll: string;
  const codesOf: Record<string, string[]> = {};
  let scans = 0;
  const scan = async () => {
    await t.queue.send(scanRemindersJob, {}, `scan-${scans++}`);
    await t.queue.tick();
  };
  const answer = async (code: string) => {
    const r = await t.request('POST', `/api/public/surveys/code/${code}`, {
      body: { answers: { C1: 'A', C2: 'A' } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const issue = async (surveyId: string, unitId: string, count: number) => {
    const r = await t.request('POST', `/api/surveys/${surveyId}/codes`, {
      as: w.sessions.admin,
      body: { unitId, count },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return (r.body as { codes: { code: string }[] }).codes.map((c) => c.code);
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp(kind, {
      env: { CHISO_SMTP_URL: smtp.url, CHISO_PUBLIC_URL: PUBLIC_URL },
    });
    w = await seedWorld(t);
    w.ids.admin2 = await t.createAccount('admin2', 'administrator');
    for (const username of [...ADMINS, ...OTHERS]) {
      const r = await t.request('PATCH', `/api/users/${w.ids[username]}`, {
        as: w.sessions.admin,
        body: { email: address(username) },
      });
      expect(r.status).toBe(200);
    }
    pending = await addSurvey(t, w, { name: 'Phiếu đại biểu đánh giá sở' });
    answeredAll = await addSurvey(t, w, { name: 'Phiếu lãnh đạo đánh giá sở' });
    codesOf.SNV = await issue(pending, 'SNV', 3);
    codesOf.SYT = await issue(pending, 'SYT', 2);
    for (const code of await issue(answeredAll, 'SNV', 2)) await answer(code);
    await answer(codesOf.SYT?.[0] ?? '');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('says nothing eight days before the council opens', async () => {
    t.setTime('13/01/2023 00:00');
    await scan();
    t.setTime('13/01/2023 23:59');
    await scan();
    expect(smtp.messages).toEqual([]);
  });

  it('tells each administrator once, 7 days before, how many codes are unanswered', async () => {
    t.setTime('14/01/2023 00:00');
    await scan();
    const title =
      'Còn 4 mã phiếu chưa được trả lời (hạn ngày 20/01/2023): Phiếu đại biểu đánh giá sở';
    expect(smtp.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).sort()).toEqual(
      ADMINS.map((a) => `${address(a)}: ${title}`).sort(),
    );
    const body =
      'Còn 4/5 mã phiếu khảo sát "Phiếu đại biểu đánh giá sở" (kỳ "Chỉ số CCHC năm 2022") chưa được trả lời; khảo sát cần hoàn thành trước 24:00 ngày 20/01/2023, khi Hội đồng bắt đầu xem xét, thông qua kết quả. Theo đơn vị được đánh giá (mã chưa trả lời/mã đã cấp): Sở Nội vụ 3/3, Sở Y tế 1/2. Danh sách mã chưa trả lời ở thẻ "Mã phiếu" của phiếu khảo sát, để nhắc người được khảo sát.';
    expect(smtp.messages[0]?.text).toContain(body);
    expect(smtp.messages[0]?.text).toContain(`${PUBLIC_URL}/khao-sat/${pending}?tab=ma-phieu`);

    const inbox = (await t.request('GET', '/api/notifications', { as: await t.login('admin2') }))
      .body as Page;
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'surveyCodesUnanswered',
      title,
      body,
      link: `/khao-sat/${pending}?tab=ma-phieu`,
    });
    for (const username of OTHERS) {
      const theirs = (await t.request('GET', '/api/notifications', { as: await t.login(username) }))
        .body as Page;
      expect(theirs.total, username).toBe(0);
    }

    t.setTime('14/01/2023 09:00');
    await scan();
    await scan();
    expect(smtp.messages).toHaveLength(2);
  });

  it('reminds again the day before, with the codes answered since counted', async () => {
    await answer(codesOf.SNV?.[0] ?? '');
    t.setTime('20/01/2023 00:00');
    await scan();
    await scan();
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.messages.slice(2).map((m) => m.subject)).toEqual(
      ADMINS.map(
        () => 'Còn 3 mã phiếu chưa được trả lời (hạn ngày 20/01/2023): Phiếu đại biểu đánh giá sở',
      ),
    );
    expect(smtp.messages[2]?.text).toContain('Còn 3/5 mã phiếu khảo sát');
  });

  it('reminds of a council moved later afresh, and not at all once every code is answered', async () => {
    // "Phiếu lãnh đạo" had every code answered before the first stage: no stage mentioned it.
    expect(smtp.messages.some((m) => m.text.includes('Phiếu lãnh đạo đánh giá sở'))).toBe(false);
    t.setTime('20/01/2023 09:00');
    const moved = await t.request('PUT', `/api/periods/${w.periodId}/windows`, {
      as: await t.login('admin'),
      body: { council: { opensAt: '28/01/2023 00:00', closesAt: '31/01/2023 24:00' } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    t.setTime('21/01/2023 00:00');
    await scan();
    expect(smtp.messages).toHaveLength(6);
    expect(smtp.messages[4]?.subject).toBe(
      'Còn 3 mã phiếu chưa được trả lời (hạn ngày 27/01/2023): Phiếu đại biểu đánh giá sở',
    );

    for (const code of [...(codesOf.SNV ?? []).slice(1), ...(codesOf.SYT ?? []).slice(1)])
      await answer(code);
    // The 1-day stage is a new key, but nothing is left to answer.
    t.setTime('27/01/2023 00:00');
    await scan();
    const admin = (await t.request('GET', '/api/notifications', { as: await t.login('admin') }))
      .body as Page;
    expect(smtp.messages).toHaveLength(6);
    expect(admin.total).toBe(3);
  });
});
