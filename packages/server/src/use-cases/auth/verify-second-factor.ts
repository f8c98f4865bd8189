import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  completeSecondFactor,
  countUnusedRecoveryCodes,
  spendRecoveryCode,
} from '../../repositories/second-factor.js';
import { actorOf, findUserById, type UserRow } from '../../repositories/users.js';
import type { Authenticated } from './authenticate.js';
import { claimCodeAttempt, releaseCodeAttempt } from './code-attempts.js';
import { recoveryCodeHash, spendCode } from './totp-account.js';

/**
 * Completes a sign-in waiting for its second factor (decision 0036): a code of the app (its
 * step spent, ±1 step of drift) or one unused recovery code (spent). Counted per session and
 * per account, 5 in 15 minutes, before the check. Audited with the way it was given.
 */
export async function verifySecondFactor(
  ctx: UseCaseContext,
  session: Authenticated | undefined,
  input: { code: string } | { recoveryCode: string },
): Promise<{ user: UserRow; expiresAt: Date }> {
  if (!session) {
    throw new DomainError(
      ERROR_CODES.UNAUTHENTICATED,
      'Không có phiên đăng nhập nào đang chờ mã xác thực: hãy đăng nhập lại',
    );
  }
  if (!session.pendingSecondFactor)
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Phiên đăng nhập này đã xác thực xong');
  const { db, config } = ctx.deps;
  const user = await findUserById(db, session.actor.userId);
  if (!user?.totpEnabledAt) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Hãy đăng nhập lại');
  const claim = await claimCodeAttempt(
    ctx,
    [`totp:session:${session.tokenHash}`, `totp:account:${user.id}`],
    'mã xác thực',
  );
  const signedIn = { ...ctx, actor: actorOf(user) };
  const byRecoveryCode = 'recoveryCode' in input;
  try {
    if (!byRecoveryCode) await spendCode(ctx, user, input.code);
    else if (!(await spendRecoveryCode(db, user.id, recoveryCodeHash(input.recoveryCode), ctx.now)))
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Mã khôi phục không đúng', [
        { path: 'recoveryCode', message: 'mã khôi phục không đúng hoặc đã được dùng' },
      ]);
  } catch (error) {
    await recordAudit(db, signedIn, {
      action: 'auth.secondFactor.failed',
      entityType: 'user',
      entityId: user.id,
    });
    throw error;
  }
  const expiresAt = new Date(ctx.now.getTime() + config.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await releaseCodeAttempt(tx, claim);
    if (!(await completeSecondFactor(tx, session.tokenHash, expiresAt)))
      throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Hãy đăng nhập lại');
    await recordAudit(tx, signedIn, {
      action: 'auth.secondFactor',
      entityType: 'user',
      entityId: user.id,
      after: byRecoveryCode
        ? { method: 'recoveryCode', recoveryCodesLeft: await countUnusedRecoveryCodes(tx, user.id) }
        : { method: 'totp' },
    });
  });
  return { user, expiresAt };
}
