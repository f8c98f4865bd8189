import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { storeTotpSecret } from '../../repositories/second-factor.js';
import { newTotpSecret, otpauthUri } from '../../security/totp.js';
import { offeredAccount } from './totp-account.js';

/**
 * A new TOTP secret for the signed-in person to scan (decision 0036). Two-factor sign-in is
 * not on yet: POST /auth/totp/enable with a code from the app turns it on. Audited (no secret).
 */
export async function setUpTotp(
  ctx: UseCaseContext,
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await offeredAccount(ctx);
  if (user.totpEnabledAt !== null) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Xác thực hai bước đang bật; hãy tắt trước khi cài lại trên thiết bị khác',
    );
  }
  const secret = newTotpSecret();
  await ctx.deps.db.transaction(async (tx) => {
    await storeTotpSecret(tx, user.id, secret);
    await recordAudit(tx, ctx, {
      action: 'auth.totp.setup',
      entityType: 'user',
      entityId: user.id,
    });
  });
  const issuer = ctx.deps.config.issuer ? `chiso ${ctx.deps.config.issuer}` : 'chiso';
  return { secret, otpauthUri: otpauthUri(secret, issuer, user.username) };
}
