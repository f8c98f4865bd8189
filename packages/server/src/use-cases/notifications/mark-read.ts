import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { markNotificationRead } from '../../repositories/notifications.js';
import { requireActor } from '../authorize.js';
import { presentNotification } from './present-notification.js';

/**
 * Marks one of the person's notifications read. Another person's is "not found": its existence
 * is not told. Reading is not audited (it changes nothing anyone answers for).
 */
export async function markRead(ctx: UseCaseContext, id: string) {
  const actor = requireActor(ctx);
  const row = await markNotificationRead(ctx.deps.db, actor.userId, id, ctx.now);
  if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy thông báo');
  return presentNotification(row);
}
