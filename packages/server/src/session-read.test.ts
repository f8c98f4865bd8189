import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from './db/schema.js';
import { totpCode } from './security/totp.js';
import {
  DATABASE_KINDS,
  startTestApp,
  TEST_PASSWORD,
  type Session,
  type TestApp,
} from './test-support/test-app.js';

interface Me {
  user: { id: string; username: string; role: string; unitId: string | null };
  csrfToken: string;
  expiresAt: string;
}

/**
 * Decision 0050: every request's session is one raw statement, read afresh (no cache), so that
 * whatever ends or changes a session or its account shows on the very next request.
 */
describe.each(DATABASE_KINDS)('the session read, one statement, never stale (%s)', (kind) => {
  let t: TestApp;
  const statements: string[] = [];
  let counting = false;
  let admin: Session;

  const me = (as: Session) => t.request('GET', '/api/auth/me', { as });
  const raw = (username: string, password = TEST_PASSWORD) =>
    t.request('POST', '/api/auth/login', { body: { username, password } });
  const browser = (r: Awaited<ReturnType<typeof raw>>, username: string): Session => ({
    username,
    userId: '',
    cookie: String(r.headers['set-cookie'] ?? '').split(';')[0] ?? '',
    csrf: (r.body as { csrfToken: string }).csrfToken,
  });

  beforeAll(async () => {
    t = await startTestApp(kind, {
      onQuery: (text) => {
        if (counting) statements.push(text);
      },
    });
    await t.createAccount('qt.phien', 'administrator');
    admin = await t.login('qt.phien');
  }, 60_000);
  afterAll(async () => t.close());

  it('answers a signed-in GET with exactly one statement, the session with its account', async () => {
    await t.createAccount('xem.dem', 'viewer');
    const session = await t.login('xem.dem');
    await me(session);
    statements.length = 0;
    counting = true;
    let r;
    try {
      r = await me(session);
    } finally {
      counting = false;
    }
    expect(r.status).toBe(200);
    expect((r.body as Me).user.username).toBe('xem.dem');
    expect(statements, statements.join('\n---\n')).toHaveLength(1);
    expect(statements[0]).toMatch(/from sessions s join users u on u\.id = s\.user_id/);
  });

  it('ends the session on sign-out, and only that one', async () => {
    await t.createAccount('xem.ra', 'viewer');
    const here = await t.login('xem.ra');
    const there = await t.login('xem.ra');
    expect((await me(here)).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { as: here })).status).toBe(200);
    expect((await me(here)).status).toBe(401);
    expect((await me(there)).status).toBe(200);
  });

  it('ends the other sessions when one changes their own password', async () => {
    await t.createAccount('xem.doi', 'viewer');
    const here = await t.login('xem.doi');
    const there = await t.login('xem.doi');
    expect((await me(there)).status).toBe(200);
    const r = await t.request('POST', '/api/auth/password', {
      as: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'nắng vàng trên phố cổ' },
    });
    expect(r.status).toBe(200);
    expect((await me(there)).status).toBe(401);
    expect((await me(here)).status).toBe(200);
  });

  it('ends every session when an administrator sets a password, then asks for a new one', async () => {
    const id = await t.createAccount('cb.datlai', 'viewer');
    const session = await t.login('cb.datlai');
    expect((await me(session)).status).toBe(200);
    let r = await t.request('PATCH', `/api/users/${id}`, {
      as: admin,
      body: { password: 'mưa phùn tháng hai' },
    });
    expect(r.status).toBe(200);
    expect((await me(session)).status).toBe(401);
    const fresh = browser(await raw('cb.datlai', 'mưa phùn tháng hai'), 'cb.datlai');
    r = await t.request('GET', '/api/users', { as: fresh });
    expect(r.status).toBe(403);
    expect((await me(fresh)).body).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('ends every session of a disabled account, and refuses one whose account is inactive', async () => {
    const id = await t.createAccount('cb.khoa', 'viewer');
    const session = await t.login('cb.khoa');
    expect((await me(session)).status).toBe(200);
    const r = await t.request('PATCH', `/api/users/${id}`, { as: admin, body: { active: false } });
    expect(r.status).toBe(200);
    expect((await me(session)).status).toBe(401);
    // The statement itself checks the account, whatever became of its sessions' rows.
    const other = await t.createAccount('cb.khoa2', 'viewer');
    const kept = await t.login('cb.khoa2');
    await t.deps.db.update(users).set({ active: false }).where(eq(users.id, other));
    expect((await me(kept)).status).toBe(401);
    await t.deps.db.update(users).set({ active: true }).where(eq(users.id, other));
    expect((await me(kept)).status).toBe(200);
  });

  it('acts with the new role and unit on the next request once an administrator changes them', async () => {
    const id = await t.createAccount('cb.chuyen', 'viewer');
    const session = await t.login('cb.chuyen');
    expect((await t.request('GET', '/api/users', { as: session })).status).toBe(403);
    let r = await t.request('PATCH', `/api/users/${id}`, {
      as: admin,
      body: { role: 'administrator' },
    });
    expect(r.status).toBe(200);
    expect((await me(session)).body).toMatchObject({ user: { role: 'administrator' } });
    expect((await t.request('GET', '/api/users', { as: session })).status).toBe(200);
    r = await t.request('PATCH', `/api/users/${id}`, { as: admin, body: { role: 'viewer' } });
    expect(r.status).toBe(200);
    expect((await t.request('GET', '/api/users', { as: session })).status).toBe(403);
  });

  it('opens nothing but the second factor until its code is given, then everything', async () => {
    await t.createAccount('qt.mahai', 'administrator');
    const first = await t.login('qt.mahai');
    const { secret } = (await t.request('POST', '/api/auth/totp/setup', { as: first })).body as {
      secret: string;
    };
    let r = await t.request('POST', '/api/auth/totp/enable', {
      as: first,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    expect(r.status).toBe(200);
    const pending = browser(await raw('qt.mahai'), 'qt.mahai');
    expect((await me(pending)).status).toBe(401);
    expect((await t.request('GET', '/api/auth/session', { as: pending })).body).toMatchObject({
      user: null,
      secondFactor: 'totp',
    });
    t.setTime('05/01/2023 09:01');
    r = await t.request('POST', '/api/auth/totp/verify', {
      as: pending,
      body: { code: totpCode(secret, t.deps.clock()) },
    });
    expect(r.status).toBe(200);
    expect((await me(pending)).status).toBe(200);
    expect((await t.request('GET', '/api/users', { as: pending })).status).toBe(200);
  });

  it('ends a session at its expiry, to the millisecond, by the server’s clock alone', async () => {
    t.setTime('06/01/2023 09:00');
    await t.createAccount('xem.het', 'viewer');
    const session = await t.login('xem.het');
    const { expiresAt } = (await me(session)).body as Me;
    const [row] = await t.deps.db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(users.username, 'xem.het'));
    expect(row?.expiresAt.toISOString()).toBe(expiresAt);
    const end = new Date(expiresAt).getTime();
    const clock = t.deps.clock;
    try {
      t.deps.clock = () => new Date(end - 1);
      expect((await me(session)).status).toBe(200);
      t.deps.clock = () => new Date(end);
      expect((await me(session)).status).toBe(401);
    } finally {
      t.deps.clock = clock;
    }
  });

  it('refuses a change without the session’s CSRF token, or with another session’s', async () => {
    await t.createAccount('xem.csrf', 'viewer');
    const here = await t.login('xem.csrf');
    const there = await t.login('xem.csrf');
    const logout = (csrf: string | undefined) =>
      t.request('POST', '/api/auth/logout', {
        headers: { cookie: here.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) },
      });
    expect((await logout(undefined)).status).toBe(403);
    expect((await logout(there.csrf)).status).toBe(403);
    expect((await me(here)).status).toBe(200);
    expect((await logout(here.csrf)).status).toBe(200);
    expect((await me(here)).status).toBe(401);
  });

  it('never reads a session from inside someone else’s unfinished transaction', async () => {
    const id = await t.createAccount('xem.giaodich', 'viewer');
    const session = await t.login('xem.giaodich');
    let asked: Promise<Awaited<ReturnType<typeof me>>> | undefined;
    await t.deps.db.transaction(async (tx) => {
      await tx.update(users).set({ active: false }).where(eq(users.id, id));
      asked = me(session);
      // Give the request every chance to run before the transaction ends.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.update(users).set({ active: true }).where(eq(users.id, id));
    });
    // Neither database shows the transaction's passing state: PGlite waits for its end,
    // PostgreSQL reads what was committed before it.
    expect((await asked)?.status).toBe(200);
  });

  it('reads and ends sessions the same way without prepared statements (behind a PgBouncer in transaction mode)', async () => {
    // Only the configuration differs: a second app on this database handle sends its
    // statements unnamed, so a database of its own would prove nothing more.
    const bouncer = await startTestApp(kind, {
      env: { CHISO_PREPARED_STATEMENTS: 'off' },
      database: () =>
        Promise.resolve({
          database: { db: t.deps.db, kind, close: () => Promise.resolve() },
          drop: () => Promise.resolve(),
        }),
    });
    try {
      await bouncer.createAccount('xem.bouncer', 'viewer');
      const session = await bouncer.login('xem.bouncer');
      expect(bouncer.deps.config.preparedStatements).toBe(false);
      for (let i = 0; i < 3; i++) {
        const r = await bouncer.request('GET', '/api/auth/me', { as: session });
        expect(r.body).toMatchObject({ user: { username: 'xem.bouncer', role: 'viewer' } });
      }
      expect((await bouncer.request('POST', '/api/auth/logout', { as: session })).status).toBe(200);
      expect((await bouncer.request('GET', '/api/auth/me', { as: session })).status).toBe(401);
    } finally {
      await bouncer.close();
    }
  });
});
