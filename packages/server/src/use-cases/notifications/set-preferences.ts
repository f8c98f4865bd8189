import type { NotificationKind } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listPreferences, upsertPreference } from '../../repositories/notifications.js';
import { requireActor } from '../authorize.js';
import { getPreferences } from './get-preferences.js';

/**
 * Sets the person's own channels for the kinds given (others keep theirs). Audited: whether
 * someone was told by e-mail is a question the administrator may have to answer.
 */
export async function setPreferences(
  ctx: UseCaseContext,
  choices: readonly { kind: NotificationKind; inApp: boolean; email: boolean }[],
) {
  const actor = requireActor(ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const before = await listPreferences(tx, actor.userId);
    for (const choice of choices) {
      await upsertPreference(tx, { userId: actor.userId, ...choice, updatedAt: ctx.now });
    }
    await recordAudit(tx, ctx, {
      action: 'notifications.preferences',
      entityType: 'user',
      entityId: actor.userId,
      before: before.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
      after: choices,
    });
  });
  return getPreferences(ctx);
}
