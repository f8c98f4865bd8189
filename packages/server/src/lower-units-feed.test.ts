import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entries, periods } from './db/schema.js';
import { insertPeriod } from './repositories/periods.js';
import { insertPublication, supersedePublication } from './repositories/results.js';
import { computePeriodResults } from './use-cases/results/period-results.js';
import { ok } from './test-support/cycle.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { toCsv, WINDOWS } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

/** A district framework whose area 8 takes 8.3 from its communes' index (seed 000). */
const DISTRICT_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['8', 'Tác động của CCHC', '2,5', null],
  ['8.1', 'Thu hút đầu tư', '1', '{"kind":"manual","step":"0,25"}'],
  [
    '8.3',
    'Kết quả đánh giá xác định chỉ số CCHC năm của các xã',
    '1,5',
    '{"kind":"lowerUnits","aggregate":"mean","source":{"unitType":"xa"}}',
  ],
]);

interface Entry {
  code: string;
  surveyFed: boolean;
  lowerUnitsFeed?: {
    source: string;
    published: boolean;
    units: { id: string; name: string; indexPercent: string; band?: string | null }[];
    publicationVersion?: number;
    changedSincePublished?: boolean;
    changedNote?: string;
  };
}
interface Assessment {
  entries: Entry[];
  self: { nodes: { code: string; points: number; status: string; explanation: string | null }[] };
}

/** The communes' published results as the publication stores them (the fields a feed reads). */
const communeResults = (x01: number, x02: number) => ({
  framework: { name: 'Bộ chỉ số xã 2022' },
  units: [
    { id: 'X01', name: 'UBND xã Thanh Quang', percent: x01, band: 'Từ 80% đến dưới 90%' },
    { id: 'X02', name: 'UBND xã An Lâm', percent: x02, band: 'Từ 90% trở lên' },
    // Another district's commune: not under H01, it feeds nothing there.
    { id: 'X09', name: 'UBND xã Khác', percent: 10, band: 'Dưới 70%' },
  ],
});

