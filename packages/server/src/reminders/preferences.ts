import { NOTIFICATION_KINDS, type NotificationKind } from '@chiso/core';
import type { Db } from '../db/database.js';
import { listPreferences } from '../repositories/notifications.js';

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/**
 * A person's channels per kind: what they chose, else in-app on and e-mail on when the server
 * can send e-mail. Without SMTP, e-mail is off whatever was chosen.
 */
export async function channelsOf(
  db: Db,
  userId: string,
  mailConfigured: boolean,
): Promise<Record<NotificationKind, Channels>> {
  const chosen = new Map((await listPreferences(db, userId)).map((p) => [p.kind, p]));
  const result = {} as Record<NotificationKind, Channels>;
  for (const kind of NOTIFICATION_KINDS) {
    const row = chosen.get(kind);
    result[kind] = {
      inApp: row?.inApp ?? true,
      email: mailConfigured && (row?.email ?? true),
    };
  }
  return result;
}
