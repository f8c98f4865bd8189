import { apiTokenWorks, DomainError, ERROR_CODES, scopesOf } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findSuccessor, insertApiToken, updateApiToken } from '../../repositories/api-tokens.js';
import { newApiSecret, tokenHash } from '../../security/tokens.js';
import { requireActor } from '../authorize.js';
import { auditedToken, presentApiToken, type PresentedApiToken } from './present-api-token.js';
import { reachableToken } from './token-place.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a new secret in place of a working token (same name, scopes, owner and expiry); the
 * old one keeps working for `graceDays` (0: it stops at once) so the source system can switch.
 * The new secret is returned this once.
 */
export async function rotateApiToken(
  ctx: UseCaseContext,
  input: { id: string; graceDays: number },
): Promise<{ token: PresentedApiToken; secret: string }> {
  const old = await reachableToken(ctx, input.id);
  const actor = requireActor(ctx);
  const db = ctx.deps.db;
  const { secret, prefix } = newApiSecret();
  const row = await db.transaction(async (tx) => {
    const successor = await findSuccessor(tx, old.id);
    const state = {
      expiresAt: old.expiresAt?.getTime() ?? null,
      revokedAt: old.revokedAt?.getTime() ?? null,
      replaced: successor !== undefined,
    };
    if (successor !== undefined || !apiTokenWorks(state, ctx.now.getTime())) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        successor !== undefined
          ? `Mã ${old.prefix} đã được thay bằng mã ${successor.prefix}; hãy đổi mã mới`
          : `Mã ${old.prefix} đã hết hạn hoặc đã bị thu hồi; hãy cấp mã mới`,
      );
    }
    const inserted = await insertApiToken(tx, {
      name: old.name,
      tokenHash: tokenHash(secret),
      prefix,
      scopes: scopesOf(old.scopes),
      ownerUnitId: old.ownerUnitId,
      createdAt: ctx.now,
      createdBy: actor.userId,
      expiresAt: old.expiresAt,
      rotatedFromId: old.id,
    });
    const graceEnd = new Date(ctx.now.getTime() + input.graceDays * DAY_MS);
    const ended = await updateApiToken(
      tx,
      old.id,
      input.graceDays === 0
        ? { revokedAt: ctx.now, revokedBy: actor.userId }
        : {
            expiresAt:
              old.expiresAt !== null && old.expiresAt.getTime() < graceEnd.getTime()
                ? old.expiresAt
                : graceEnd,
          },
    );
    await recordAudit(tx, ctx, {
      action: 'apiToken.rotate',
      entityType: 'apiToken',
      entityId: old.id,
      unitId: old.ownerUnitId ?? undefined,
      before: auditedToken(old),
      after: { ...auditedToken(ended), graceDays: input.graceDays, replacedBy: inserted.id },
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
