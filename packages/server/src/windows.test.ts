import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe.each(DATABASE_KINDS)(
  'windows are enforced by the server clock, in Vietnam time (%s)',
  (kind) => {
    let t: TestApp;
    let w: World;
    const save = (code: string, version = 0, headers: Record<string, string> = {}) =>
      t.request('PUT', `/api/periods/${w.periodId}/units/SNV/entries/${code}`, {
        as: w.sessions['cb.snv'],
        body: { facts: { onTime: 4 }, version },
        headers,
      });

    beforeAll(async () => {
      t = await startTestApp(kind);
      w = await seedWorld(t);
    }, 60_000);
    afterAll(async () => t.close());

    it('refuses a save before the window opens', async () => {
      t.setTime('24/12/2022 23:59');
      const r = await save('1.2');
      expect(r.status).toBe(409);
      expect(errorOf(r.body)).toMatchObject({
        code: 'WINDOW_CLOSED',
        message:
          'Thời gian "Tự đánh giá, tải tài liệu kiểm chứng" chưa bắt đầu: mở từ 25/12/2022 00:00',
      });
    });

    it('accepts a save at 23:59 on the closing day', async () => {
      t.setTime('10/01/2023 23:59');
      expect((await save('1.2')).status).toBe(200);
    });

    it('refuses a save at 24:00, whatever the client claims the time is', async () => {
      t.setTime('11/01/2023 00:00');
      const r = await save('1.2', 1, { date: 'Tue, 10 Jan 2023 10:00:00 GMT' });
      expect(r.status).toBe(409);
      expect(errorOf(r.body).message).toBe(
        'Thời gian "Tự đánh giá, tải tài liệu kiểm chứng" đã kết thúc lúc 10/01/2023 24:00',
      );
    });

    it('lets the administrator extend the window for one unit, audited', async () => {
      let r = await t.request('POST', `/api/periods/${w.periodId}/extensions`, {
        as: w.sessions.admin,
        body: {
          unitId: 'SNV',
          kind: 'selfAssessment',
          closesAt: '12/01/2023 17:00',
          reason: 'Sự cố mạng tại đơn vị ngày 10/01',
        },
      });
      expect(r.status).toBe(200);
      t.setTime('12/01/2023 16:59');
      expect((await save('1.2', 1)).status).toBe(200);
      r = await t.request('PUT', `/api/periods/${w.periodId}/units/SYT/entries/1.2`, {
        as: w.sessions['cb.syt'],
        body: { facts: { onTime: 4 }, version: 0 },
      });
      expect(r.status).toBe(409);
      t.setTime('12/01/2023 17:00');
      expect((await save('1.2', 2)).status).toBe(409);
      r = await t.request('GET', `/api/audit?entityType=window`, { as: w.sessions.admin });
      const audit = (
        r.body as {
          entries: { action: string; unitId: string; actor: string; after: { reason: string } }[];
        }
      ).entries;
      expect(audit[0]).toMatchObject({
        action: 'window.extend',
        unitId: 'SNV',
        actor: 'Người dùng admin (admin)',
      });
      expect(audit[0]?.after.reason).toBe('Sự cố mạng tại đơn vị ngày 10/01');
    });

    it('refuses an extension that ends before the window does', async () => {
      const r = await t.request('POST', `/api/periods/${w.periodId}/extensions`, {
        as: w.sessions.admin,
        body: { unitId: 'SYT', kind: 'selfAssessment', closesAt: '09/01/2023 17:00', reason: 'x' },
      });
      expect(r.status).toBe(400);
      expect((r.body as { error: { details: string[] } }).error.details).toEqual([
        'closesAt: phải sau thời điểm kết thúc chung 10/01/2023 24:00',
      ]);
    });

    it('lets the administrator move a window, audited with before and after', async () => {
      let r = await t.request('PUT', `/api/periods/${w.periodId}/windows`, {
        as: w.sessions.admin,
        body: { appraisal: { opensAt: '2023-01-13 08:00', closesAt: '2023-01-18 24:00' } },
      });
      expect(r.status).toBe(200);
      const appraisal = (
        r.body as { windows: { kind: string; opensAt: string; closesAt: string }[] }
      ).windows.find((x) => x.kind === 'appraisal');
      expect(appraisal).toMatchObject({
        opensAt: '2023-01-13T01:00:00.000Z',
        closesAt: '2023-01-18T17:00:00.000Z',
      });
      r = await t.request('PUT', `/api/periods/${w.periodId}/windows`, {
        as: w.sessions.admin,
        body: { appraisal: { opensAt: '2023-01-18 08:00', closesAt: '2023-01-13 24:00' } },
      });
      expect(r.status).toBe(400);
      expect((r.body as { error: { details: string[] } }).error.details).toEqual([
        'appraisal.closesAt: thời điểm kết thúc phải sau thời điểm bắt đầu',
      ]);
    });
  },
);
