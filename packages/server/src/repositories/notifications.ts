import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { notificationPreferences, notifications } from '../db/schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;

export async function insertNotification(
  db: Db,
  values: Omit<NotificationRow, 'id' | 'readAt'>,
): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** One page of a person's notifications, newest first, with their total and unread counts. */
export async function listNotifications(
  db: Db,
  userId: string,
  page: { limit: number; offset: number; unreadOnly: boolean },
) {
  const mine = eq(notifications.userId, userId);
  const unread = and(mine, isNull(notifications.readAt));
  const items = await db
    .select()
    .from(notifications)
    .where(page.unreadOnly ? unread : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totals] = await db
    .select({ total: count() })
    .from(notifications)
    .where(page.unreadOnly ? unread : mine);
  return { items, total: totals?.total ?? 0, unread: await countUnread(db, userId) };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function findNotification(db: Db, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** Marks one of the person's own notifications read (kept as first read); undefined if not theirs. */
export async function markNotificationRead(db: Db, userId: string, id: string, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)),
    );
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

export async function markAllNotificationsRead(db: Db, userId: string, now: Date) {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function listPreferences(db: Db, userId: string): Promise<PreferenceRow[]> {
  return db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function upsertPreference(db: Db, values: PreferenceRow): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { inApp: values.inApp, email: values.email, updatedAt: values.updatedAt },
    });
}
