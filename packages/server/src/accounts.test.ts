import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const errorOf = (body: unknown) =>
  (body as { error: { code: string; message: string; details: string[] } }).error;

describe.each(DATABASE_KINDS)('accounts and sessions (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const login = (username: string, password: string) =>
    t.request('POST', '/api/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': '10.0.0.1' },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('stores passwords hashed with argon2id', async () => {
    const [row] = await t.deps.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(sql`${users.username} = 'cb.snv'`);
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });

  it('sets an httpOnly, SameSite session cookie', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xem', password: TEST_PASSWORD },
    });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  it('answers a wrong password in Vietnamese without saying which part was wrong', async () => {
    const r = await login('cb.syt', 'sai-mat-khau');
    expect(r.status).toBe(401);
    expect(errorOf(r.body).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(errorOf((await login('khong-ai', 'x')).body).message).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
  });

  it('stops an account after five failures in fifteen minutes, even with the right password', async () => {
    t.setTime('05/01/2023 10:00');
    for (let i = 0; i < 5; i++) expect((await login('tt.syt', `sai-${i}`)).status).toBe(401);
    const r = await login('tt.syt', TEST_PASSWORD);
    expect(r.status).toBe(429);
    expect(errorOf(r.body).message).toBe(
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
    );
    t.setTime('05/01/2023 10:15');
    expect((await login('tt.syt', TEST_PASSWORD)).status).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const session = await t.login('xem');
    expect((await t.request('GET', '/api/auth/me', { as: session })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { as: session })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { as: session })).status).toBe(401);
  });

  it('answers the session question without an error for visitors with no account', async () => {
    const session = await t.login('xem');
    let r = await t.request('GET', '/api/auth/session', { as: session });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      user: { username: 'xem', role: 'viewer' },
      csrfToken: session.csrf,
    });
    await t.request('POST', '/api/auth/logout', { as: session });
    for (const as of [session, undefined]) {
      r = await t.request('GET', '/api/auth/session', as ? { as } : {});
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ user: null, csrfToken: null, expiresAt: null });
    }
  });

  it('ends the sessions of an account that is disabled or gets a new password, and audits it', async () => {
    const session = await t.login('cb.syt');
    let r = await t.request('PATCH', `/api/users/${w.ids['cb.syt']}`, {
      as: w.sessions.admin,
      body: { password: 'mat-khau-moi-dai-hon' },
    });
    expect(r.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { as: session })).status).toBe(401);
    expect((await login('cb.syt', 'mat-khau-moi-dai-hon')).status).toBe(200);
    r = await t.request('PATCH', `/api/users/${w.ids['cb.syt']}`, {
      as: w.sessions.admin,
      body: { active: false },
    });
    expect(r.body).toMatchObject({ active: false });
    expect((await login('cb.syt', 'mat-khau-moi-dai-hon')).status).toBe(401);
    r = await t.request('GET', `/api/audit?entityType=user&entityId=${w.ids['cb.syt']}`, {
      as: w.sessions.admin,
    });
    const audit = (
      r.body as { entries: { action: string; after: Record<string, unknown> }[] }
    ).entries.filter((a) => a.action === 'user.update');
    expect(audit.map((a) => a.after)).toMatchObject([{ active: false }, { passwordChanged: true }]);
    expect(JSON.stringify(audit)).not.toContain('mat-khau-moi');
  });

  it('keeps the last administrator', async () => {
    const r = await t.request('PATCH', `/api/users/${w.ids.admin}`, {
      as: w.sessions.admin,
      body: { role: 'viewer' },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body).message).toBe(
      'Không thể bỏ quyền hoặc khóa tài khoản quản trị cuối cùng',
    );
  });

  it('requires a unit for unit roles and a long enough password', async () => {
    const r = await t.request('POST', '/api/users', {
      as: w.sessions.admin,
      body: { username: 'cb.moi', fullName: 'Cán bộ mới', password: 'ngan', role: 'unitOfficer' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual(['password: mật khẩu cần ít nhất 10 ký tự (mới có 4)']);
    const again = await t.request('POST', '/api/users', {
      as: w.sessions.admin,
      body: {
        username: 'cb.moi',
        fullName: 'Cán bộ mới',
        password: 'mat-khau-du-dai',
        role: 'unitOfficer',
      },
    });
    expect(errorOf(again.body).details).toEqual([
      'unitId: cán bộ đầu mối, thủ trưởng và cán bộ phòng, ban phải thuộc một đơn vị',
    ]);
  });

  it('keeps the audit trail append-only, whoever asks', async () => {
    await expect(t.deps.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
