import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from './db/schema.js';
import { importAndWait } from './test-support/import-jobs.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
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
  const upload = (rows: (string | null)[][], as = w.sessions.admin!) =>
    importAndWait(t, '/api/users/import', { name: 'tai-khoan.csv', content: toCsv(rows) }, as);
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
    expect(r.upload.status).toBe(202);
    expect(r.job?.state).toBe('succeeded');
    const { created } = r.job?.result as unknown as { created: Created[] };
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
    expect(r.job?.state).toBe('failed');
    const error = r.job?.problems;
    expect(error?.code).toBe('IMPORT_REJECTED');
    expect(error?.details).toEqual([
      'Trang "tai-khoan.csv", dòng 3, trường "Tên đăng nhập": tên đăng nhập "cb.syt" đã có người dùng',
      'Trang "tai-khoan.csv", dòng 4, trường "Mã đơn vị": không có đơn vị mã "XYZ"',
    ]);
    expect(await count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const r = await upload([HEADER, ['x.y', 'Ai đó', 'Người xem', null]], w.sessions['cb.snv']);
    expect(r.upload.status).toBe(403);
  });
});
