import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { clearTotp } from '../../repositories/second-factor.js';
import { findUserById, presentUser } from '../../repositories/users.js';
import { authorizeIn, reachOf } from '../reach.js';
import { requireAccountInReach } from '../users/account-reach.js';
import { claimCodeAttempt, releaseCodeAttempt } from './code-attempts.js';
import { offeredAccount, spendCode } from './totp-account.js';

/** Turns one's own two-factor sign-in off, with a current code of the app. Audited. */
export async function disableOwnTotp(ctx: UseCaseContext, code: string): Promise<void> {
  const user = await offeredAccount(ctx);
  if (user.totpEnabledAt === null)
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Xác thực hai bước chưa bật');
  const claim = await claimCodeAttempt(ctx, [`totp:account:${user.id}`], 'mã xác thực');
  await spendCode(ctx, user, code);
  await ctx.deps.db.transaction(async (tx) => {
    await releaseCodeAttempt(tx, claim);
    await clearTotp(tx, user.id);
    await recordAudit(tx, ctx, {
      action: 'auth.totp.disable',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/**
 * An administrator turns someone's two-factor sign-in off (a lost phone and lost recovery
 * codes), within their reach as for any change of an account. Audited as the administrator's.
 */
export async function disableTotpOf(ctx: UseCaseContext, userId: string): Promise<void> {
  await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const { db } = ctx.deps;
  const user = await findUserById(db, userId);
  if (!user) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài khoản');
  requireAccountInReach(await reachOf(ctx), presentUser(user).role, user.unitId);
  if (user.totpSecret === null)
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Tài khoản này chưa bật xác thực hai bước');
  await db.transaction(async (tx) => {
    await clearTotp(tx, user.id);
    await recordAudit(tx, ctx, {
      action: 'user.totp.disable',
      entityType: 'user',
      entityId: user.id,
      before: { totpEnabledAt: user.totpEnabledAt },
    });
  });
}
