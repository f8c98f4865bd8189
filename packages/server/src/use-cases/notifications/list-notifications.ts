import type { UseCaseContext } from '../../context.js';
import { listNotifications as readPage } from '../../repositories/notifications.js';
import { requireActor } from '../authorize.js';
import { presentNotification } from './present-notification.js';

/** A page of the signed-in person's own notifications; nobody reads another's. */
export async function listNotifications(
  ctx: UseCaseContext,
  page: { limit: number; offset: number; unreadOnly: boolean },
) {
  const actor = requireActor(ctx);
  const { items, total, unread } = await readPage(ctx.deps.db, actor.userId, page);
  return { items: items.map(presentNotification), total, unread };
}
