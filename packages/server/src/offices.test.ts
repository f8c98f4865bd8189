import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

interface OfficeBody {
  id: string;
  name: string;
  active: boolean;
  position: number;
}
interface NodeBody {
  code: string;
  defaultLead: string | null;
  lead: { id: string; name: string } | null;
  supporting: { id: string; name: string }[];
  source: string;
  unmatched: string[];
}
interface ResponsibilitiesBody {
  framework: { id: string; year: number } | null;
  nodes: NodeBody[];
}

describe.each(DATABASE_KINDS)("a unit's offices and who answers for what (%s)", (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Session;
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

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    admin = w.sessions.admin!;
    officer = w.sessions['cb.snv']!;
  }, 60_000);
  afterAll(async () => t.close());

  let tuPhap: OfficeBody;
  let vanPhong: OfficeBody;

  it('lets the unit keep its offices, in order, refusing a name it already has', async () => {
    tuPhap = await ok<OfficeBody>('POST', '/units/SNV/offices', officer, { name: 'Phòng Tư pháp' });
    vanPhong = await ok<OfficeBody>('POST', '/units/SNV/offices', officer, {
      name: 'Văn phòng Sở',
    });
    // The test world's SNV already has its Phòng Pháp chế, first.
    expect([tuPhap.position, vanPhong.position]).toEqual([1, 2]);
    const twin = await call('POST', '/units/SNV/offices', officer, { name: 'phong tu phap' });
    expect(twin.status).toBe(409);
    expect(JSON.stringify(twin.body)).toContain('trùng với \\"Phòng Tư pháp\\"');
    const listed = await ok<{ offices: OfficeBody[] }>('GET', '/units/SNV/offices', officer);
    expect(listed.offices.map((o) => o.name)).toEqual([
      'Phòng Pháp chế',
      'Phòng Tư pháp',
      'Văn phòng Sở',
    ]);
  });

  it("keeps another unit's offices out of reach", async () => {
    const other = w.sessions['cb.syt']!;
    expect((await call('GET', '/units/SNV/offices', other)).status).toBe(403);
    expect((await call('POST', '/units/SNV/offices', other, { name: 'Phòng X' })).status).toBe(403);
    expect(
      (await call('PUT', `/units/SNV/offices/${tuPhap.id}`, other, { name: 'Phòng Y' })).status,
    ).toBe(403);
    // An office of SNV cannot be changed through SYT's address either.
    const across = await call('PUT', `/units/SYT/offices/${tuPhap.id}`, other, { active: false });
    expect(across.status).toBe(404);
  });

  it("resolves the framework's default by name, and lets the unit choose otherwise", async () => {
    await t.deps.db.execute(
      `UPDATE framework_nodes SET lead_office = 'P. Tư pháp', supporting_offices = '["Văn phòng Sở","Phòng Kinh tế"]'::jsonb WHERE framework_id = '${w.frameworkId}' AND code = '1.1'`,
    );
    const before = await ok<ResponsibilitiesBody>('GET', '/units/SNV/responsibilities', officer);
    expect(before.framework?.id).toBe(w.frameworkId);
    const node = before.nodes.find((n) => n.code === '1.1');
    expect(node).toMatchObject({
      defaultLead: 'P. Tư pháp',
      lead: { id: tuPhap.id, name: 'Phòng Tư pháp' },
      supporting: [{ id: vanPhong.id, name: 'Văn phòng Sở' }],
      source: 'framework',
      unmatched: ['Phòng Kinh tế'],
    });
    await ok('PUT', `/units/SNV/responsibilities/${w.frameworkId}/1.1`, officer, {
      leadOfficeId: vanPhong.id,
      supportingOfficeIds: [tuPhap.id, vanPhong.id],
    });
    const after = await ok<ResponsibilitiesBody>('GET', '/units/SNV/responsibilities', officer);
    expect(after.nodes.find((n) => n.code === '1.1')).toMatchObject({
      lead: { id: vanPhong.id },
      supporting: [{ id: tuPhap.id }],
      source: 'unit',
    });
    const audited = await t.deps.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'office.responsibility'), eq(auditLog.unitId, 'SNV')));
    expect(audited).toHaveLength(1);
  });

  it('refuses an office of another unit and one that stopped, naming the field', async () => {
    const theirs = await ok<OfficeBody>('POST', '/units/SYT/offices', admin, {
      name: 'Phòng Tư pháp',
    });
    const r = await call('PUT', `/units/SNV/responsibilities/${w.frameworkId}/1.1`, officer, {
      leadOfficeId: null,
      supportingOfficeIds: [theirs.id],
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('supportingOfficeIds.0');
    await ok('PUT', `/units/SNV/offices/${vanPhong.id}`, officer, { active: false });
    const resolved = await ok<ResponsibilitiesBody>('GET', '/units/SNV/responsibilities', officer);
    // The unit's choice named an office that stopped: nobody leads until the unit chooses again.
    expect(resolved.nodes.find((n) => n.code === '1.1')).toMatchObject({
      lead: null,
      source: 'unit',
    });
    await ok('PUT', `/units/SNV/offices/${vanPhong.id}`, officer, { active: true });
  });

  it("goes back to the framework's default when asked", async () => {
    await ok('PUT', `/units/SNV/responsibilities/${w.frameworkId}/1.1`, officer, {
      leadOfficeId: null,
      supportingOfficeIds: [],
      useDefault: true,
    });
    const resolved = await ok<ResponsibilitiesBody>('GET', '/units/SNV/responsibilities', officer);
    expect(resolved.nodes.find((n) => n.code === '1.1')).toMatchObject({
      lead: { id: tuPhap.id },
      source: 'framework',
    });
  });

  it('gives an office its staff, who sign in inside their unit and office', async () => {
    const created = await ok<{ id: string; officeId: string | null; unitId: string }>(
      'POST',
      '/users',
      admin,
      {
        username: 'cb.tuphap',
        fullName: 'Cán bộ Phòng Tư pháp',
        password: 'mat-khau-dai-du',
        role: 'officeStaff',
        unitId: 'SNV',
        officeId: tuPhap.id,
      },
    );
    expect(created).toMatchObject({ unitId: 'SNV', officeId: tuPhap.id });
    const missing = await call('POST', '/users', admin, {
      username: 'cb.thieu',
      fullName: 'Thiếu phòng',
      password: 'mat-khau-dai-du',
      role: 'officeStaff',
      unitId: 'SNV',
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('officeId');
    const wrongUnit = await call('POST', '/users', admin, {
      username: 'cb.sai',
      fullName: 'Sai đơn vị',
      password: 'mat-khau-dai-du',
      role: 'officeStaff',
      unitId: 'SYT',
      officeId: tuPhap.id,
    });
    expect(wrongUnit.status).toBe(400);
    const staff = await t.login('cb.tuphap', 'mat-khau-dai-du');
    expect((await call('GET', '/units/SNV/offices', staff)).status).toBe(200);
    expect((await call('POST', '/units/SNV/offices', staff, { name: 'Phòng Z' })).status).toBe(403);
    expect((await call('GET', '/units/SYT/offices', staff)).status).toBe(403);
  });

  it('takes the lead and supporting offices from the framework table when the columns are there', async () => {
    const csv = toCsv([
      ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
      ['1', 'Công tác chỉ đạo, điều hành CCHC', '2', null, null],
      ['1.1', 'Ban hành kế hoạch CCHC năm', '1', 'Phòng Tư pháp', 'Văn phòng Sở; Phòng Pháp chế'],
      ['1.2', 'Báo cáo CCHC định kỳ', '1', null, null],
    ]);
    const { id } = await imported<{ id: string }>(
      t,
      '/api/frameworks/import?name=B%E1%BB%99%202030&year=2030&unitType=so',
      { name: 'bo-chi-so-2030.csv', content: csv },
      admin,
    );
    const resolved = await ok<ResponsibilitiesBody>(
      'GET',
      `/units/SNV/responsibilities?frameworkId=${id}`,
      officer,
    );
    expect(resolved.nodes.find((n) => n.code === '1.1')).toMatchObject({
      defaultLead: 'Phòng Tư pháp',
      lead: { id: tuPhap.id },
      supporting: [{ name: 'Văn phòng Sở' }, { name: 'Phòng Pháp chế' }],
      source: 'framework',
    });
    expect(resolved.nodes.find((n) => n.code === '1.2')).toMatchObject({ source: 'none' });
  });

  it("carries defaults and the unit's choices to next year's copy", async () => {
    await ok('PUT', `/units/SNV/responsibilities/${w.frameworkId}/1.1`, officer, {
      leadOfficeId: vanPhong.id,
      supportingOfficeIds: [],
    });
    const copy = await ok<{ id: string }>('POST', `/frameworks/${w.frameworkId}/copy`, admin, {
      year: 2023,
    });
    const resolved = await ok<ResponsibilitiesBody>(
      'GET',
      `/units/SNV/responsibilities?frameworkId=${copy.id}`,
      officer,
    );
    expect(resolved.framework).toMatchObject({ id: copy.id, year: 2023 });
    expect(resolved.nodes.find((n) => n.code === '1.1')).toMatchObject({
      defaultLead: 'P. Tư pháp',
      lead: { id: vanPhong.id },
      source: 'unit',
    });
  });
});
