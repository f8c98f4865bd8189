import type { OidcRefusal } from '@chiso/contract';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, userIdentities, users } from './db/schema.js';
import { DEFAULT_OIDC_LABEL } from './oidc/oidc-config.js';
import { STARTS_PER_ADDRESS } from './use-cases/auth/start-oidc-sign-in.js';
import {
  CHISO_ORIGIN,
  oidcEnv,
  startTestProvider,
  TEST_CLIENT,
  TestBrowser,
  type TestProvider,
} from './test-support/oidc-provider.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

/** Where chiso sent the browser back to, read as the sign-in page reads it. */
function refusalOf(location: string | undefined): {
  reason: string | null;
  account: string | null;
} {
  const url = new URL(location ?? '', CHISO_ORIGIN);
  expect(url.pathname).toBe('/dang-nhap');
  return { reason: url.searchParams.get('oidc'), account: url.searchParams.get('tai-khoan') };
}

async function me(t: TestApp, browser: TestBrowser) {
  return t.request('GET', '/api/auth/me', { headers: { cookie: browser.chiso.header() } });
}

// The tests of this block run in order on one world: the first sign-in links sub-a, which the
// later ones (the link after a rename, a second identity, replays) build on.
describe.each(DATABASE_KINDS)('sign-in by OpenID Connect against a real provider (%s)', (kind) => {
  let provider: TestProvider;
  let t: TestApp;
  let officerId: string;

  beforeAll(async () => {
    provider = await startTestProvider();
    t = await startTestApp(kind, {
      env: oidcEnv(provider),
    });
    officerId = await t.createAccount('nguyen.van.a', 'administrator');
    await t.createAccount('tran.thi.b', 'viewer');
    await t.deps.db.update(users).set({ active: false }).where(eq(users.username, 'tran.thi.b'));
    provider.accounts.set('sub-a', { preferred_username: 'nguyen.van.a', name: 'Nguyễn Văn A' });
    provider.accounts.set('sub-x', { preferred_username: 'khong.co.trong.chiso' });
    provider.accounts.set('sub-b', { preferred_username: 'tran.thi.b' });
    provider.accounts.set('sub-a2', { preferred_username: 'nguyen.van.a' });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('tells the sign-in page it is on, with the button’s words', async () => {
    const r = await t.request('GET', '/api/auth/oidc');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ enabled: true, label: DEFAULT_OIDC_LABEL });
  });

  it('signs in the matching account, links it, and opens a session like a password does', async () => {
    const browser = new TestBrowser(t);
    const callback = await browser.untilCallback(
      'sub-a',
      `/api/auth/oidc/start?tiep=${encodeURIComponent('/ky-danh-gia')}`,
    );
    expect(new URL(callback).pathname).toBe('/api/auth/oidc/callback');
    const answer = await browser.visitChiso(callback);
    expect(answer).toEqual({ status: 302, location: '/ky-danh-gia' });
    expect(browser.chiso.get('chiso_session')).toBeDefined();
    expect(browser.chiso.get('chiso_oidc')).toBeUndefined();

    const signedIn = await me(t, browser);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      user: { username: 'nguyen.van.a', role: 'administrator' },
    });
    const links = await t.deps.db.select().from(userIdentities);
    expect(links).toMatchObject([{ userId: officerId, issuer: provider.issuer, subject: 'sub-a' }]);
    const [session] = await t.deps.db.select().from(sessions).where(eq(sessions.userId, officerId));
    expect(session).toMatchObject({ method: 'oidc', pendingSecondFactor: false });
    const audit = await t.deps.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, officerId));
    expect(audit).toEqual([
      {
        action: 'auth.oidc.linked',
        after: { issuer: provider.issuer, subject: 'sub-a', claim: 'preferred_username' },
      },
      { action: 'auth.signIn', after: { method: 'oidc', issuer: provider.issuer } },
    ]);
  });

  it('signs in by the link the next time, though the provider’s username changed', async () => {
    provider.accounts.set('sub-a', { preferred_username: 'a.nguyen.moi' });
    const browser = new TestBrowser(t);
    const answer = await browser.visitChiso(await browser.untilCallback('sub-a'));
    expect(answer).toEqual({ status: 302, location: '/' });
    expect((await me(t, browser)).body).toMatchObject({ user: { username: 'nguyen.van.a' } });
    const links = await t.deps.db.select().from(userIdentities);
    expect(links).toHaveLength(1);
    expect(links[0]?.lastUsedAt).toEqual(t.deps.clock());
  });

  it.each<[string, string, OidcRefusal, string]>([
    ['an unknown subject', 'sub-x', 'unknown-account', 'khong.co.trong.chiso'],
    ['a disabled account', 'sub-b', 'inactive-account', 'tran.thi.b'],
    // Another subject naming an account already linked: no taking it over.
    ['a second identity for a linked account', 'sub-a2', 'linked-elsewhere', 'nguyen.van.a'],
  ])('refuses %s with a sentence for the sign-in page', async (_what, subject, reason, account) => {
    const browser = new TestBrowser(t);
    const answer = await browser.visitChiso(await browser.untilCallback(subject));
    expect(answer.status).toBe(302);
    expect(refusalOf(answer.location)).toEqual({ reason, account });
    expect(browser.chiso.get('chiso_session')).toBeUndefined();
    expect((await me(t, browser)).status).toBe(401);
    const [failed] = await t.deps.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.signIn.failed'), eq(auditLog.entityId, account)));
    expect(failed?.after).toEqual({ method: 'oidc', reason, issuer: provider.issuer, subject });
  });

  it('refuses an answer with another state, and still finishes its own sign-in', async () => {
    const browser = new TestBrowser(t);
    const callback = new URL(await browser.untilCallback('sub-a'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'trang-thai-cua-ke-khac-0000000000000000000');
    const refused = await browser.visitChiso(forged.href);
    expect(refusalOf(refused.location).reason).toBe('state-mismatch');
    expect(browser.chiso.get('chiso_session')).toBeUndefined();
    const own = await browser.visitChiso(callback.href);
    expect(own).toEqual({ status: 302, location: '/' });
  });

  it('refuses a callback replayed, with or without the flow cookie, and one from another browser', async () => {
    const browser = new TestBrowser(t);
    const callback = await browser.untilCallback('sub-a');
    const flowCookie = browser.chiso.get('chiso_oidc');
    expect((await browser.visitChiso(callback)).location).toBe('/');
    // The same answer again from the same browser: its flow cookie is gone…
    expect(refusalOf((await browser.visitChiso(callback)).location).reason).toBe('expired');
    // …and put back by hand (a captured request replayed whole), the flow was spent.
    const replay = new TestBrowser(t);
    replay.chiso.take([`chiso_oidc=${flowCookie ?? ''}`]);
    expect(refusalOf((await replay.visitChiso(callback)).location).reason).toBe('expired');
    // A browser that never began this sign-in (login CSRF) cannot finish it.
    expect(refusalOf((await new TestBrowser(t).visitChiso(callback)).location).reason).toBe(
      'expired',
    );
  });

  it('refuses a sign-in finished more than 10 minutes after it began', async () => {
    t.setTime('05/01/2023 09:00');
    const browser = new TestBrowser(t);
    const callback = await browser.untilCallback('sub-a');
    t.setTime('05/01/2023 09:11');
    expect(refusalOf((await browser.visitChiso(callback)).location).reason).toBe('expired');
    t.setTime('05/01/2023 09:00');
  });

  it('sends the browser back with the provider’s refusal (the person cancelled)', async () => {
    const browser = new TestBrowser(t);
    const callback = new URL(await browser.untilCallback('sub-a'));
    const state = callback.searchParams.get('state') ?? '';
    const cancelled = `/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`;
    expect(refusalOf((await browser.visitChiso(cancelled)).location).reason).toBe(
      'provider-refused',
    );
  });

  it('counts the sign-ins begun from one address: past 300 in 10 minutes it sends back', async () => {
    t.setTime('06/01/2023 09:00');
    const begin = () => new TestBrowser(t).visitChiso('/api/auth/oidc/start');
    for (let i = 0; i < STARTS_PER_ADDRESS; i++) {
      const started = await begin();
      expect(new URL(started.location ?? '').origin, `start ${i + 1}`).toBe(provider.issuer);
    }
    expect(refusalOf((await begin()).location).reason).toBe('rate-limited');
    t.setTime('06/01/2023 09:10');
    expect(new URL((await begin()).location ?? '').origin).toBe(provider.issuer);
    t.setTime('05/01/2023 09:00');
  }, 120_000);
});

