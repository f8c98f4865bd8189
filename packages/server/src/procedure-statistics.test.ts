import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './test-support/test-app.js';
import { importAndWait } from './test-support/import-jobs.js';
import { seedWorld, toCsv, WINDOWS, type World } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

/** A district framework whose on-time leaf takes its facts from the one-stop statistics. */
const DISTRICT_FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['3', 'Cải cách thủ tục hành chính', '2', null],
  [
    '3.1',
    'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn',
    '1',
    '{"kind":"ratioBands","statistic":"onTimeRate","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,5"}]}',
  ],
  ['3.2', 'Công khai thủ tục hành chính', '1', '{"kind":"manual","step":"0,25"}'],
]);

/** Seed 000's export: a title row, the headers, the district, the totals. */
const EXPORT_CSV = toCsv([
  ['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC 9 THÁNG', null, null, null],
  ['Tên đơn vị', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết', 'Giải quyết đúng hạn'],
  ['UBND huyen Nam Sach', '600', '596', '574'],
  ['Tổng cộng', '600', '596', '574'],
]);

async function xlsx(
  rows: (string | number | null)[][],
  cover?: (string | number | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (cover) for (const row of cover) workbook.addWorksheet('Hướng dẫn').addRow(row);
  const sheet = workbook.addWorksheet('TTHC');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('procedure (TTHC) statistics: import with a mapping, and the feed into ratio leaves', () => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  let periodId: string;
  const base = () => `/api/periods/${periodId}/statistics`;
  // Preview and import run as jobs (decision 0043): 202, then the job's answer or its problems.
  const upload = async (url: string, name: string, content: Buffer | string) => {
    const { upload: queued, job } = await importAndWait(t, url, { name, content }, admin);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    return job!;
  };
  const importUrl = (mapping: unknown) =>
    `${base()}/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
  const MAPPING = {
    headerRow: 2,
    columns: { A: 'unit', B: 'received', C: 'resolved', D: 'resolvedOnTime' },
  };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    w = await seedWorld(t);
    admin = w.sessions.admin!;
    const framework = await imported<{ id: string }>(
      t,
      `/api/frameworks/import?name=${encodeURIComponent('Bộ chỉ số huyện 2022')}&year=2022&unitType=huyen`,
      { name: 'bo-chi-so-huyen-2022.csv', content: DISTRICT_FRAMEWORK_CSV },
      admin,
    );
    const period = await t.request('POST', '/api/periods', {
      as: admin,
      body: {
        name: 'Chỉ số CCHC cấp huyện năm 2022',
        year: 2022,
        frameworks: { huyen: framework.id },
        windows: WINDOWS,
      },
    });
    expect(period.status, JSON.stringify(period.body)).toBeLessThan(300);
    periodId = (period.body as { id: string }).id;
    await t.createAccount('cb.h01', 'unitOfficer', 'H01');
    w.sessions['cb.h01'] = await t.login('cb.h01');
    t.setTime('05/01/2023 09:00');
  }, 60_000);
  afterAll(async () => t.close());

  it('previews a .csv: the header row under the title, a guessed mapping, no issues', async () => {
    const r = await upload(`${base()}/preview`, 'thong-ke-9-thang.csv', EXPORT_CSV);
    expect(r).toMatchObject({ kind: 'statisticsPreview', state: 'succeeded' });
    expect(r.result).toMatchObject({
      headerRow: 2,
      headers: [
        { column: 'A', text: 'Tên đơn vị' },
        { column: 'B', text: 'Số hồ sơ tiếp nhận' },
        { column: 'C', text: 'Số hồ sơ đã giải quyết' },
        { column: 'D', text: 'Giải quyết đúng hạn' },
      ],
      mapping: MAPPING,
      remembered: false,
      rows: 1,
      issues: [],
    });
  });

  it('previews the statistics sheet of a workbook whose first sheet is a cover note', async () => {
    const bytes = await xlsx(
      [[], ['Tên đơn vị', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết'], ['H01', 600, 596]],
      [['Tệp xuất từ hệ thống một cửa']],
    );
    const r = await upload(`${base()}/preview`, 'xuat.xlsx', bytes);
    expect(r.result).toMatchObject({
      sheets: ['Hướng dẫn', 'TTHC'],
      sheet: 'TTHC',
      headerRow: 2,
      rows: 1,
      issues: [],
    });
  });

  it('imports the .csv, remembers the mapping for the layout and lists the figures', async () => {
    const r = await upload(importUrl(MAPPING), 'thong-ke-9-thang.csv', EXPORT_CSV);
    expect(r.state, JSON.stringify(r.problems)).toBe('succeeded');
    expect(r.result).toEqual({ imported: 1, sheet: 'thong-ke-9-thang.csv' });
    const again = await upload(`${base()}/preview`, 'thong-ke-quy-4.csv', EXPORT_CSV);
    expect(again.result).toMatchObject({ remembered: true, mapping: MAPPING });
    const list = await t.request('GET', base(), { as: admin });
    expect(list.body).toMatchObject({
      units: [
        {
          unitId: 'H01',
          figures: { received: 600, resolved: 596, resolvedOnTime: 574 },
          statistics: [
            {
              statistic: 'onTimeRate',
              label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
              numerator: 574,
              denominator: 596,
              percent: '96,31%',
            },
          ],
          source: 'import',
          sourceName: 'thong-ke-9-thang.csv',
          version: 1,
        },
      ],
    });
  });

  it('uses the remembered columns for the same headers under fewer title rows', async () => {
    const untitled = toCsv([
      ['Tên đơn vị', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết', 'Giải quyết đúng hạn'],
      ['H01', '600', '596', '574'],
    ]);
    const r = await upload(`${base()}/preview`, 'khong-tieu-de.csv', untitled);
    expect(r.result).toMatchObject({
      remembered: true,
      headerRow: 1,
      mapping: { ...MAPPING, headerRow: 1 },
      rows: 1,
      issues: [],
    });
  });

  it('scores the ratioBands leaf from 574/596 whatever the unit typed, and shows the source', async () => {
    const officer = w.sessions['cb.h01'];
    const entry = `/api/periods/${periodId}/units/H01/entries/3.1`;
    const saved = await t.request('PUT', entry, {
      as: officer,
      body: { facts: { numerator: 596, denominator: 596 }, version: 0 },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    const r = await t.request('GET', `/api/periods/${periodId}/units/H01/assessment`, {
      as: officer,
    });
    expect(r.status).toBe(200);
    const body = r.body as {
      entries: { code: string; statisticFeed?: unknown }[];
      self: { nodes: { code: string; points: number | null; explanation: string | null }[] };
    };
    expect(body.entries.find((e) => e.code === '3.1')?.statisticFeed).toEqual({
      statistic: 'onTimeRate',
      label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
      numerator: 574,
      denominator: 596,
      percent: '96,31%',
      source: 'thong-ke-9-thang.csv',
      updatedAt: expect.any(String) as string,
    });
    expect(body.entries.find((e) => e.code === '3.2')?.statisticFeed).toBeNull();
    const leaf = body.self.nodes.find((n) => n.code === '3.1');
    expect(leaf?.points).toBe(0.5);
  });

  it('rejects a bad .xlsx whole, naming sheet, row and column, and stores nothing', async () => {
    const bytes = await xlsx([
      ['Tên đơn vị', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết', 'Giải quyết đúng hạn'],
      ['UBND huyện Nam Sách', 700, 650, 'bảy trăm'],
      ['Sở Nội vụ', 1, 1, 1],
    ]);
    const r = await upload(importUrl({ ...MAPPING, headerRow: 1 }), 'sai.xlsx', bytes);
    expect(r.state).toBe('failed');
    expect(r.problems).toMatchObject({
      code: 'IMPORT_REJECTED',
      issues: [
        {
          sheet: 'TTHC',
          row: 2,
          column: 'D',
          field: 'Giải quyết đúng hạn',
          message: '"bảy trăm" không phải là số nguyên không âm (Số hồ sơ đã giải quyết đúng hạn)',
        },
        {
          sheet: 'TTHC',
          row: 3,
          column: 'A',
          message: 'Không tìm thấy đơn vị "Sở Nội vụ" trong các đơn vị tham gia kỳ đánh giá',
        },
      ],
    });
    const list = await t.request('GET', base(), { as: admin });
    expect(list.body).toMatchObject({ units: [{ figures: { resolved: 596 }, version: 1 }] });
  });

  it('imports an .xlsx with thousands separators, replacing the unit row, and reports late dossiers', async () => {
    const bytes = await xlsx([
      ['Đơn vị', 'Số hồ sơ đã giải quyết', 'Đúng hạn', 'Quá hạn'],
      ['H01', '23.067', '22.855', 212],
    ]);
    const mapping = {
      headerRow: 1,
      columns: { A: 'unit', B: 'resolved', C: 'resolvedOnTime', D: 'resolvedLate' },
    };
    const r = await upload(importUrl(mapping), 'thong-ke-xa.xlsx', bytes);
    expect(r.state, JSON.stringify(r.problems)).toBe('succeeded');
    const late = await t.request('GET', `${base()}/late-dossiers`, { as: admin });
    expect(late.body).toEqual({
      rows: [
        {
          unitId: 'H01',
          unitName: 'UBND huyện Nam Sách',
          received: null,
          resolved: 23067,
          resolvedOnTime: 22855,
          resolvedLate: 212,
          onTimePercent: '99,08%',
        },
      ],
    });
    const list = await t.request('GET', base(), { as: admin });
    expect(list.body).toMatchObject({ units: [{ version: 2, sourceName: 'thong-ke-xa.xlsx' }] });
    const file = await t.request('GET', `${base()}/late-dossiers.xlsx`, { as: admin });
    expect(file.status).toBe(200);
  });
});
