import type { UseCaseContext } from '../../context.js';
import { countUnread as count } from '../../repositories/notifications.js';
import { requireActor } from '../authorize.js';

/** How many of the signed-in person's notifications are not read (the bell). */
export async function countUnread(ctx: UseCaseContext) {
  const actor = requireActor(ctx);
  return { unread: await count(ctx.deps.db, actor.userId) };
}
