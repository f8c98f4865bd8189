import { FORM_TOKEN_SPENT } from '@chiso/core';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateCounters, surveyResponses } from './db/schema.js';
import { LINK_FORMS } from './use-cases/survey-responses/rate-limits.js';
import { addLink, addSurvey, errorOf } from './test-support/collection-fixtures.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

describe.each(DATABASE_KINDS)('open-link answers: form tokens and bursts (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let surveyId: string;
  const LINK = 'lienket-gioi-han-00000001';
  const OTHER = 'lienket-gioi-han-00000002';
  const device = (n: number) => ({
    cookie: `chiso_device=thiet-bi-gioi-han-${String(n).padStart(4, '0')}`,
  });
  /** The single-use token a form is handed out with. */
  const formToken = async (link: string) => {
    const r = await t.request('GET', `/api/public/surveys/link/${link}`);
    expect(r.status).toBe(200);
    return (r.body as { formToken: string }).formToken;
  };
  const send = (link: string, body: object, headers: Record<string, string> = {}) =>
    t.request('POST', `/api/public/surveys/link/${link}`, { body, headers });
  const linkResponses = async () =>
    (
      await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId))
    ).filter((r) => r.channel === 'link');
  const answers = { C1: 'A', C2: 'A' };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
    surveyId = await addSurvey(t, w, { recheckPercent: 0 });
    await addLink(t, surveyId, 'SNV', LINK);
    await addLink(t, surveyId, 'SYT', OTHER);
  }, 60_000);
  afterAll(async () => t.close());

  it('takes a form token once: a replay is refused without any cookie, a missing one is 400', async () => {
    const token = await formToken(LINK);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await send(LINK, { answers, formToken: token })).status).toBe(200);
    // No cookie at all, the same token again: refused by the token, not by a device.
    let r = await send(LINK, { answers: { C1: 'B', C2: 'B' }, formToken: token });
    expect(r.status).toBe(409);
    expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', message: FORM_TOKEN_SPENT });
    r = await send(LINK, { answers });
    expect(r.status).toBe(400);
    // A token never handed out, or handed out for another unit's link.
    expect((await send(LINK, { answers, formToken: 'a'.repeat(43) })).status).toBe(409);
    expect((await send(LINK, { answers, formToken: await formToken(OTHER) })).status).toBe(409);
    expect(await linkResponses()).toHaveLength(1);
  });

  it('gives the token back when the answer is refused after it (this device answered)', async () => {
    const token = await formToken(LINK);
    expect((await send(LINK, { answers, formToken: token }, device(1))).status).toBe(200);
    const again = await formToken(LINK);
    const r = await send(LINK, { answers, formToken: again }, device(1));
    expect(errorOf(r).message).toBe('Thiết bị này đã gửi phiếu cho đơn vị này');
    expect((await send(LINK, { answers, formToken: again }, device(2))).status).toBe(200);
    expect(await linkResponses()).toHaveLength(3);
  });

  it('lets a token wait a day, no longer', async () => {
    const token = await formToken(LINK);
    t.setTime('06/01/2023 09:01');
    const r = await send(LINK, { answers, formToken: token }, device(3));
    expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', message: FORM_TOKEN_SPENT });
    // The survey itself still takes answers then: with a fresh form, the same device answers.
    expect(
      (await send(LINK, { answers, formToken: await formToken(LINK) }, device(3))).status,
    ).toBe(200);
    t.setTime('05/01/2023 09:00');
  });

  it('shows the administrator each burst of more than 5 answers in 10 minutes from one address', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await send(OTHER, { answers, formToken: await formToken(OTHER) }, device(10 + i));
      expect(r.status).toBe(200);
    }
    t.setTime('05/01/2023 09:20');
    for (let i = 0; i < 6; i++)
      await send(OTHER, { answers, formToken: await formToken(OTHER) }, device(30 + i));
    t.setTime('05/01/2023 09:00');
    const detail = await t.request('GET', `/api/surveys/${surveyId}`, { as: w.sessions.admin });
    const links = (detail.body as { links: Record<string, unknown>[] }).links;
    // 12 answers in one window are one burst; six more in the next window, a second.
    expect(links.find((l) => l.unitId === 'SYT')).toMatchObject({
      suspiciousBursts: 2,
      burstsSince: '2023-01-05T02:00:00.000Z',
    });
    // Three answers through the other link from the same address: no burst.
    expect(links.find((l) => l.unitId === 'SNV')).toMatchObject({
      suspiciousBursts: 0,
      burstsSince: null,
    });
  });

  it('stops a link at the daily cap its administrator sets, until the next day', async () => {
    t.setTime('07/01/2023 09:00');
    const cap = (dailyCap: number | null, unitId = 'SNV') =>
      t.request('PUT', `/api/surveys/${surveyId}/links/${unitId}/cap`, {
        as: w.sessions.admin,
        body: { dailyCap },
      });
    let r = await cap(2);
    expect(r.status).toBe(200);
    expect((r.body as { links: Record<string, unknown>[] }).links).toContainEqual(
      expect.objectContaining({ unitId: 'SNV', dailyCap: 2 }),
    );
    expect((await cap(0)).status).toBe(400);
    const answer = async (n: number) =>
      send(LINK, { answers, formToken: await formToken(LINK) }, device(50 + n));
    expect((await answer(1)).status).toBe(200);
    expect((await answer(2)).status).toBe(200);
    r = await answer(3);
    expect(r.status).toBe(429);
    expect(errorOf(r).message).toBe(
      'Đường dẫn khảo sát của đơn vị này đã nhận đủ 2 phiếu hôm nay (giới hạn do quản trị đặt). Vui lòng quay lại vào ngày mai.',
    );
    t.setTime('08/01/2023 00:05');
    expect((await answer(3)).status).toBe(200);
    expect((await cap(null)).status).toBe(200);
    for (let n = 4; n < 7; n++) expect((await answer(n)).status).toBe(200);
    // A cap set later in the day counts the answers before it: four came today already.
    expect((await cap(4)).status).toBe(200);
    expect((await answer(7)).status).toBe(429);
    expect((await cap(null)).status).toBe(200);
    t.setTime('05/01/2023 09:00');
  });
  it('slows an address that keeps opening one link, each fetch storing nothing past the limit', async () => {
    t.setTime('10/01/2023 09:00');
    const forms = async () =>
      (await t.deps.db.select().from(rateCounters).where(like(rateCounters.key, 'survey-form:%')))
        .length;
    for (let n = 0; n < LINK_FORMS.limit; n++) await formToken(OTHER);
    const stored = await forms();
    t.setTime('10/01/2023 09:20');
    let r = await t.request('GET', `/api/public/surveys/link/${OTHER}`);
    expect(r.status).toBe(429);
    expect(errorOf(r).message).toBe(
      'Đã mở phiếu khảo sát của đơn vị này quá nhiều lần từ địa chỉ mạng này. Vui lòng thử lại sau 40 phút.',
    );
    expect(await forms()).toBe(stored);
    // Another unit's link from the same address is not held, and the hour ends.
    expect(await formToken(LINK)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    t.setTime('10/01/2023 10:00');
    r = await t.request('GET', `/api/public/surveys/link/${OTHER}`);
    expect(r.status).toBe(200);
    t.setTime('05/01/2023 09:00');
  });
});
