import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './db/schema.js';
import {
  oidcEnv,
  startTestProvider,
  TestBrowser,
  type TestProvider,
} from './test-support/oidc-provider.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

const HELD =
  'Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu (mục "Đổi mật khẩu") trước khi làm việc khác';

// Decision 0056: the flag set with an administrator's password holds a session opened by that
// password, not one opened by the province's provider, which asked for no chiso password.
describe.each(DATABASE_KINDS)(
  'a password to change and a sign-in by OpenID Connect (%s)',
  (kind) => {
    let provider: TestProvider;
    let t: TestApp;
    let accountId: string;

    beforeAll(async () => {
      provider = await startTestProvider();
      t = await startTestApp(kind, {
        env: oidcEnv(provider),
      });
      accountId = await t.createAccount('le.thi.c', 'administrator');
      await t.deps.db
        .update(users)
        .set({ mustChangePassword: true })
        .where(eq(users.id, accountId));
      provider.accounts.set('sub-c', { preferred_username: 'le.thi.c' });
    });
    afterAll(async () => {
      await t.close();
      await provider.close();
    });

    it('lets the provider’s session work at once, and tells the app nothing is owed', async () => {
      const browser = new TestBrowser(t);
      expect((await browser.visitChiso(await browser.untilCallback('sub-c'))).location).toBe('/');
      const headers = { cookie: browser.chiso.header() };
      const session = await t.request('GET', '/api/auth/session', { headers });
      expect(session.body).toMatchObject({
        user: { username: 'le.thi.c', mustChangePassword: false },
      });
      const list = await t.request('GET', '/api/users', { headers });
      expect(list.status).toBe(200);
      // The account's flag is untouched: the password is still the administrator's.
      const [row] = await t.deps.db.select().from(users).where(eq(users.id, accountId));
      expect(row?.mustChangePassword).toBe(true);
    });

    it('still holds a sign-in by that password at the change screen', async () => {
      const held = await t.login('le.thi.c');
      const session = await t.request('GET', '/api/auth/session', { as: held });
      expect(session.body).toMatchObject({ user: { mustChangePassword: true } });
      const refused = await t.request('GET', '/api/users', { as: held });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN', message: HELD } });
    });
  },
);
