import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

interface NodeBody {
  code: string;
  expectedPoints: string | null;
  applicable: boolean;
  atRisk: string | null;
  source: string | null;
  reason: string | null;
  officeId: string | null;
}
interface SnapshotBody {
  id: string;
  version: number;
  total: {
    maxPoints: string;
    expectedPoints: string;
    atRisk: string;
    expectedIndex: string | null;
  };
  areas: { code: string; sentence: string; leaves: { code: string; sentence: string }[] }[];
  nodes: NodeBody[];
}

describe.each(DATABASE_KINDS)('mid-year self-monitoring (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let officer: Session;
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, as: Session, body?: unknown) =>
    t.request(method, `/api${url}`, { as, ...(body === undefined ? {} : { body }) });
  const ok = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    as: Session,
    body?: unknown,
  ) => {
    const r = await call(method, url, as, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const node = (s: SnapshotBody, code: string) => s.nodes.find((n) => n.code === code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    officer = w.sessions['cb.snv']!;
    // SNV has started its self-assessment: 1.2 three of four reports on time (all four are
    // needed for the point), 3.1 not applicable (no dossiers).
    // 3.1 does not apply to a unit that received no dossiers.
    await t.deps.db.execute(
      `UPDATE framework_nodes SET rule = rule || '{"whenZeroDenominator":"notApplicable"}'::jsonb WHERE framework_id = '${w.frameworkId}' AND code = '3.1'`,
    );
    t.setTime('28/12/2022 09:00');
    const unit = `/periods/${w.periodId}/units/SNV/entries`;
    await ok('PUT', `${unit}/1.2`, officer, { facts: { onTime: 3 }, version: 0 });
    await ok('PUT', `${unit}/3.1`, officer, {
      facts: { numerator: 0, denominator: 0 },
      explanation: 'Không có hồ sơ',
      version: 0,
    });
    await t.deps.db.execute(
      `UPDATE framework_nodes SET lead_office = 'Phòng Pháp chế' WHERE framework_id = '${w.frameworkId}' AND code = '1.2'`,
    );
  }, 60_000);
  afterAll(async () => t.close());

  let snapshot: SnapshotBody;

  it("starts from the unit's facts, with the office that leads each leaf", async () => {
    snapshot = await ok<SnapshotBody>('POST', '/units/SNV/monitoring', officer, {
      title: '9 tháng đầu năm',
      asOf: '2022-09-30',
    });
    expect(node(snapshot, '1.2')).toMatchObject({
      expectedPoints: '0',
      atRisk: '1',
      source: 'self',
      reason: 'notDone',
      officeId: w.ids.officeSNV,
    });
    expect(node(snapshot, '3.1')).toMatchObject({ expectedPoints: null, applicable: false });
    // Nothing known elsewhere: full points until the unit says otherwise.
    expect(node(snapshot, '1.1')).toMatchObject({ expectedPoints: '1', source: 'assumed' });
    // Max 10 − 1 (3.1 does not apply) = 9; 1 at risk (1.2).
    expect(snapshot.total).toMatchObject({
      maxPoints: '9',
      expectedPoints: '8',
      atRisk: '1',
    });
    expect(snapshot.total.expectedIndex).toBe('88.888889');
  });

  it("writes seed 000's sentences as the unit corrects its expectations", async () => {
    snapshot = await ok<SnapshotBody>(
      'PUT',
      `/units/SNV/monitoring/${snapshot.id}/rows/1.3`,
      officer,
      {
        expectedPoints: '1',
        reason: 'yearEnd',
        reasonText: 'sáng kiến thứ hai chờ công nhận tháng 12',
        officeId: w.ids.officeSNV,
        version: snapshot.version,
      },
    );
    const area = snapshot.areas.find((a) => a.code === '1');
    expect(area?.sentence).toBe(
      'Lĩnh vực 1. Công tác chỉ đạo, điều hành CCHC: điểm tự chấm đạt 2/4 điểm; 02 điểm chưa đạt, cụ thể như sau:',
    );
    expect(area?.leaves.map((l) => l.sentence)).toEqual([
      '+ 01 điểm Mục 1.2 Báo cáo CCHC định kỳ, lý do: chưa thực hiện (Phòng Pháp chế).',
      '+ 01 điểm Mục 1.3 Sáng kiến CCHC được công nhận, lý do: chỉ đánh giá được cuối năm: sáng kiến thứ hai chờ công nhận tháng 12 (Phòng Pháp chế).',
    ]);
    const audited = await t.deps.db
      .select({ code: auditLog.code })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'monitoring.row.update'), eq(auditLog.entityId, snapshot.id)));
    expect(audited).toEqual([{ code: '1.3' }]);
  });

  it('refuses a stale version, points above the max and a loss without a reason', async () => {
    const path = `/units/SNV/monitoring/${snapshot.id}/rows/1.1`;
    const stale = await call('PUT', path, officer, {
      expectedPoints: '0,5',
      reason: 'late',
      reasonText: null,
      officeId: null,
      version: snapshot.version - 1,
    });
    expect(stale.status).toBe(409);
    const bad = await call('PUT', path, officer, {
      expectedPoints: '1,5',
      reason: null,
      reasonText: null,
      officeId: null,
      version: snapshot.version,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('điểm dự kiến phải từ 0 đến 1');
    const noReason = await call('PUT', path, officer, {
      expectedPoints: '0,5',
      reason: null,
      reasonText: null,
      officeId: null,
      version: snapshot.version,
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('hãy chọn lý do dự kiến mất điểm');
  });

  it('keeps several snapshots a year and shows the province the latest of each unit', async () => {
    await ok('POST', '/units/SNV/monitoring', officer, {
      title: '6 tháng đầu năm',
      asOf: '2022-06-30',
    });
    const list = await ok<{ snapshots: { title: string }[] }>(
      'GET',
      '/units/SNV/monitoring',
      officer,
    );
    expect(list.snapshots.map((s) => s.title)).toEqual(['9 tháng đầu năm', '6 tháng đầu năm']);
    const overview = await ok<{
      units: {
        unitId: string;
        snapshot: {
          title: string;
          atRisk: string;
          areas: { code: string; atRisk: string }[];
        } | null;
      }[];
    }>('GET', '/monitoring/overview?year=2022', w.sessions.admin!);
    const snv = overview.units.find((u) => u.unitId === 'SNV');
    expect(snv?.snapshot).toMatchObject({ title: '9 tháng đầu năm', atRisk: '2' });
    expect(snv?.snapshot?.areas.find((a) => a.code === '1')?.atRisk).toBe('2');
    expect(overview.units.find((u) => u.unitId === 'SYT')?.snapshot).toBeNull();
  });

  it('keeps it within the unit and the province', async () => {
    const other = w.sessions['cb.syt']!;
    expect((await call('GET', `/units/SNV/monitoring/${snapshot.id}`, other)).status).toBe(403);
    expect((await call('GET', `/units/SYT/monitoring/${snapshot.id}`, other)).status).toBe(404);
    expect((await call('GET', '/monitoring/overview?year=2022', officer)).status).toBe(403);
    const staff = w.sessions['cb.phong']!;
    expect((await call('GET', `/units/SNV/monitoring/${snapshot.id}`, staff)).status).toBe(200);
    expect(
      (await call('POST', '/units/SNV/monitoring', staff, { title: 'Thử', asOf: '2022-10-01' }))
        .status,
    ).toBe(403);
  });

  it('exports the appendix and the table as a workbook', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/units/SNV/monitoring/${snapshot.id}/workbook.xlsx`,
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const appendix = book.getWorksheet('Phụ lục');
    const texts = (appendix?.getColumn(1).values ?? []).filter(Boolean).map(String);
    expect(texts).toContain(
      '+ 01 điểm Mục 1.2 Báo cáo CCHC định kỳ, lý do: chưa thực hiện (Phòng Pháp chế).',
    );
    const detail = book.getWorksheet('Chi tiết');
    const row31 = detail?.getRows(1, 20)?.find((row) => row.getCell(1).value === '3.1');
    expect(row31?.getCell(4).value).toBe('Không áp dụng');
  });

  it('writes the report as a Word document in the Nghị định 30 layout', async () => {
    t.setTime('05/10/2022 09:00');
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/units/SNV/monitoring/${snapshot.id}/document.docx?place=H%C3%B2a%20An`,
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hòa An, ngày 05 tháng 10 năm 2022',
      'Kết quả tự theo dõi, đánh giá Chỉ số cải cách hành chính 9 tháng đầu năm năm 2022',
      'dự kiến đạt 7/9 điểm (77,78%); 2 điểm có nguy cơ bị mất',
      'Những nội dung tiêu chí, tiêu chí thành phần dự kiến bị mất điểm',
      '+ 01 điểm Mục 1.2 Báo cáo CCHC định kỳ, lý do: chưa thực hiện (Phòng Pháp chế).',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Times New Roman');
  });
});
