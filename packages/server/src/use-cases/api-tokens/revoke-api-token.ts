import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findApiToken, revokeApiTokenRow } from '../../repositories/api-tokens.js';
import { requireActor } from '../authorize.js';
import { auditedToken, presentApiToken, type PresentedApiToken } from './present-api-token.js';
import { reachableToken } from './token-place.js';

/** Revokes a token at once (again is harmless: the first revocation stands). */
export async function revokeApiToken(
  ctx: UseCaseContext,
  id: string,
): Promise<{ token: PresentedApiToken }> {
  const before = await reachableToken(ctx, id);
  const actor = requireActor(ctx);
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    const after = await revokeApiTokenRow(tx, id, ctx.now, actor.userId);
    if (after === undefined) return;
    await recordAudit(tx, ctx, {
      action: 'apiToken.revoke',
      entityType: 'apiToken',
      entityId: id,
      unitId: after.ownerUnitId ?? undefined,
      before: auditedToken(before),
      after: auditedToken(after),
    });
  });
  const row = (await findApiToken(db, id)) ?? before;
  const token = await presentApiToken(db, row, ctx.now);
  return { token };
}
