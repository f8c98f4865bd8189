import { isNotificationKind } from '@chiso/core';
import type { NotificationRow } from '../../repositories/notifications.js';

/** A notification as its reader gets it. */
export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    // Rows are written from the closed list of kinds; an unknown one reads as a closing reminder.
    kind: isNotificationKind(row.kind) ? row.kind : 'windowClosing',
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