describe('sign-in by OpenID Connect matched by e-mail', () => {
  let provider: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startTestProvider();
    t = await startTestApp('pglite', {
      env: {
        ...oidcEnv(provider),
        CHISO_OIDC_CLAIM: 'email',
        CHISO_OIDC_LABEL: 'Đăng nhập bằng tài khoản công vụ',
      },
    });
    for (const [username, email] of [
      ['le.c', 'Le.C@hoaan.gov.vn'],
      ['pham.d', 'chung@hoaan.gov.vn'],
      ['vo.e', 'chung@hoaan.gov.vn'],
    ] as const) {
      await t.createAccount(username, 'viewer');
      await t.deps.db.update(users).set({ email }).where(eq(users.username, username));
    }
    provider.accounts.set('sub-c', { email: 'le.c@hoaan.gov.vn', email_verified: true });
    provider.accounts.set('sub-u', { email: 'le.c@hoaan.gov.vn', email_verified: false });
    provider.accounts.set('sub-s', { email: 'chung@hoaan.gov.vn', email_verified: true });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('says its own label', async () => {
    expect((await t.request('GET', '/api/auth/oidc')).body).toEqual({
      enabled: true,
      label: 'Đăng nhập bằng tài khoản công vụ',
    });
  });

  it('signs in the account with that verified address, whatever its case', async () => {
    const browser = new TestBrowser(t);
    expect((await browser.visitChiso(await browser.untilCallback('sub-c'))).location).toBe('/');
    expect((await me(t, browser)).body).toMatchObject({ user: { username: 'le.c' } });
  });

  it('refuses an address the provider has not verified, and one shared by two accounts', async () => {
    const unverified = new TestBrowser(t);
    const first = await unverified.visitChiso(await unverified.untilCallback('sub-u'));
    expect(refusalOf(first.location).reason).toBe('claim-missing');
    const shared = new TestBrowser(t);
    const second = await shared.visitChiso(await shared.untilCallback('sub-s'));
    expect(refusalOf(second.location)).toEqual({
      reason: 'ambiguous-account',
      account: 'chung@hoaan.gov.vn',
    });
  });
});

describe('sign-in by OpenID Connect switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => t.close());

  it('tells the sign-in page it is off, and answers 404 on the start and the callback', async () => {
    expect((await t.request('GET', '/api/auth/oidc')).body).toEqual({
      enabled: false,
      label: null,
    });
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const r = await t.request('GET', url);
      expect(r.status, url).toBe(404);
      expect(r.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});

describe('sign-in by OpenID Connect with the provider unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      env: {
        CHISO_PUBLIC_URL: CHISO_ORIGIN,
        // Nothing listens on port 9 (discard) on this machine.
        CHISO_OIDC_ISSUER: 'http://127.0.0.1:9',
        CHISO_OIDC_CLIENT_ID: TEST_CLIENT.id,
        CHISO_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      },
    });
  });
  afterAll(async () => t.close());

  it('sends the browser back to the sign-in page rather than answering 5xx', async () => {
    const answer = await new TestBrowser(t).visitChiso('/api/auth/oidc/start?tiep=/ket-qua');
    expect(answer.status).toBe(302);
    expect(answer.location).toBe('/dang-nhap?oidc=provider-failed&tiep=%2Fket-qua');
  });
});
