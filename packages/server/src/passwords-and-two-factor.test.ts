import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from './db/schema.js';
import { totpCode } from './security/totp.js';
import {
  DATABASE_KINDS,
  startTestApp,
  TEST_PASSWORD,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';
import { importAndWait } from './test-support/import-jobs.js';

const errorOf = (body: unknown) =>
  (body as { error: { code: string; message: string; details: string[] } }).error;
const COMMON =
  'mật khẩu này phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu; hãy chọn mật khẩu khác';

describe.each(DATABASE_KINDS)('passwords and two-factor sign-in (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const raw = (username: string, password: string) =>
    t.request('POST', '/api/auth/login', { body: { username, password } });
  /** A pending or signed-in browser from a login answer. */
  const browser = (r: Awaited<ReturnType<typeof raw>>, username: string): Session => {
    const cookie = String(r.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    return { username, userId: '', cookie, csrf: (r.body as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses a weak password when an administrator creates or resets an account', async () => {
    let r = await t.request('POST', '/api/users', {
      as: w.sessions.admin,
      body: {
        username: 'cb.moi',
        fullName: 'Lê Thị Mới',
        password: 'matkhau@2025',
        role: 'viewer',
      },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([`password: ${COMMON}`]);
    r = await t.request('POST', '/api/users', {
      as: w.sessions.admin,
      body: {
        username: 'cb.moi',
        fullName: 'Lê Thị Mới',
        password: 'cb.moi-2025-hoa',
        role: 'viewer',
      },
    });
    expect(errorOf(r.body).details).toEqual(['password: mật khẩu không được chứa tên đăng nhập']);
    r = await t.request('POST', '/api/users', {
      as: w.sessions.admin,
      body: {
        username: 'cb.moi',
        fullName: 'Lê Thị Mới',
        password: 'hoa sữa cuối thu',
        role: 'viewer',
      },
    });
    expect(r.status).toBe(201);
    // Created with its owner there: signs straight in (only a reset or an import must change).
    expect((await raw('cb.moi', 'hoa sữa cuối thu')).body).toMatchObject({
      user: { mustChangePassword: false },
    });
    r = await t.request('PATCH', `/api/users/${w.ids.xem}`, {
      as: w.sessions.admin,
      body: { password: 'qwertyuiop' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([`password: ${COMMON}`]);
  });

  it('makes the owner of a password an administrator set change it before anything else', async () => {
    const id = await t.createAccount('cb.doi', 'unitOfficer', 'SNV');
    let r = await t.request('PATCH', `/api/users/${id}`, {
      as: w.sessions.admin,
      body: { password: 'tạm thời một tuần' },
    });
    expect(r.status).toBe(200);
    r = await raw('cb.doi', 'tạm thời một tuần');
    expect(r.body).toMatchObject({ user: { username: 'cb.doi', mustChangePassword: true } });
    const session = browser(r, 'cb.doi');
    const refused = await t.request('GET', `/api/periods/${w.periodId}`, { as: session });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).message).toBe(
      'Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu (mục "Đổi mật khẩu") trước khi làm việc khác',
    );
    expect((await t.request('GET', '/api/auth/me', { as: session })).status).toBe(200);
    r = await t.request('POST', '/api/auth/password', {
      as: session,
      body: { currentPassword: 'tạm thời một tuần', newPassword: 'tạm thời một tuần' },
    });
    expect(errorOf(r.body).details).toEqual([
      'newPassword: mật khẩu mới phải khác mật khẩu hiện tại',
    ]);
    r = await t.request('POST', '/api/auth/password', {
      as: session,
      body: { currentPassword: 'tạm thời một tuần', newPassword: 'hoa phượng đỏ sân trường' },
    });
    expect(r.status).toBe(200);
    expect((await t.request('GET', `/api/periods/${w.periodId}`, { as: session })).status).toBe(
      200,
    );
    r = await t.request('GET', '/api/auth/session', { as: session });
    expect(r.body).toMatchObject({ user: { mustChangePassword: false } });
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, id));
    expect(row?.passwordChangedAt?.toISOString()).toBe(t.deps.clock().toISOString());
  });

  it('refuses a weak first password in an accounts table, naming its row and column', async () => {
    const header = ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Mật khẩu'];
    // The accounts import runs as a job (decision 0034): its problems come with the finished job.
    const upload = async (rows: (string | null)[][]) =>
      (
        await importAndWait(
          t,
          '/api/users/import',
          { name: 'tai-khoan.csv', content: toCsv(rows) },
          w.sessions.admin!,
        )
      ).job;
    let job = await upload([
      header,
      ['cb3.snv', 'Nguyễn Văn Ba', 'Cán bộ đầu mối', 'SNV', 'một hai ba bốn năm'],
      ['cb4.snv', 'Nguyễn Văn Bốn', 'Cán bộ đầu mối', 'SNV', '1234567890'],
      ['cb5.snv', 'Nguyễn Văn Năm', 'Cán bộ đầu mối', 'SNV', 'ngắn'],
    ]);
    expect(job?.state).toBe('failed');
    expect(job?.problems?.details).toEqual([
      `Trang "tai-khoan.csv", dòng 3, cột E (Mật khẩu): ${COMMON}`,
      'Trang "tai-khoan.csv", dòng 4, cột E (Mật khẩu): mật khẩu cần ít nhất 10 ký tự (mới có 4)',
    ]);
    expect(JSON.stringify(job)).not.toContain('1234567890');
    job = await upload([
      header,
      ['cb3.snv', 'Nguyễn Văn Ba', 'Cán bộ đầu mối', 'SNV', 'một hai ba bốn năm'],
      ['cb4.snv', 'Nguyễn Văn Bốn', 'Cán bộ đầu mối', 'SNV', null],
    ]);
    expect(job?.state).toBe('succeeded');
    const login = await raw('cb3.snv', 'một hai ba bốn năm');
    expect(login.body).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('changes one’s own password: the current one checked and counted, other sessions ended', async () => {
    await t.createAccount('cb.rieng', 'viewer');
    const here = await t.login('cb.rieng');
    const there = await t.login('cb.rieng');
    let r = await t.request('POST', '/api/auth/password', {
      as: here,
      body: { currentPassword: 'khong-dung-dau', newPassword: 'trời xanh mây trắng' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual(['currentPassword: mật khẩu hiện tại không đúng']);
    r = await t.request('POST', '/api/auth/password', {
      as: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'cb.rieng của tôi' },
    });
    expect(errorOf(r.body).details).toEqual([
      'newPassword: mật khẩu không được chứa tên đăng nhập',
    ]);
    r = await t.request('POST', '/api/auth/password', {
      as: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'trời xanh mây trắng' },
    });
    expect(r.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { as: here })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { as: there })).status).toBe(401);
    expect((await raw('cb.rieng', TEST_PASSWORD)).status).toBe(401);
    expect((await raw('cb.rieng', 'trời xanh mây trắng')).status).toBe(200);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, here.userId)));
    expect(audit.map((a) => a.action)).toContain('auth.password.change');
    expect(JSON.stringify(audit)).not.toContain('trời xanh');
    // Guessing the current password is counted: five wrong (the first above), then 429 even
    // for the right one.
    for (let i = 0; i < 4; i++) {
      r = await t.request('POST', '/api/auth/password', {
        as: here,
        body: { currentPassword: `sai-${i}-mat-khau`, newPassword: 'gió mùa đông bắc về' },
      });
      expect(r.status).toBe(400);
    }
    r = await t.request('POST', '/api/auth/password', {
      as: here,
      body: { currentPassword: 'trời xanh mây trắng', newPassword: 'gió mùa đông bắc về' },
    });
    expect(r.status).toBe(429);
  });

  it('enrols TOTP, then asks for a code that opens the session, once per code', async () => {
    t.setTime('06/01/2023 09:00');
    const userId = await t.createAccount('td.hai', 'appraiser');
    const me = await t.login('td.hai');
    expect((await t.request('GET', '/api/auth/totp', { as: me })).body).toEqual({
      offered: true,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const setup = await t.request('POST', '/api/auth/totp/setup', { as: me });
    const { secret, otpauthUri } = setup.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toBe(
      `otpauth://totp/chiso:td.hai?secret=${secret}&issuer=chiso&algorithm=SHA1&digits=6&period=30`,
    );
    let r = await t.request('POST', '/api/auth/totp/enable', { as: me, body: { code: '000000' } });
    expect(errorOf(r.body).details[0]).toBe(
      'code: không đúng, đã hết hạn hoặc đã được dùng; hãy nhập mã mới đang hiện trên ứng dụng',
    );
    const enrolCode = totpCode(secret, t.deps.clock());
    r = await t.request('POST', '/api/auth/totp/enable', { as: me, body: { code: enrolCode } });
    expect(r.status).toBe(200);
    const { recoveryCodes } = r.body as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = JSON.stringify(await t.deps.db.select().from(auditLog));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(recoveryCodes[0]);

    // The password alone gives a session that opens nothing but the second factor.
    r = await raw('td.hai', TEST_PASSWORD);
    expect(r.body).toMatchObject({ user: null, secondFactor: 'totp' });
    const pending = browser(r, 'td.hai');
    for (const url of ['/api/auth/me', `/api/periods/${w.periodId}`, '/api/auth/totp']) {
      expect((await t.request('GET', url, { as: pending })).status, url).toBe(401);
    }
    expect((await t.request('GET', '/api/auth/session', { as: pending })).body).toMatchObject({
      user: null,
      secondFactor: 'totp',
    });
    // The code used to enrol cannot be used again (its step is spent).
    r = await t.request('POST', '/api/auth/totp/verify', {
      as: pending,
      body: { code: enrolCode },
    });
    expect(r.status).toBe(400);
    t.setTime('06/01/2023 09:01');
    const fresh = totpCode(secret, t.deps.clock());
    r = await t.request('POST', '/api/auth/totp/verify', { as: pending, body: { code: fresh } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { id: userId, username: 'td.hai' } });
    expect((await t.request('GET', `/api/periods/${w.periodId}`, { as: pending })).status).toBe(
      200,
    );
    // Replayed in another sign-in, the same code is refused.
    const again = browser(await raw('td.hai', TEST_PASSWORD), 'td.hai');
    r = await t.request('POST', '/api/auth/totp/verify', { as: again, body: { code: fresh } });
    expect(r.status).toBe(400);

    // A recovery code opens one session, once.
    const code = recoveryCodes[3] ?? '';
    r = await t.request('POST', '/api/auth/totp/verify', {
      as: again,
      body: { recoveryCode: code.toUpperCase() },
    });
    expect(r.status).toBe(200);
    const third = browser(await raw('td.hai', TEST_PASSWORD), 'td.hai');
    r = await t.request('POST', '/api/auth/totp/verify', {
      as: third,
      body: { recoveryCode: code },
    });
    expect(errorOf(r.body).details).toEqual([
      'recoveryCode: mã khôi phục không đúng hoặc đã được dùng',
    ]);
    expect((await t.request('GET', '/api/auth/totp', { as: pending })).body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 9,
    });
    const actions = (
      await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, userId))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.totp.setup', 'auth.totp.enable', 'auth.secondFactor']),
    );
  });

  it('counts wrong codes per waiting session and account, then disables two-factor', async () => {
    t.setTime('07/01/2023 09:00');
    await t.createAccount('hd.hai', 'councilMember');
    const me = await t.login('hd.hai');
    const { secret } = (await t.request('POST', '/api/auth/totp/setup', { as: me })).body as {
      secret: string;
    };
    await t.request('POST', '/api/auth/totp/enable', {
      as: me,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    const pending = browser(await raw('hd.hai', TEST_PASSWORD), 'hd.hai');
    for (let i = 0; i < 5; i++) {
      const r = await t.request('POST', '/api/auth/totp/verify', {
        as: pending,
        body: { code: String(100000 + i) },
      });
      expect(r.status).toBe(400);
    }
    t.setTime('07/01/2023 09:01');
    let r = await t.request('POST', '/api/auth/totp/verify', {
      as: pending,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    expect(r.status).toBe(429);
    expect(errorOf(r.body).message).toMatch(/^Nhập sai mã xác thực quá nhiều lần/);
    // Fifteen minutes on, the owner turns it off with a current code.
    t.setTime('07/01/2023 09:20');
    r = await t.request('POST', '/api/auth/totp/disable', {
      as: me,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    expect(r.status).toBe(200);
    expect((await raw('hd.hai', TEST_PASSWORD)).body).toMatchObject({
      user: { username: 'hd.hai' },
    });
  });

  it('lets an administrator turn someone’s two-factor off, and offers it only to some roles', async () => {
    const userId = await t.createAccount('qt.hai', 'administrator');
    const me = await t.login('qt.hai');
    const { secret } = (await t.request('POST', '/api/auth/totp/setup', { as: me })).body as {
      secret: string;
    };
    await t.request('POST', '/api/auth/totp/enable', {
      as: me,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    let r = await t.request('POST', `/api/users/${userId}/totp/disable`, { as: w.sessions.admin });
    expect(r.status).toBe(200);
    expect((await raw('qt.hai', TEST_PASSWORD)).body).toMatchObject({
      user: { username: 'qt.hai' },
    });
    r = await t.request('POST', `/api/users/${userId}/totp/disable`, { as: w.sessions.admin });
    expect(r.status).toBe(409);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.totp.disable'), eq(auditLog.entityId, userId)));
    expect(audit).toHaveLength(1);
    r = await t.request('POST', '/api/auth/totp/setup', { as: w.sessions.xem });
    expect(r.status).toBe(403);
    expect((await t.request('GET', '/api/auth/totp', { as: w.sessions.xem })).body).toMatchObject({
      offered: false,
    });
  });
});
