import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from './test-support/cycle.js';
import { seedPortalWorld, type PortalWorld } from './test-support/portal-world.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

interface UnitResult {
  id: string;
  name: string;
  rank: number | null;
  groupSize: number;
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  band: string | null;
  headRating: string | null;
  previousRank: number | null;
  rankChange: number | null;
  areas: { code: string; points: number | null; applicable: boolean }[];
}

const cell = (v: number | string | null) => (v === null ? '' : String(v));

describe.each(DATABASE_KINDS)('the public results portal: figures and open data (%s)', (kind) => {
  let t: TestApp;
  let w: PortalWorld;
  const base = (periodId: string) => `/api/public/results/${periodId}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedPortalWorld(t);
    t.setTime('11/02/2024 09:00');
    w.cast.admin = await t.login('admin');
  }, 180_000);
  afterAll(async () => t.close());

  /** The CSV of a period read back equals the authenticated results API, unit by unit. */
  async function expectCsvEqualsResults(periodId: string) {
    const csv = await t.request('GET', `${base(periodId)}/data.csv`);
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(csv.raw.subarray(3).toString('utf8'));
    const results = await ok(t, 'GET', `/api/periods/${periodId}/results`, { as: w.cast.admin });
    const version = (results.publication as { version: number }).version;
    const units = (results.groups as { results: { units: UnitResult[] } }[]).flatMap(
      (g) => g.results.units,
    );
    expect(rows).toHaveLength(units.length);
    const areaCodes = header!.filter((h) => h.startsWith('Điểm lĩnh vực ')).map((h) => h.slice(14));
    expect(areaCodes).toEqual(['1', '6']);
    for (const unit of units) {
      const row = rows.find((r) => r[header!.indexOf('Mã đơn vị')] === unit.id);
      const get = (column: string) => row?.[header!.indexOf(column)];
      expect(get('Tên đơn vị')).toBe(unit.name);
      expect(get('Lần công bố')).toBe(String(version));
      expect(get('Khối')).toBe('Khối sở, ban, ngành');
      expect(get('Xếp hạng')).toBe(cell(unit.rank));
      expect(get('Số đơn vị xếp hạng')).toBe(cell(unit.groupSize));
      expect(get('Điểm')).toBe(cell(unit.points));
      expect(get('Điểm tối đa')).toBe(cell(unit.maxPoints));
      expect(get('Chỉ số (%)')).toBe(cell(unit.percent));
      expect(get('Xếp loại')).toBe(cell(unit.band));
      expect(get('Đánh giá người đứng đầu')).toBe(cell(unit.headRating));
      expect(get('Xếp hạng năm trước')).toBe(cell(unit.previousRank));
      expect(get('Thay đổi thứ hạng')).toBe(cell(unit.rankChange));
      for (const code of areaCodes) {
        const area = unit.areas.find((a) => a.code === code);
        expect(get(`Điểm lĩnh vực ${code}`)).toBe(area?.applicable ? cell(area.points) : '');
      }
    }
    return { header: header!, rows };
  }

  it('reads back from data.csv exactly the published results of both years', async () => {
    const { rows, header } = await expectCsvEqualsResults(w.y2022.periodId);
    // Sở Xây dựng's 93,72 % with a decimal point, not a comma.
    expect(rows.find((r) => r.includes('SXD'))?.[header.indexOf('Chỉ số (%)')]).toBe('93.721649');
    await expectCsvEqualsResults(w.y2023.periodId);
    const dictionary = await t.request('GET', `${base(w.y2023.periodId)}/data-dictionary.csv`);
    const [dHeader, ...entries] = parseCsv(dictionary.raw.subarray(3).toString('utf8'));
    expect(dHeader).toEqual(['Cột', 'Ý nghĩa', 'Kiểu dữ liệu', 'Đơn vị']);
    expect(entries.map((e) => e[0])).toEqual(header);
    expect(entries.find((e) => e[0] === 'Chỉ số (%)')?.[1]).toContain('dấu chấm thập phân');
  });

  it('puts the licence and the data dictionary inside data.json and data.xlsx', async () => {
    const json = (await t.request('GET', `${base(w.y2023.periodId)}/data.json`)).body as {
      licence: { name: string; url: string; attribution: string };
      dictionary: { column: string }[];
      units: Record<string, unknown>[];
    };
    expect(json.licence).toEqual({
      name: 'Giấy phép Ghi công Creative Commons 4.0 Quốc tế (CC BY 4.0)',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
      attribution:
        'Nguồn: Chỉ số CCHC năm 2023 (Quyết định số 15/QĐ-HĐ ngày 22/01/2024), công bố ngày 10/02/2024',
    });
    expect(json.dictionary.map((d) => d.column)).toContain('Thay đổi thứ hạng');
    const sqh = json.units.find((u) => u['Mã đơn vị'] === 'SQH');
    expect(sqh?.['Điểm']).toBe(95);
    expect((sqh?.criteria as unknown[]).length).toBe(5);
    expect(JSON.stringify(json)).not.toMatch(/"self"|Giải trình kèm số liệu|Người dùng/);
    const xlsx = await t.request('GET', `${base(w.y2023.periodId)}/data.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Kết quả',
      'Lĩnh vực',
      'Từ điển dữ liệu',
      'Giấy phép',
    ]);
    const licence = workbook.getWorksheet('Giấy phép')!;
    expect(licence.getRow(2).getCell(2).value).toBe(json.licence.name);
    expect(licence.getRow(4).getCell(2).value).toBe(json.licence.attribution);
    expect(workbook.getWorksheet('Từ điển dữ liệu')!.rowCount).toBe(
      1 + json.dictionary.length + 10,
    );
    expect(workbook.getWorksheet('Kết quả')!.rowCount).toBe(3);
    expect(workbook.getWorksheet('Lĩnh vực')!.rowCount).toBe(1 + 2 * 2);
  });

  it('counts every band of the policy in a block, none included, and the mean', async () => {
    const period = await ok(t, 'GET', base(w.y2023.periodId));
    const framework = await ok(t, 'GET', `/api/frameworks/${w.frameworkId}`, { as: w.cast.admin });
    const bands = (framework.policy as { bands: { label: string }[] }).bands.map((b) => b.label);
    const [block] = period.blocks as {
      group: string;
      units: number;
      meanPercent: number;
      distribution: { band: string; count: number }[];
      withoutBand: number;
      headRatings: { count: number }[];
    }[];
    expect(block?.group).toBe('so');
    expect(block?.distribution.map((d) => d.band).sort()).toEqual([...bands].sort());
    expect(block?.distribution.some((d) => d.count === 0)).toBe(true);
    expect(block!.distribution.reduce((n, d) => n + d.count, 0) + block!.withoutBand).toBe(2);
    expect(block!.headRatings.reduce((n, d) => n + d.count, 0)).toBe(2);
    // (95 % + 99 %) / 2
    expect(block?.meanPercent).toBe(97);
  });

  it("shows a unit's areas against the block, the reasons for lost points and its trend through the renaming", async () => {
    const unit = await ok(t, 'GET', `${base(w.y2023.periodId)}/units/SQH`);
    expect(unit.unit).toMatchObject({
      id: 'SQH',
      rank: 2,
      points: 95,
      previousRank: 1,
      rankChange: -1,
    });
    const areas = unit.areas as { code: string; percent: number; peerMeanPercent: number }[];
    // Area 1: 47/50 and 49/50, mean 96 %.
    expect(areas.find((a) => a.code === '1')).toMatchObject({ percent: 94, peerMeanPercent: 96 });
    const criteria = unit.criteria as {
      code: string;
      lostPoints: number | null;
      reason: string | null;
      depth: number;
    }[];
    expect(criteria.map((c) => [c.code, c.depth, c.lostPoints])).toEqual([
      ['1', 1, 3],
      ['1.1', 2, 3],
      ['6', 1, 2],
      ['6.1', 2, 2],
      ['6.2', 2, null],
    ]);
    expect(criteria.find((c) => c.code === '1.1')?.reason).toBeTruthy();
    expect(criteria.find((c) => c.code === '1')?.reason).toBeNull();
    expect(unit.trend).toEqual([
      {
        periodId: w.y2022.periodId,
        year: 2022,
        name: 'Sở Xây dựng',
        points: 90.91,
        maxPoints: 97,
        percent: 93.721649,
        rank: 1,
        groupSize: 2,
        band: expect.any(String) as unknown,
      },
      {
        periodId: w.y2023.periodId,
        year: 2023,
        name: 'Sở Quy hoạch - Kiến trúc',
        points: 95,
        maxPoints: 100,
        percent: 95,
        rank: 2,
        groupSize: 2,
        band: expect.any(String) as unknown,
      },
    ]);
  });

  it("changes the portal's figures, its ETags and next year's trend with an erratum", async () => {
    const ranking = `${base(w.y2022.periodId)}/blocks/so`;
    const before = await t.request('GET', ranking);
    const trendBefore = await t.request('GET', `${base(w.y2023.periodId)}/units/SQH`);
    const assessment = await ok(t, 'GET', `/api/periods/${w.y2022.periodId}/units/SXD/assessment`, {
      as: w.cast.admin,
    });
    const version = (assessment.entries as { code: string; version: number }[]).find(
      (e) => e.code === '6.1',
    )?.version;
    await ok(t, 'PUT', `/api/periods/${w.y2022.periodId}/units/SXD/entries/6.1/correction`, {
      as: w.cast.admin,
      body: { points: '40', reason: 'Thiếu quyết định giao dự toán', version: version ?? 0 },
    });
    // A correction alone changes nothing public: the publication in force stays.
    expect((await t.request('GET', ranking)).headers.etag).toBe(before.headers.etag);
    const preview = await ok(t, 'GET', `/api/periods/${w.y2022.periodId}/errata/preview`, {
      as: w.cast.admin,
    });
    await ok(t, 'POST', `/api/periods/${w.y2022.periodId}/errata`, {
      as: w.cast.admin,
      body: {
        decisionNumber: '30/QĐ-HĐ',
        decisionDate: '2024-02-11',
        reason: 'Sửa điểm tiêu chí 6.1 của Sở Xây dựng',
        changesFingerprint: preview.fingerprint,
      },
    });
    const after = await t.request('GET', ranking, {
      headers: { 'if-none-match': String(before.headers.etag) },
    });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const body = after.body as {
      period: { version: number; erratumReason: string; decisionNumber: string };
      rows: { unitId: string; rank: number; points: number }[];
    };
    expect(body.period).toMatchObject({
      version: 2,
      decisionNumber: '30/QĐ-HĐ',
      erratumReason: 'Sửa điểm tiêu chí 6.1 của Sở Xây dựng',
    });
    expect(body.rows.map((r) => [r.unitId, r.rank, r.points])).toEqual([
      ['SGT', 1, 93],
      ['SXD', 2, 85.5],
    ]);
    const trend = await t.request('GET', `${base(w.y2023.periodId)}/units/SQH`);
    expect(trend.headers.etag).not.toBe(trendBefore.headers.etag);
    expect((trend.body as { trend: { points: number }[] }).trend[0]?.points).toBe(85.5);
    const reason = (
      (await ok(t, 'GET', `${base(w.y2022.periodId)}/units/SXD`)).criteria as {
        code: string;
        reason: string;
      }[]
    ).find((c) => c.code === '6.1')?.reason;
    expect(reason).toContain('Thiếu quyết định giao dự toán');
    await expectCsvEqualsResults(w.y2022.periodId);
    const csv = await t.request('GET', `${base(w.y2022.periodId)}/data.csv`);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="chi-so-cchc-2022-data-dinh-chinh-1.csv"',
    );
  });
});
