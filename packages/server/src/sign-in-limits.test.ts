import { like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rateCounters } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from './test-support/test-app.js';
import { PER_ACCOUNT, PER_ADDRESS } from './use-cases/auth/sign-in-limits.js';

const messageOf = (body: string) =>
  (JSON.parse(body) as { error: { message: string } }).error.message;

describe.each(DATABASE_KINDS)('sign-in limits behind a declared proxy (%s)', (kind) => {
  let t: TestApp;
  /** A sign-in reaching the server from `peer` (the proxy, or a client talking directly). */
  const signIn = (
    username: string,
    password: string,
    options: { forwardedFor?: string; peer?: string } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: options.peer ?? '127.0.0.1',
      headers: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
    });
  const counterKeys = async () =>
    (
      await t.deps.db
        .select({ key: rateCounters.key })
        .from(rateCounters)
        .where(like(rateCounters.key, 'sign-in:ip:%'))
    ).map((row) => row.key);

  beforeAll(async () => {
    t = await startTestApp(kind, { env: { CHISO_TRUST_PROXY: '127.0.0.1' } });
    for (const name of ['a.vp', 'b.vp', 'c.vp', 'd.vp', 'e.vp', 'f.vp'])
      await t.createAccount(name, 'viewer');
  }, 60_000);
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.deps.db.delete(rateCounters);
    t.setTime('05/01/2023 10:00');
  });

  it('limits one account however many X-Forwarded-For addresses the guesses come with', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await signIn('a.vp', `sai-${i}`, { forwardedFor: `198.51.100.${i + 1}` });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, PER_ACCOUNT)).toEqual(Array(PER_ACCOUNT).fill(401));
    expect(statuses.slice(PER_ACCOUNT)).toEqual(Array(60 - PER_ACCOUNT).fill(429));
    const refused = await signIn('a.vp', TEST_PASSWORD, { forwardedFor: '198.51.100.200' });
    expect(refused.statusCode).toBe(429);
    expect(messageOf(refused.body)).toBe(
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
    );
  });

  it('takes the right-most hop the declared proxy saw, and ignores a header from anyone else', async () => {
    await signIn('khong-ai', 'x', { forwardedFor: '6.6.6.6, 203.0.113.7' });
    await signIn('khong-ai', 'x', { peer: '192.0.2.44', forwardedFor: '10.9.9.9' });
    expect((await counterKeys()).sort()).toEqual([
      'sign-in:ip:192.0.2.44',
      'sign-in:ip:203.0.113.7',
    ]);
  });

  it('checks at most the limit of 60 parallel sign-ins for one account (59 wrong, 1 right)', async () => {
    const attempts = Array.from({ length: 60 }, (_, i) =>
      signIn('b.vp', i === 30 ? TEST_PASSWORD : `sai-${i}`, { forwardedFor: `198.51.100.${i}` }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    expect(statuses.every((s) => [200, 401, 429].includes(s))).toBe(true);
    expect(count(401)).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(count(200)).toBeLessThanOrEqual(1);
    // Every attempt past the checked ones was refused without a password check.
    expect(count(429)).toBeGreaterThanOrEqual(60 - PER_ACCOUNT - 1);
  });

  it('does not lock the other accounts behind an office address when one account is hammered', async () => {
    const office = '203.0.113.10';
    for (let i = 0; i < 30; i++) await signIn('c.vp', `sai-${i}`, { forwardedFor: office });
    expect((await signIn('c.vp', TEST_PASSWORD, { forwardedFor: office })).statusCode).toBe(429);
    expect((await signIn('d.vp', TEST_PASSWORD, { forwardedFor: office })).statusCode).toBe(200);
    // One wrong password of d.vp's own after that is still only a 401.
    expect((await signIn('d.vp', 'sai', { forwardedFor: office })).statusCode).toBe(401);
  });

  it('limits an address guessing many usernames, and that address only', async () => {
    const guesser = '203.0.113.66';
    for (let i = 0; i < PER_ADDRESS; i++)
      expect((await signIn(`nguoi-${i}`, 'sai', { forwardedFor: guesser })).statusCode).toBe(401);
    const refused = await signIn('e.vp', TEST_PASSWORD, { forwardedFor: guesser });
    expect(refused.statusCode).toBe(429);
    expect(messageOf(refused.body)).toBe(
      'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau 15 phút.',
    );
    expect((await signIn('e.vp', TEST_PASSWORD, { forwardedFor: '203.0.113.67' })).statusCode).toBe(
      200,
    );
    t.setTime('05/01/2023 10:15');
    expect((await signIn('e.vp', TEST_PASSWORD, { forwardedFor: guesser })).statusCode).toBe(200);
  });

  it('never limits signing in with the right password, however often', async () => {
    for (let i = 0; i < 3; i++) await signIn('f.vp', `sai-${i}`);
    for (let i = 0; i < 20; i++) expect((await signIn('f.vp', TEST_PASSWORD)).statusCode).toBe(200);
    // The wrong passwords before still count: two more wrong ones, then the account waits.
    for (let i = 0; i < 2; i++) expect((await signIn('f.vp', 'sai')).statusCode).toBe(401);
    expect((await signIn('f.vp', TEST_PASSWORD)).statusCode).toBe(429);
  });
});
