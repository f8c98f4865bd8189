import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertSession } from '../../repositories/sessions.js';
import {
  actorOf,
  findUserByUsername,
  presentUser,
  type PublicUser,
} from '../../repositories/users.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import {
  claimSignInAttempt,
  forgetOldSignInCounters,
  releaseSignInAttempt,
} from './sign-in-limits.js';

// Verified against when the username does not exist, so both cases take the same time.
const decoyHash = hashPassword('không có tài khoản này');

export interface SignedIn {
  user: PublicUser;
  token: string;
  csrfToken: string;
  expiresAt: Date;
  /** The account signs in with a code too: the session waits for it (decision 0036). */
  secondFactor: 'totp' | undefined;
  mustChangePassword: boolean;
}

/** A session waiting for its second factor lasts this long: time to open the app and type. */
export const PENDING_SESSION_MS = 10 * 60_000;

export async function signIn(
  ctx: UseCaseContext,
  input: { username: string; password: string; userAgent: string | undefined },
): Promise<SignedIn> {
  const { db, config } = ctx.deps;
  const username = input.username.trim().toLowerCase();
  // Counted first, checked after: parallel attempts cannot all read the same old count.
  const claim = await claimSignInAttempt(ctx, username);
  const user = await findUserByUsername(db, username);
  const valid =
    user?.active === true
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await decoyHash, input.password).then(() => false);
  if (!user || !valid) {
    await db.transaction(async (tx) => {
      await forgetOldSignInCounters(tx, ctx);
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
  const secondFactor = user.totpEnabledAt !== null ? 'totp' : undefined;
  const expiresAt = new Date(
    ctx.now.getTime() + (secondFactor ? PENDING_SESSION_MS : config.sessionHours * 3_600_000),
  );
  await db.transaction(async (tx) => {
    await releaseSignInAttempt(tx, claim);
    await insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      createdAt: ctx.now,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent ?? null,
      pendingSecondFactor: secondFactor !== undefined,
      method: 'password',
    });
    await recordAudit(
      tx,
      { ...ctx, actor: actorOf(user) },
      {
        action: 'auth.signIn',
        entityType: 'user',
        entityId: user.id,
        ...(secondFactor ? { after: { secondFactor: 'pending' } } : {}),
      },
    );
  });
  return {
    user: presentUser(user),
    token,
    csrfToken,
    expiresAt,
    secondFactor,
    mustChangePassword: user.mustChangePassword,
  };
}
