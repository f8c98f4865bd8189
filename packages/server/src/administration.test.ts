import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_004_TABLE } from '../../core/src/test-support/seed-004.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { importAndWait } from './test-support/import-jobs.js';
import { seedWorld, type World } from './test-support/world.js';

const errorOf = (body: unknown) =>
  (body as { error: { code: string; message: string; details: string[] } }).error;

async function xlsx(rows: (string | number | null)[][], sheet = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(DATABASE_KINDS)('administration (%s)', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('answers /healthz and serves the OpenAPI document and its docs', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const openapi = (await t.request('GET', '/api/openapi.json')).body as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain(
      '/api/periods/{periodId}/units/{unitId}/entries/{code}',
    );
    expect((await t.request('GET', '/api/docs/')).status).toBe(200);
  });

  it('imports units from Excel, parents first, updating existing ones', async () => {
    const file = await xlsx([
      ['DANH SÁCH ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CCHC'],
      [],
      ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên', 'Nhóm xếp hạng'],
      ['X01', 'UBND xã An Lâm', 'xã', 'H01', null],
      ['H01', 'UBND huyện Nam Sách', 'UBND cấp huyện', null, null],
      ['P01', 'UBND phường Trần Phú', 'phường', null, 'phuong'],
    ]);
    const { upload: queued, job } = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.xlsx', content: file },
      w.sessions.admin!,
    );
    expect(queued.status).toBe(202);
    expect(job).toMatchObject({ state: 'succeeded', result: { created: 2, updated: 1 } });
    const units = (await t.request('GET', '/api/units', { as: w.sessions.admin })).body as {
      units: { id: string; type: string; parentId: string | null; peerGroup: string }[];
    };
    expect(units.units.find((u) => u.id === 'X01')).toMatchObject({
      type: 'xa',
      parentId: 'H01',
      peerGroup: 'xa',
    });
  });

  it('refuses a units file with bad rows whole, naming sheet, row and column', async () => {
    const file = await xlsx([
      ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên'],
      ['X02', 'UBND xã Thanh Quang', 'xã', 'H01'],
      ['X 03', 'UBND xã Quốc Tuấn', 'thôn', 'H99'],
    ]);
    const { job } = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.xlsx', content: file },
      w.sessions.admin!,
    );
    expect(job?.state).toBe('failed');
    expect(job?.problems?.code).toBe('IMPORT_REJECTED');
    expect(job?.problems?.details).toEqual([
      'Trang "Danh sách", dòng 3, cột A (Mã đơn vị): mã "X 03" chỉ được gồm chữ không dấu, số, "-", "_" hoặc "."',
      'Trang "Danh sách", dòng 3, cột C (Loại đơn vị): loại đơn vị "thôn" không rõ (ví dụ: Sở, ban, ngành; UBND cấp huyện; xã; phường)',
      'Trang "Danh sách", dòng 3, trường "Đơn vị cấp trên": đơn vị cấp trên "H99" không có trong bảng hoặc hệ thống',
    ]);
    const units = (await t.request('GET', '/api/units', { as: w.sessions.admin })).body as {
      units: { id: string }[];
    };
    expect(units.units.map((u) => u.id)).not.toContain('X02');
  });

  it('records lineage of merged units', async () => {
    await t.request('PUT', '/api/units/X10', {
      as: w.sessions.admin,
      body: { name: 'UBND xã An Lâm mới', type: 'xa' },
    });
    const r = await t.request('POST', '/api/units/X10/lineage', {
      as: w.sessions.admin,
      body: { from: ['X01', 'P01'], kind: 'merge', effectiveOn: '2025-07-01', primary: 'X01' },
    });
    expect(r.status).toBe(200);
    const units = (await t.request('GET', '/api/units', { as: w.sessions.admin })).body as {
      lineage: { unitId: string; fromUnitId: string; isPrimary: boolean }[];
    };
    expect(units.lineage.filter((l) => l.unitId === 'X10')).toEqual([
      expect.objectContaining({ fromUnitId: 'X01', isPrimary: true, kind: 'merge' }),
      expect.objectContaining({ fromUnitId: 'P01', isPrimary: false }),
    ]);
  });

  it('previews the seed 004 framework from Excel without saving it, then imports it', async () => {
    const file = await xlsx(SEED_004_TABLE as (string | number | null)[][], 'Phụ lục');
    const url =
      '/api/frameworks/import?name=B%E1%BB%99%20ch%E1%BB%89%20s%E1%BB%91%20c%E1%BA%A5p%20huy%E1%BB%87n%202023&year=2023&unitType=huyen';
    const preview = await importAndWait(
      t,
      `${url}&preview=true`,
      { name: 'phu-luc.xlsx', content: file },
      w.sessions.admin!,
    );
    expect(preview.upload.status).toBe(202);
    expect(preview.job).toMatchObject({ kind: 'frameworkPreview', state: 'succeeded' });
    expect(preview.job?.result).toMatchObject({
      nodes: 53,
      leaves: 45,
      maxPoints: '100',
      achieved: { '3': '13.567' },
    });
    const before = (
      (await t.request('GET', '/api/frameworks', { as: w.sessions.admin })).body as unknown[]
    ).length;
    const { job } = await importAndWait(
      t,
      url,
      { name: 'phu-luc.xlsx', content: file },
      w.sessions.admin!,
    );
    expect(job).toMatchObject({ kind: 'framework', state: 'succeeded' });
    expect(job?.result).toMatchObject({ year: 2023, unitType: 'huyen', nodes: 53 });
    const read = await t.request('GET', `/api/frameworks/${String(job?.result?.id)}`, {
      as: w.sessions.admin,
    });
    const framework = read.body as {
      id: string;
      maxPoints: string;
      nodes: { code: string; ruleText: string | null }[];
    };
    expect(framework.maxPoints).toBe('100');
    expect(framework.nodes.find((n) => n.code === '2.3')?.ruleText).toBe(
      'Chấm trực tiếp từ 0 đến 4,5 điểm',
    );
    expect(
      ((await t.request('GET', '/api/frameworks', { as: w.sessions.admin })).body as unknown[])
        .length,
    ).toBe(before + 1);
  });

  it('refuses a bad framework file, naming the row and column, and saves nothing', async () => {
    const rows = SEED_004_TABLE.map((row) =>
      row[0] === '2.3' ? ['2.3', row[1] ?? null, '4,5 điểm', '4,5'] : row,
    ) as (string | number | null)[][];
    const before = (await t.request('GET', '/api/frameworks', { as: w.sessions.admin })).body;
    const { job } = await importAndWait(
      t,
      '/api/frameworks/import?name=X&year=2023&unitType=huyen',
      { name: 'phu-luc.xlsx', content: await xlsx(rows, 'Phụ lục') },
      w.sessions.admin!,
    );
    expect(job).toMatchObject({ state: 'failed', result: null });
    expect(job?.problems?.issues).toEqual([
      expect.objectContaining({ sheet: 'Phụ lục', row: 16, column: 'C' }),
    ]);
    expect(job?.problems?.details).toEqual([
      'Trang "Phụ lục", dòng 16, cột C (Điểm chuẩn): "4,5 điểm" không phải là số',
    ]);
    expect((await t.request('GET', '/api/frameworks', { as: w.sessions.admin })).body).toEqual(
      before,
    );
  });

  it('refuses to change a framework an open period uses, and lets a copy change', async () => {
    let r = await t.request('PATCH', `/api/frameworks/${w.frameworkId}/nodes/1.1`, {
      as: w.sessions.admin,
      body: { guidance: 'Mới' },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body)).toMatchObject({
      code: 'FRAMEWORK_IN_USE',
      message:
        'Bộ chỉ số đang được dùng cho kỳ đánh giá chưa công bố (Chỉ số CCHC năm 2022); hãy sao chép thành bản mới để sửa',
    });
    r = await t.request('POST', `/api/frameworks/${w.frameworkId}/copy`, {
      as: w.sessions.admin,
      body: { year: 2023 },
    });
    expect(r.status).toBe(201);
    const copy = r.body as { id: string; name: string; year: number };
    expect(copy).toMatchObject({ name: 'Bộ chỉ số sở 2023', year: 2023 });
    r = await t.request('PATCH', `/api/frameworks/${copy.id}/nodes/1.3`, {
      as: w.sessions.admin,
      body: {
        rule: { kind: 'perItem', pointsPerItem: '0,5', cap: 2 },
        evidence: ['Quyết định công nhận sáng kiến'],
        guidance: 'Mỗi sáng kiến 0,5 điểm',
      },
    });
    expect(r.status).toBe(200);
    expect(
      (r.body as { nodes: { code: string; ruleText: string }[] }).nodes.find(
        (n) => n.code === '1.3',
      )?.ruleText,
    ).toBe('0,5 điểm mỗi kết quả, tối đa 2 điểm');
    r = await t.request('PATCH', `/api/frameworks/${copy.id}/nodes/1.3`, {
      as: w.sessions.admin,
      body: { rule: { kind: 'ratioBands', bands: [{ minPercent: 90, points: 5 }] } },
    });
    expect(r.status).toBe(422);
    expect(errorOf(r.body).details).toEqual([
      'rule: quy tắc chấm: điểm của mức thứ 1 (5) lớn hơn điểm tối đa 2',
    ]);
  });

  it('refuses a period whose framework does not match the unit type', async () => {
    const r = await t.request('POST', '/api/periods', {
      as: w.sessions.admin,
      body: { name: 'Sai', year: 2023, frameworks: { huyen: w.frameworkId } },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      'frameworks.huyen: bộ chỉ số "Bộ chỉ số sở 2022" dành cho Sở, ban, ngành',
    ]);
  });

  it('speaks Vietnamese in every error', async () => {
    const responses = await Promise.all([
      t.request('GET', '/api/khong-co'),
      t.request('GET', '/api/periods/khong-phai-uuid', { as: w.sessions.admin }),
      t.request('POST', '/api/auth/login', { body: { username: 'a' } }),
      t.request('POST', '/api/auth/login', {
        payload: '{"username":',
        headers: { 'content-type': 'application/json' },
      }),
      t.request('GET', `/api/periods/${w.periodId}/units/KHONG/assessment`, {
        as: w.sessions.admin,
      }),
      t.request('PUT', `/api/periods/${w.periodId}/units/SNV/entries/9.9`, {
        as: w.sessions['cb.snv'],
        body: { version: 0 },
      }),
      t.request('GET', '/api/users', { as: w.sessions.xem }),
      t.request('GET', '/api/users'),
    ]);
    const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
    for (const r of responses) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(errorOf(r.body).message, JSON.stringify(r.body)).toMatch(vietnamese);
    }
  });
});
