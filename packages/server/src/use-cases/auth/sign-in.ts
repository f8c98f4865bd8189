import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  insertSession,
  clearFailures,
  readFailures,
  writeFailures,
} from '../../repositories/sessions.js';
import {
  actorOf,
  findUserByUsername,
  presentUser,
  type PublicUser,
} from '../../repositories/users.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { newToken, tokenHash } from '../../security/tokens.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per username and address, and per address alone, in 15 minutes. */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 30;

// Verified against when the username does not exist, so both cases take the same time.
const decoyHash = hashPassword('không có tài khoản này');

export interface SignedIn {
  user: PublicUser;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function signIn(
  ctx: UseCaseContext,
  input: { username: string; password: string; userAgent: string | undefined },
): Promise<SignedIn> {
  const { db, config } = ctx.deps;
  const username = input.username.trim().toLowerCase();
  const keys = [`account:${username}|${ctx.ip}`, `address:${ctx.ip}`];
  const limits = [PER_ACCOUNT, PER_ADDRESS];
  for (const [i, key] of keys.entries()) {
    const failures = await readFailures(db, key);
    if (
      failures &&
      ctx.now.getTime() - failures.windowStart.getTime() < WINDOW_MS &&
      failures.count >= (limits[i] ?? 0)
    ) {
      const minutes = Math.ceil(
        (failures.windowStart.getTime() + WINDOW_MS - ctx.now.getTime()) / 60_000,
      );
      throw new DomainError(
        ERROR_CODES.RATE_LIMITED,
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      );
    }
  }
  const user = await findUserByUsername(db, username);
  const valid =
    user?.active === true
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await decoyHash, input.password).then(() => false);
  if (!user || !valid) {
    await db.transaction(async (tx) => {
      for (const key of keys) {
        const failures = await readFailures(tx, key);
        const fresh = !failures || ctx.now.getTime() - failures.windowStart.getTime() >= WINDOW_MS;
        await writeFailures(
          tx,
          key,
          fresh ? ctx.now : failures.windowStart,
          fresh ? 1 : failures.count + 1,
        );
      }
      await recordAudit(tx, ctx, {
        action: 'auth.signIn.failed',
        entityType: 'user',
        entityId: username,
      });
    });
    throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now.getTime() + config.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await clearFailures(tx, keys[0] ?? '');
    await insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      createdAt: ctx.now,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent ?? null,
    });
    await recordAudit(
      tx,
      { ...ctx, actor: actorOf(user) },
      {
        action: 'auth.signIn',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
  return { user: presentUser(user), token, csrfToken, expiresAt };
}
