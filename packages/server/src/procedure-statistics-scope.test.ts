import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './test-support/test-app.js';
import { importAndWait } from './test-support/import-jobs.js';
import { TEST_FRAMEWORK_CSV, toCsv, WINDOWS } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

/** The same export layout for everyone: a title row, then the headers on row 2. */
const HEADERS = ['Tên đơn vị', 'Tiếp nhận', 'Đã giải quyết', 'Cột D'];
const exportCsv = (unit: string) =>
  toCsv([['THỐNG KÊ GIẢI QUYẾT TTHC', null, null, null], HEADERS, [unit, '600', '596', '574']]);

/** The province's reading of the layout, and a district's different one. */
const PROVINCE_MAPPING = {
  headerRow: 2,
  columns: { A: 'unit', B: 'received', C: 'resolved', D: 'resolvedOnTime' },
};
const DISTRICT_MAPPING = {
  headerRow: 2,
  columns: { A: 'unit', B: 'received', C: 'resolved', D: 'resolvedLate' },
};

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

describe('procedure statistics: column mappings remembered per secretariat (decision 0029)', () => {
  let t: TestApp;
  let province: Session;
  const as: Record<string, Session> = {};
  const periods: Record<'province' | 'H1' | 'H2', string> = { province: '', H1: '', H2: '' };

  // Preview and import run as jobs (decision 0043): 202, then the job's answer or its problems.
  const upload = async (who: Session, url: string, content: string) => {
    const { upload: queued, job } = await importAndWait(
      t,
      url,
      { name: 'thong-ke.csv', content },
      who,
    );
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    return job!;
  };
  const preview = async (who: Session, key: keyof typeof periods, unit: string) => {
    const r = await upload(who, `/api/periods/${periods[key]}/statistics/preview`, exportCsv(unit));
    expect(r.state, JSON.stringify(r.problems)).toBe('succeeded');
    return r.result as { remembered: boolean; mapping: unknown };
  };
  const importWith = (who: Session, key: keyof typeof periods, unit: string, mapping: unknown) =>
    upload(
      who,
      `/api/periods/${periods[key]}/statistics/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      exportCsv(unit),
    );

  async function openPeriod(admin: Session, unitType: string, name: string) {
    const framework = await imported<{ id: string }>(
      t,
      `/api/frameworks/import?name=${encodeURIComponent(name)}&year=2022&unitType=${unitType}`,
      { name: 'khung.csv', content: TEST_FRAMEWORK_CSV },
      admin,
    );
    const period = await ok(
      t.request('POST', '/api/periods', {
        as: admin,
        body: { name, year: 2022, frameworks: { [unitType]: framework.id }, windows: WINDOWS },
      }),
      `period ${name}`,
    );
    return String(period.id);
  }

  beforeAll(async () => {
    t = await startTestApp('pglite');
    await t.createAccount('admin', 'administrator');
    province = await t.login('admin');
    for (const [id, name, type, parentId] of [
      ['H1', 'UBND huyện Nam Sách', 'huyen', null],
      ['H2', 'UBND huyện Thanh Hà', 'huyen', null],
      ['X11', 'UBND xã An Lâm', 'xa', 'H1'],
      ['X21', 'UBND xã Thanh An', 'xa', 'H2'],
    ] as const) {
      await ok(
        t.request('PUT', `/api/units/${id}`, { as: province, body: { name, type, parentId } }),
        `unit ${id}`,
      );
    }
    for (const district of ['H1', 'H2'] as const) {
      const username = `qt.${district.toLowerCase()}`;
      await t.createAccount(username, 'administrator', district);
      as[district] = await t.login(username);
    }
    periods.province = await openPeriod(province, 'huyen', 'Chỉ số CCHC các huyện 2022');
    periods.H1 = await openPeriod(as.H1!, 'xa', 'Chỉ số CCHC các xã huyện Nam Sách 2022');
    periods.H2 = await openPeriod(as.H2!, 'xa', 'Chỉ số CCHC các xã huyện Thanh Hà 2022');
    t.setTime('05/01/2023 09:00');
  }, 60_000);
  afterAll(async () => t.close());

  it('gives a district the province’s mapping for a layout it has not mapped yet', async () => {
    const imported = await importWith(
      province,
      'province',
      'UBND huyện Nam Sách',
      PROVINCE_MAPPING,
    );
    expect(imported.state, JSON.stringify(imported.problems)).toBe('succeeded');
    expect(await preview(province, 'province', 'UBND huyện Nam Sách')).toMatchObject({
      remembered: true,
      mapping: PROVINCE_MAPPING,
    });
    expect(await preview(as.H1!, 'H1', 'UBND xã An Lâm')).toMatchObject({
      remembered: true,
      mapping: PROVINCE_MAPPING,
    });
  });

  it('keeps a district’s own mapping to itself: the province and the sibling keep theirs', async () => {
    const imported = await importWith(as.H1!, 'H1', 'UBND xã An Lâm', DISTRICT_MAPPING);
    expect(imported.state, JSON.stringify(imported.problems)).toBe('succeeded');
    expect(await preview(as.H1!, 'H1', 'UBND xã An Lâm')).toMatchObject({
      remembered: true,
      mapping: DISTRICT_MAPPING,
    });
    expect(await preview(province, 'province', 'UBND huyện Nam Sách')).toMatchObject({
      mapping: PROVINCE_MAPPING,
    });
    expect(await preview(as.H2!, 'H2', 'UBND xã Thanh An')).toMatchObject({
      remembered: true,
      mapping: PROVINCE_MAPPING,
    });
    const figures = await t.request('GET', `/api/periods/${periods.H1}/statistics`, { as: as.H1! });
    expect(figures.body).toMatchObject({
      units: [{ unitId: 'X11', figures: { received: 600, resolved: 596, resolvedLate: 574 } }],
    });
  });

  it('audits the mapping under the district that saved it', async () => {
    const audit = await t.request('GET', `/api/audit?periodId=${periods.H1}`, { as: as.H1! });
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('"entityId":"H1/A=');
  });
});
