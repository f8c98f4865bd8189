import { DomainError, ERROR_CODES, type ApiTokenScope } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertApiToken } from '../../repositories/api-tokens.js';
import { newApiSecret, tokenHash } from '../../security/tokens.js';
import { authorizeIn, isSubtreeSecretariat } from '../reach.js';
import { auditedToken, presentApiToken, type PresentedApiToken } from './present-api-token.js';
import { endOfVietnamDay } from './token-place.js';

/**
 * Issues a token for a source system, owned by the administrator's secretariat (a district's
 * Phòng Nội vụ, or the install's). The secret is returned this once; only its hash is kept.
 */
export async function issueApiToken(
  ctx: UseCaseContext,
  input: { name: string; scopes: readonly ApiTokenScope[]; expiresOn?: string | undefined },
): Promise<{ token: PresentedApiToken; secret: string }> {
  const actor = await authorizeIn(ctx, 'manageStatistics', 'ownSecretariat');
  let expiresAt: Date | null = null;
  if (input.expiresOn !== undefined) {
    const end = endOfVietnamDay(input.expiresOn);
    if (end === undefined || end.getTime() <= ctx.now.getTime()) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Ngày hết hạn phải sau hôm nay', [
        { path: 'expiresOn', field: 'Hết hạn', message: 'Ngày hết hạn đã qua' },
      ]);
    }
    expiresAt = end;
  }
  const { secret, prefix } = newApiSecret();
  const db = ctx.deps.db;
  const row = await db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, {
      name: input.name,
      tokenHash: tokenHash(secret),
      prefix,
      scopes: [...new Set(input.scopes)],
      ownerUnitId: isSubtreeSecretariat(actor) ? actor.unitId : null,
      createdAt: ctx.now,
      createdBy: actor.userId,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'apiToken.issue',
      entityType: 'apiToken',
      entityId: inserted.id,
      unitId: inserted.ownerUnitId ?? undefined,
      after: auditedToken(inserted),
    });
    return inserted;
  });
  const token = await presentApiToken(db, row, ctx.now);
  return { token, secret };
}
