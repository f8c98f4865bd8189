import type { UseCaseContext } from '../../context.js';
import { markAllNotificationsRead } from '../../repositories/notifications.js';
import { requireActor } from '../authorize.js';

/** Marks every notification of the person read. */
export async function markAllRead(ctx: UseCaseContext) {
  const actor = requireActor(ctx);
  const marked = await markAllNotificationsRead(ctx.deps.db, actor.userId, ctx.now);
  return { marked, unread: 0 };
}
