import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { markTotpEnabled, replaceRecoveryCodes } from '../../repositories/second-factor.js';
import { claimCodeAttempt, releaseCodeAttempt } from './code-attempts.js';
import { newRecoveryCodes, offeredAccount, recoveryCodeHash, spendCode } from './totp-account.js';

/**
 * Turns two-factor sign-in on once a code proves the app holds the secret, and gives the ten
 * recovery codes, shown this once (only their SHA-256 is kept). Audited.
 */
export async function enableTotp(
  ctx: UseCaseContext,
  code: string,
): Promise<{ enabledAt: Date; recoveryCodes: string[] }> {
  const user = await offeredAccount(ctx);
  if (user.totpEnabledAt !== null)
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Xác thực hai bước đã bật');
  if (user.totpSecret === null) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Chưa có mã bí mật: hãy bấm "Bắt đầu cài đặt" và quét mã QR trước',
    );
  }
  const claim = await claimCodeAttempt(ctx, [`totp:account:${user.id}`], 'mã xác thực');
  await spendCode(ctx, user, code);
  const recoveryCodes = newRecoveryCodes();
  await ctx.deps.db.transaction(async (tx) => {
    await releaseCodeAttempt(tx, claim);
    await markTotpEnabled(tx, user.id, ctx.now);
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(recoveryCodeHash));
    await recordAudit(tx, ctx, {
      action: 'auth.totp.enable',
      entityType: 'user',
      entityId: user.id,
      after: { recoveryCodes: recoveryCodes.length },
    });
  });
  return { enabledAt: ctx.now, recoveryCodes };
}
