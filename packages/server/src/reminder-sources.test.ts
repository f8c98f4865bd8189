import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanRemindersJob } from './reminders/scan-reminders.js';
import { castOf, importFramework, ok, SXD_CSV, type Cast } from './test-support/cycle.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { WINDOWS } from './test-support/world.js';

interface Page {
  items: { kind: string; title: string; body: string; link: string | null }[];
  total: number;
}

describe.each(DATABASE_KINDS)(
  'reminders of supplement requests and explanation rounds (%s)',
  (kind) => {
    let t: TestApp;
    let cast: Cast;
    let base: string;
    let periodId: string;
    let scans = 0;
    const scan = async () => {
      await t.queue.send(scanRemindersJob, {}, `scan-${scans++}`);
      await t.queue.tick();
    };
    const inbox = async (who: 'officers' | 'heads') =>
      (await t.request('GET', '/api/notifications', { as: cast[who].SXD })).body as Page;
    const versionOf = async (code: string) =>
      (
        (await ok(t, 'GET', `${base}/assessment`, { as: cast.appraiser })) as unknown as {
          entries: { code: string; version: number }[];
        }
      ).entries.find((e) => e.code === code)?.version ?? 0;

    beforeAll(async () => {
      t = await startTestApp(kind);
      cast = await castOf(t, ['SXD'], { SXD: 'Sở Xây dựng' });
      const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
      t.setTime('26/12/2022 09:00');
      const period = await ok(t, 'POST', '/api/periods', {
        as: cast.admin,
        body: { name: 'Kỳ thử', year: 2022, frameworks: { so: frameworkId }, windows: WINDOWS },
      });
      periodId = String(period.id);
      base = `/api/periods/${periodId}/units/SXD`;
      await ok(t, 'PUT', `${base}/appraisers`, {
        as: cast.admin,
        body: { appraiserIds: [cast.appraiserId] },
      });
      for (const [code, facts] of Object.entries({
        '1.1': { points: '45,5' },
        '6.1': { points: '45,41' },
        '6.2': { notApplicable: true },
      })) {
        await ok(t, 'PUT', `${base}/entries/${code}`, {
          as: cast.officers.SXD,
          body: { facts, explanation: 'Theo hồ sơ lưu tại đơn vị', version: 0 },
        });
      }
      await ok(t, 'POST', `${base}/submit`, { as: cast.heads.SXD });
    }, 120_000);
    afterAll(async () => t.close());

    it('tells the unit of a leaf sent back for supplement, once', async () => {
      t.setTime('12/01/2023 09:00');
      await scan();
      // Submitted: no more closing reminders, and nothing sent back yet.
      expect((await inbox('officers')).total).toBe(0);
      await ok(t, 'PUT', `${base}/entries/6.1/appraisal`, {
        as: cast.appraiser,
        body: {
          supplementDeadline: '14/01/2023 17:00',
          supplementNote: 'Bổ sung quyết định giao dự toán',
          version: await versionOf('6.1'),
        },
      });
      await scan();
      await scan();
      for (const who of ['officers', 'heads'] as const) {
        const page = await inbox(who);
        expect(page.total).toBe(1);
        const { id, ...notification } = page.items[0] as Page['items'][number] & { id: string };
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(notification).toEqual({
          kind: 'supplementRequested',
          title: 'Yêu cầu bổ sung tiêu chí 6.1: Kỳ thử',
          body: 'Người thẩm định đề nghị Sở Xây dựng bổ sung tài liệu kiểm chứng cho tiêu chí 6.1, hạn đến 17:00 ngày 14/01/2023. Nội dung cần bổ sung: Bổ sung quyết định giao dự toán',
          link: `/ky-danh-gia/${periodId}/don-vi/SXD`,
          createdAt: '2023-01-12T02:00:00.000Z',
          readAt: null,
        });
      }
    });

    it('tells the unit when the explanation round opens, with the leaves to explain', async () => {
      await ok(t, 'PUT', `${base}/entries/1.1/appraisal`, {
        as: cast.appraiser,
        body: {
          outcome: 'missing',
          comment: 'Không có tài liệu kiểm chứng',
          version: await versionOf('1.1'),
        },
      });
      t.setTime('15/01/2023 09:00');
      await ok(t, 'POST', `${base}/finalise`, { as: cast.appraiser });
      t.setTime('16/01/2023 23:59');
      await scan();
      expect((await inbox('heads')).total).toBe(1);
      t.setTime('17/01/2023 00:00');
      await scan();
      await scan();
      for (const who of ['officers', 'heads'] as const) {
        const page = await inbox(who);
        expect(page.total).toBe(2);
        expect(page.items[0]).toMatchObject({
          kind: 'explanationOpened',
          title: 'Mở vòng giải trình: Kỳ thử',
          body: 'Sở Xây dựng có 1 tiêu chí có kết quả thẩm định khác kết quả tự đánh giá, có thể giải trình: 1.1. Thời gian giải trình kết thúc lúc 24:00 ngày 20/01/2023.',
        });
      }
    });
  },
);
