import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { deleteSession } from '../../repositories/sessions.js';
import { tokenHash } from '../../security/tokens.js';

export async function signOut(ctx: UseCaseContext, token: string): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash(token));
    if (ctx.actor) {
      await recordAudit(tx, ctx, {
        action: 'auth.signOut',
        entityType: 'user',
        entityId: ctx.actor.userId,
      });
    }
  });
}
