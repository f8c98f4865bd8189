import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, WINDOWS, type World } from './test-support/world.js';

interface ErrorBody {
  error: { code: string; message: string; details: string[] };
}

/** Opening a period: which units take part, and windows that are already past. */
describe.each(DATABASE_KINDS)('opening a period (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const open = (body: Record<string, unknown>) =>
    t.request('POST', '/api/periods', {
      as: w.sessions.admin,
      body: {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { so: w.frameworkId },
        ...body,
      },
    });
  const unitsOf = async (periodId: string) => {
    const r = await t.request('GET', `/api/periods/${periodId}`, { as: w.sessions.admin });
    return (r.body as { units: { unitId: string }[] }).units.map((u) => u.unitId).sort();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    // Sở Công nghiệp was merged away at the end of 2022; Sở Công Thương exists from 2023.
    for (const [id, name, dates] of [
      ['SCN', 'Sở Công nghiệp', { activeTo: '2022-12-31' }],
      ['SCT', 'Sở Công Thương', { activeFrom: '2023-01-01' }],
    ] as const) {
      const r = await t.request('PUT', `/api/units/${id}`, {
        as: w.sessions.admin,
        body: { name, type: 'so', ...dates },
      });
      expect(r.status).toBeLessThan(300);
    }
  }, 60_000);
  afterAll(async () => t.close());

  it('takes by default every unit of the chosen types active in the year', async () => {
    const r = await open({});
    expect(r.status).toBe(201);
    expect(await unitsOf((r.body as { id: string }).id)).toEqual(['SCT', 'SNV', 'SYT']);
  });

  it('takes the units the administrator chose, and only those', async () => {
    const r = await open({ unitIds: ['SNV', 'SCT', 'SNV'] });
    expect(r.status).toBe(201);
    expect(await unitsOf((r.body as { id: string }).id)).toEqual(['SCT', 'SNV']);
  });

  it("lists to a unit's people only the periods their unit takes part in", async () => {
    const r = await open({ name: 'Chỉ số CCHC năm 2023 (Sở Nội vụ)', unitIds: ['SNV'] });
    expect(r.status).toBe(201);
    const id = (r.body as { id: string }).id;
    const listed = async (session: string) => {
      const list = await t.request('GET', '/api/periods', { as: w.sessions[session] });
      expect(list.status).toBe(200);
      return (list.body as { id: string }[]).map((p) => p.id);
    };
    // The department's officer, head and office staff; the world's period has both departments.
    for (const session of ['cb.snv', 'tt.snv', 'cb.phong']) {
      expect(await listed(session)).toEqual(expect.arrayContaining([id, w.periodId]));
    }
    expect(await listed('cb.syt')).toContain(w.periodId);
    expect(await listed('cb.syt')).not.toContain(id);
    expect(await listed('admin')).toContain(id);
  });

  it('refuses no unit, an unknown one, one of a type without a framework, one not active that year', async () => {
    let r = await open({ unitIds: [] });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.details).toEqual([
      'unitIds: chưa có đơn vị nào tham gia: chọn ít nhất một đơn vị của loại đã có bộ chỉ số',
    ]);
    r = await open({ unitIds: ['SNV', 'KHONG', 'H01', 'SCN'] });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.details).toEqual([
      'unitIds: không có đơn vị mã "KHONG"',
      'unitIds: chưa chọn bộ chỉ số cho loại đơn vị "UBND cấp huyện" của UBND huyện Nam Sách',
      'unitIds: Sở Công nghiệp không hoạt động trong năm 2023',
    ]);
  });

  it('accepts windows already past, says so in the answer, and audits the warning', async () => {
    t.setTime('12/01/2023 09:00');
    const r = await open({ windows: WINDOWS });
    expect(r.status).toBe(201);
    const body = r.body as { id: string; warnings: string[] };
    expect(body.warnings).toEqual([
      'Bước "Tự đánh giá, tải tài liệu kiểm chứng" đã kết thúc lúc 10/01/2023 24:00: không ai làm được bước này nếu không được gia hạn',
    ]);
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit?.after).toMatchObject({ warnings: body.warnings });
    t.setTime('05/01/2023 09:00');
    const later = await open({ windows: WINDOWS });
    expect((later.body as { warnings: string[] }).warnings).toEqual([]);
  });
});