describe.each(DATABASE_KINDS)(
  "lower units' published results feed a district leaf (%s)",
  (kind) => {
    let t: TestApp;
    let admin: Session;
    let officer: Session;
    let districtPeriod: string;
    let communePeriod: string;
    const read = async () =>
      (await ok(t, 'GET', `/api/periods/${districtPeriod}/units/H01/assessment`, {
        as: officer,
      })) as unknown as Assessment;
    const leaf = (a: Assessment) => ({
      entry: a.entries.find((e) => e.code === '8.3'),
      node: a.self.nodes.find((n) => n.code === '8.3'),
    });
    const publish = async (version: number, at: string, results: unknown) => {
      t.setTime(at);
      const now = t.context().now;
      const db = t.deps.db;
      if (version > 1) await supersedePublication(db, communePeriod, version - 1, now);
      await insertPublication(
        db,
        { periodId: communePeriod, version, publishedAt: now, decisionNumber: `${version}/QĐ` },
        [
          {
            periodId: communePeriod,
            version,
            unitType: 'xa',
            framework: {},
            results,
            publishedAt: now,
          },
        ],
      );
    };

    beforeAll(async () => {
      t = await startTestApp(kind);
      t.setTime('20/12/2022 09:00');
      await t.createAccount('admin', 'administrator');
      admin = await t.login('admin');
      for (const [id, name, type, parentId] of [
        ['H01', 'UBND huyện Văn Bàn', 'huyen', null],
        ['H02', 'UBND huyện Bảo Yên', 'huyen', null],
        ['X01', 'UBND xã Thanh Quang', 'xa', 'H01'],
        ['X02', 'UBND xã An Lâm', 'xa', 'H01'],
        ['X09', 'UBND xã Khác', 'xa', 'H02'],
      ] as const) {
        await ok(t, 'PUT', `/api/units/${id}`, { as: admin, body: { name, type, parentId } });
      }
      await t.createAccount('cb.h01', 'unitOfficer', 'H01');
      officer = await t.login('cb.h01');
      const framework = await imported<{ id: string }>(
        t,
        '/api/frameworks/import?name=B%E1%BB%99%20huy%E1%BB%87n&year=2022&unitType=huyen',
        { name: 'bo-chi-so-huyen.csv', content: DISTRICT_CSV },
        admin,
      );
      const period = await ok(t, 'POST', '/api/periods', {
        as: admin,
        body: {
          name: 'Chỉ số CCHC cấp huyện năm 2022',
          year: 2022,
          frameworks: { huyen: framework.id },
          windows: WINDOWS,
          unitIds: ['H01'],
        },
      });
      districtPeriod = String(period.id);
      communePeriod = (
        await insertPeriod(t.deps.db, { name: 'Chỉ số CCHC cấp xã năm 2022', year: 2022 })
      ).id;
    }, 120_000);
    afterAll(async () => t.close());

    it('waits and scores nothing before the communes are published', async () => {
      const { entry, node } = leaf(await read());
      expect(entry?.lowerUnitsFeed).toEqual({
        source: 'Chưa có kết quả công bố của UBND xã năm 2022',
        published: false,
        units: [],
        changedSincePublished: false,
      });
      expect(entry?.surveyFed).toBe(false);
      expect(node).toMatchObject({ points: 0, status: 'missing' });
    });

    it('takes the mean of its own communes once published, whatever the unit types there', async () => {
      await publish(1, '01/02/2023 09:00', communeResults(80, 90));
      t.setTime('26/12/2022 09:00');
      // The officer's own figures for a fed leaf are kept but never count.
      await ok(t, 'PUT', `/api/periods/${districtPeriod}/units/H01/entries/8.3`, {
        as: officer,
        body: { facts: { percents: [100, 100] }, explanation: 'Tự nhập', version: 0 },
      });
      const { entry, node } = leaf(await read());
      expect(entry?.lowerUnitsFeed).toMatchObject({
        source:
          'Kết quả công bố của kỳ "Chỉ số CCHC cấp xã năm 2022" (phiên bản 1), 2 đơn vị trực thuộc',
        published: true,
        publicationVersion: 1,
        changedSincePublished: false,
        units: [
          {
            id: 'X01',
            name: 'UBND xã Thanh Quang',
            indexPercent: '80',
            band: 'Từ 80% đến dưới 90%',
          },
          { id: 'X02', name: 'UBND xã An Lâm', indexPercent: '90', band: 'Từ 90% trở lên' },
        ],
      });
      // 1,5 × 85 % = 1,275 exactly.
      expect(node).toMatchObject({ points: 1.275, status: 'scored' });
      expect(node?.explanation).toBe('Bình quân chỉ số của 2 đơn vị cấp dưới 85,00% → 1,275/1,5');
      // The mid-year monitoring starts from the fed points too, not from the typed figures.
      const snapshot = (await ok(t, 'POST', '/api/units/H01/monitoring', {
        as: officer,
        body: { title: '9 tháng đầu năm', asOf: '2022-09-30' },
      })) as unknown as { nodes: { code: string; expectedPoints: string; source: string }[] };
      expect(snapshot.nodes.find((n) => n.code === '8.3')).toMatchObject({
        expectedPoints: '1.275',
        source: 'self',
      });
    });

    it('follows an erratum while open, and flags it once the district period is published', async () => {
      await publish(2, '10/03/2023 09:00', communeResults(70.5, 90));
      officer = await t.login('cb.h01');
      let { entry, node } = leaf(await read());
      expect(node).toMatchObject({ points: 1.204 }); // 1,5 × 80,25 % = 1,20375 → 1,204
      expect(entry?.lowerUnitsFeed).toMatchObject({
        publicationVersion: 2,
        changedSincePublished: false,
      });
      expect(entry?.lowerUnitsFeed?.units[0]?.indexPercent).toBe('70.5');
      // Fresh results (to publish, to preview an erratum) take the newest version too; an
      // appraiser's points on the fed leaf are ignored like the unit's figures (decision 0025).
      const db = t.deps.db;
      await db
        .update(entries)
        .set({ appraisalKind: 'points', appraisedPoints: '0', appraisalComment: 'Xem lại số liệu' })
        .where(and(eq(entries.periodId, districtPeriod), eq(entries.code, '8.3')));
      const [huyen] = await computePeriodResults(db, districtPeriod, 2022);
      expect(huyen?.json.units[0]?.nodes.find((n) => n.code === '8.3')?.points).toBe(1.204);
      // The district's results froze on 05/02/2023, between the communes' versions 1 and 2.
      await t.deps.db
        .update(periods)
        .set({ status: 'published', publishedAt: new Date('2023-02-05T02:00:00Z') })
        .where(eq(periods.id, districtPeriod));
      ({ entry, node } = leaf(await read()));
      expect(node).toMatchObject({ points: 1.275 });
      expect(entry?.lowerUnitsFeed).toMatchObject({
        publicationVersion: 1,
        changedSincePublished: true,
        changedNote: 'Kết quả của cấp dưới đã được đính chính sau khi công bố (phiên bản 2)',
      });
    });
  },
);
