import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from './db/schema.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

const HEADER = ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị'];

interface Created {
  username: string;
  role: string;
  unitId: string | null;
  initialPassword: string;
}

describe.each(DATABASE_KINDS)('importing accounts from a spreadsheet (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const upload = (rows: (string | null)[][], as = w.sessions.admin) => {
    const file = multipart('tai-khoan.csv', toCsv(rows));
    return t.request('POST', '/api/users/import', {
      as,
      payload: file.payload,
      headers: file.headers,
    });
  };
  const count = async () => (await t.deps.db.select({ id: users.id }).from(users)).length;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('creates every account with a first password that signs in, and audits each', async () => {
    const r = await upload([
      HEADER,
      ['cb2.snv', 'Nguyễn Văn Minh', 'Cán bộ đầu mối', 'SNV'],
      ['td3', 'Hoàng Thị Thu', 'Thẩm định', null],
    ]);
    expect(r.status).toBe(201);
    const { created } = r.body as { created: Created[] };
    expect(created.map((c) => [c.username, c.role, c.unitId])).toEqual([
      ['cb2.snv', 'unitOfficer', 'SNV'],
      ['td3', 'appraiser', null],
    ]);
    for (const account of created) {
      expect(account.initialPassword).toMatch(/^[a-km-np-z2-9]{12}$/);
      const session = await t.request('POST', '/api/auth/login', {
        body: { username: account.username, password: account.initialPassword },
      });
      expect(session.status).toBe(200);
    }
    const audited = await t.deps.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityType, 'user')))
      .orderBy(asc(auditLog.id));
    const sources = audited.map((a) => a.after as { username: string; source?: string });
    expect(sources.filter((a) => a.source === 'import').map((a) => a.username)).toEqual([
      'cb2.snv',
      'td3',
    ]);
    // The password is handed out once: never stored or audited in clear.
    expect(JSON.stringify(audited)).not.toContain(created[0]!.initialPassword);
  });

  it('creates nothing when one row is wrong, and names the row', async () => {
    const before = await count();
    const r = await upload([
      HEADER,
      ['cb3.snv', 'Lê Văn An', 'Cán bộ đầu mối', 'SNV'],
      ['cb.syt', 'Trùng tên', 'Thủ trưởng', 'SYT'],
      ['cb.xyz', 'Không có đơn vị', 'Cán bộ đầu mối', 'XYZ'],
    ]);
    expect(r.status).toBe(422);
    const error = (r.body as { error: { code: string; details: string[] } }).error;
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.details).toEqual([
      'Trang "tai-khoan.csv", dòng 3, trường "Tên đăng nhập": tên đăng nhập "cb.syt" đã có người dùng',
      'Trang "tai-khoan.csv", dòng 4, trường "Mã đơn vị": không có đơn vị mã "XYZ"',
    ]);
    expect(await count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const r = await upload([HEADER, ['x.y', 'Ai đó', 'Người xem', null]], w.sessions['cb.snv']);
    expect(r.status).toBe(403);
  });
});
