import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castOf,
  importFramework,
  ok,
  runUntouched,
  SXD_CSV,
  SXD_SELF,
  type Cast,
} from './test-support/cycle.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

interface ResultsBody {
  published: boolean;
  publication: {
    version: number;
    superseded: boolean;
    decisionNumber: string;
    reason: string | null;
  };
  publications: { version: number; superseded: boolean }[];
  groups: {
    results: { units: { id: string; points: number; percent: number; band: string | null }[] };
    details: Record<
      string,
      {
        code: string;
        self: { points: number | null };
        differs: boolean;
        appraisal: { comment: string | null } | null;
      }[]
    > | null;
  }[];
}

describe.each(DATABASE_KINDS)('errata for published results (%s)', (kind) => {
  let t: TestApp;
  let cast: Cast;
  let periodId: string;
  const correction = (code: string) =>
    `/api/periods/${periodId}/units/SXD/entries/${code}/correction`;
  const versionOf = async (code: string) => {
    const a = await ok(t, 'GET', `/api/periods/${periodId}/units/SXD/assessment`, {
      as: cast.admin,
    });
    return (
      (a.entries as { code: string; version: number }[]).find((e) => e.code === code)?.version ?? 0
    );
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, ['SXD', 'SGT'], { SXD: 'Sở Xây dựng', SGT: 'Sở Giao thông vận tải' });
    const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
    ({ periodId } = await runUntouched(t, cast, frameworkId, 'Chỉ số CCHC năm 2022', {
      SXD: SXD_SELF,
      SGT: { '1.1': { points: '44' }, '6.1': { points: '46' }, '6.2': { passed: true } },
    }));
  }, 120_000);
  afterAll(async () => t.close());

  it('lets only the administrator correct a published leaf, with a reason, and audits it', async () => {
    t.setTime('10/03/2023 09:00');
    // A month later: the sessions of the cycle have expired.
    cast.admin = await t.login('admin');
    cast.council = await t.login('hd');
    let r = await t.request('PUT', correction('6.1'), {
      as: cast.council,
      body: {
        points: '40',
        reason: 'Thiếu quyết định giao dự toán',
        version: await versionOf('6.1'),
      },
    });
    expect(r.status).toBe(403);
    r = await t.request('PUT', correction('6.1'), {
      as: cast.admin,
      body: { points: '40', reason: '  ', version: await versionOf('6.1') },
    });
    expect(r.status).toBe(400);
    r = await t.request('PUT', correction('6.1'), {
      as: cast.admin,
      body: {
        points: '40',
        reason: 'Thiếu quyết định giao dự toán',
        version: await versionOf('6.1'),
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ appraisalKind: 'points', appraisedPoints: '40.000000' });
    const audit = await ok(t, 'GET', `/api/audit?entityType=entry&entityId=${periodId}/SXD/6.1`, {
      as: cast.admin,
    });
    expect((audit as unknown as { entries: unknown[] }).entries[0]).toMatchObject({
      action: 'entry.correct',
      after: { appraisedPoints: '40.000000', reason: 'Thiếu quyết định giao dự toán' },
    });
  });

  it('keeps the publication in force until the erratum is issued, and previews what it changes', async () => {
    const results = (await ok(
      t,
      'GET',
      `/api/periods/${periodId}/results`,
      {},
    )) as unknown as ResultsBody;
    expect(results.publication).toMatchObject({
      version: 1,
      superseded: false,
      decisionNumber: '15/QĐ-HĐ',
    });
    expect(results.groups[0]?.results.units.find((u) => u.id === 'SXD')).toMatchObject({
      points: 90.91,
    });
    const preview = await ok(t, 'GET', `/api/periods/${periodId}/errata/preview`, {
      as: cast.admin,
    });
    // In the new ranking's order: SGT moves up only because SXD moved down.
    expect(preview.changes).toHaveLength(2);
    expect(preview.changes).toMatchObject([
      { unitId: 'SGT', before: { rank: 2 }, after: { rank: 1 }, leaves: [] },
      {
        unitId: 'SXD',
        before: { points: 90.91, rank: 1, band: 'Từ 90% trở lên' },
        after: { points: 85.5, rank: 2, band: 'Từ 80% đến dưới 90%' },
        leaves: [
          {
            code: '6.1',
            before: { status: 'scored', points: 45.41 },
            after: { status: 'scored', points: 40 },
          },
        ],
      },
    ]);
    expect(preview.corrections).toMatchObject([
      {
        unitId: 'SXD',
        unitName: 'Sở Xây dựng',
        repair: false,
        code: '6.1',
        reason: 'Thiếu quyết định giao dự toán',
      },
    ]);
    const forbidden = await t.request('GET', `/api/periods/${periodId}/errata/preview`, {
      as: cast.council,
    });
    expect(forbidden.status).toBe(403);
  });

  it('issues a corrected publication with its own decision; the old one stays readable, superseded', async () => {
    const preview = await ok(t, 'GET', `/api/periods/${periodId}/errata/preview`, {
      as: cast.admin,
    });
    const changesFingerprint = String(preview.fingerprint);
    const erratum = {
      decisionNumber: '20/QĐ-HĐ',
      decisionDate: '10/03/2023',
      reason: 'Đính chính điểm 6.1 của Sở Xây dựng',
      changesFingerprint,
    };
    let r = await t.request('POST', `/api/periods/${periodId}/errata`, {
      as: cast.admin,
      body: { ...erratum, decisionDate: '01/01/2023' },
    });
    expect(r.status).toBe(400);
    // What was previewed is what gets published: a preview older than the data is refused.
    r = await t.request('POST', `/api/periods/${periodId}/errata`, {
      as: cast.admin,
      body: { ...erratum, changesFingerprint: 'ban-xem-truoc-cu' },
    });
    expect(r.status).toBe(409);
    r = await t.request('POST', `/api/periods/${periodId}/errata`, {
      as: cast.admin,
      body: erratum,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ version: 2, changedUnits: 2 });

    const current = (await ok(
      t,
      'GET',
      `/api/periods/${periodId}/results`,
      {},
    )) as unknown as ResultsBody;
    expect(current.publication).toMatchObject({
      version: 2,
      superseded: false,
      reason: 'Đính chính điểm 6.1 của Sở Xây dựng',
    });
    expect(current.publications.map((p) => [p.version, p.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    const sxd = current.groups[0]?.results.units.find((u) => u.id === 'SXD');
    expect(sxd).toMatchObject({ points: 85.5, percent: 88.14433 });
    const story = current.groups[0]?.details?.SXD?.find((s) => s.code === '6.1');
    expect(story).toMatchObject({
      self: { points: 45.41 },
      differs: true,
      appraisal: { comment: 'Thiếu quyết định giao dự toán' },
    });

    const old = (await ok(
      t,
      'GET',
      `/api/periods/${periodId}/results?version=1`,
      {},
    )) as unknown as ResultsBody;
    expect(old.publication).toMatchObject({ version: 1, superseded: true });
    expect(old.groups[0]?.results.units.find((u) => u.id === 'SXD')).toMatchObject({
      points: 90.91,
    });

    const workbook = new ExcelJS.Workbook();
    const file = await t.request('GET', `/api/periods/${periodId}/results.xlsx?version=1`, {});
    await workbook.xlsx.load(file.raw as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Xếp hạng')?.getCell('A2').text).toMatch(
      /^BẢN ĐÃ ĐƯỢC ĐÍNH CHÍNH/,
    );

    const audit = await ok(t, 'GET', `/api/audit?entityType=period&entityId=${periodId}`, {
      as: cast.admin,
    });
    expect((audit as unknown as { entries: unknown[] }).entries[0]).toMatchObject({
      action: 'period.erratum',
      before: { version: 1, decisionNumber: '15/QĐ-HĐ' },
      after: { version: 2, decisionNumber: '20/QĐ-HĐ', changedUnits: ['SGT', 'SXD'] },
    });
  });

  it('refuses an erratum that changes nothing', async () => {
    const r = await t.request('POST', `/api/periods/${periodId}/errata`, {
      as: cast.admin,
      body: {
        decisionNumber: '21/QĐ-HĐ',
        decisionDate: '11/03/2023',
        reason: 'Thử lại',
        changesFingerprint: 'khong-co-gi',
      },
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      error: {
        message:
          'Tính lại kết quả không khác bản đang có hiệu lực (quyết định số 20/QĐ-HĐ): không có gì để đính chính',
      },
    });
  });

  it("compares next year's results with the corrected publication", async () => {
    t.setTime('26/12/2023 09:00');
    cast.admin = await t.login('admin');
    const frameworks = await ok(t, 'GET', '/api/frameworks', { as: cast.admin });
    const frameworkId = String((frameworks as unknown as { id: string }[])[0]?.id);
    const next = await ok(t, 'POST', '/api/periods', {
      as: cast.admin,
      body: {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { so: frameworkId },
        windows: {
          selfAssessment: { opensAt: '25/12/2023 00:00', closesAt: '10/01/2024 24:00' },
        },
      },
    });
    const preview = (await ok(t, 'GET', `/api/periods/${String(next.id)}/results`, {
      as: cast.admin,
    })) as unknown as {
      groups: {
        results: {
          units: { id: string; previousPercent: number | null; previousRank: number | null }[];
        };
      }[];
    };
    expect(preview.groups[0]?.results.units.find((u) => u.id === 'SXD')).toMatchObject({
      previousPercent: 88.14433,
      previousRank: 2,
    });
  });
});
