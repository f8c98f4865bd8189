import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

describe.each(DATABASE_KINDS)('two people saving the same leaf at once (%s)', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
    await t.request('PUT', `/api/periods/${w.periodId}/units/SNV/entries/3.2`, {
      as: w.sessions['cb.snv'],
      body: { points: 2, explanation: 'Công khai đầy đủ trên Cổng thông tin', version: 0 },
    });
    await t.request('POST', `/api/periods/${w.periodId}/units/SNV/submit`, {
      as: w.sessions['tt.snv'],
    });
    await t.request('PUT', `/api/periods/${w.periodId}/units/SNV/appraisers`, {
      as: w.sessions.admin,
      body: { appraiserIds: [w.ids.td1, w.ids.td2] },
    });
    t.setTime('12/01/2023 09:00');
  }, 60_000);
  afterAll(async () => t.close());

  it('keeps one save and refuses the other with a Vietnamese message; no update is lost silently', async () => {
    const url = `/api/periods/${w.periodId}/units/SNV/entries/3.2/appraisal`;
    const [a, b] = await Promise.all([
      t.request('PUT', url, {
        as: w.sessions.td1,
        body: { points: '1,5', comment: 'Thiếu ảnh chụp', version: 1 },
      }),
      t.request('PUT', url, {
        as: w.sessions.td2,
        body: { points: '1,25', comment: 'Chưa đủ', version: 1 },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((loser.body as { error: { message: string } }).error.message).toBe(
      'Tiêu chí này vừa được người khác cập nhật. Hãy tải lại để xem thay đổi rồi lưu lại.',
    );
    const winner = (a.status === 200 ? a : b).body as { appraisedPoints: string; version: number };
    const assessment = await t.request('GET', `/api/periods/${w.periodId}/units/SNV/assessment`, {
      as: w.sessions.td1,
    });
    const entry = (
      assessment.body as {
        entries: { code: string; version: number; appraisal: { points: string } }[];
      }
    ).entries.find((e) => e.code === '3.2');
    expect(entry).toMatchObject({ version: 2, appraisal: { points: winner.appraisedPoints } });
    const history = await t.request(
      'GET',
      `/api/periods/${w.periodId}/units/SNV/entries/3.2/history`,
      { as: w.sessions.td1 },
    );
    expect(
      (history.body as { action: string }[]).filter((h) => h.action === 'entry.appraise'),
    ).toHaveLength(1);
  });

  it('lets the loser save on top once they have seen the change', async () => {
    const r = await t.request('PUT', `/api/periods/${w.periodId}/units/SNV/entries/3.2/appraisal`, {
      as: w.sessions.td2,
      body: { points: '1,25', comment: 'Đã xem ý kiến thành viên khác', version: 2 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 3, appraisedPoints: '1.250000' });
  });
});
