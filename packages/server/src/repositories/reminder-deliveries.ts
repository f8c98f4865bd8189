import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { reminderDeliveries } from '../db/schema.js';

export type DeliveryRow = typeof reminderDeliveries.$inferSelect;

/** Records a reminder as sent; false when its key was already taken (nothing is written). */
export async function insertDelivery(
  db: Db,
  values: Omit<DeliveryRow, 'emailClaimedAt' | 'emailSentAt' | 'emailAttempts' | 'emailError'>,
): Promise<boolean> {
  const rows = await db
    .insert(reminderDeliveries)
    .values(values)
    .onConflictDoNothing({ target: reminderDeliveries.key })
    .returning({ key: reminderDeliveries.key });
  return rows.length > 0;
}

/** The delivery points at what was shown in the app. */
export async function linkDeliveryNotification(db: Db, key: string, notificationId: string) {
  await db
    .update(reminderDeliveries)
    .set({ notificationId })
    .where(eq(reminderDeliveries.key, key));
}

export async function findDelivery(db: Db, key: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.key, key));
  return row;
}

/**
 * Takes the e-mail of a delivery to send it: pending, failed (the administrator retried the
 * job), or left "sending" since before `staleBefore` by a worker that stopped. Never one sent;
 * only one worker gets it.
 */
export async function claimDeliveryEmail(
  db: Db,
  key: string,
  now: Date,
  staleBefore: Date,
): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(reminderDeliveries)
    .set({
      emailStatus: 'sending',
      emailClaimedAt: now,
      emailAttempts: sql`${reminderDeliveries.emailAttempts} + 1`,
    })
    .where(
      and(
        eq(reminderDeliveries.key, key),
        or(
          inArray(reminderDeliveries.emailStatus, ['pending', 'failed']),
          and(
            eq(reminderDeliveries.emailStatus, 'sending'),
            lt(reminderDeliveries.emailClaimedAt, staleBefore),
          ),
        ),
      ),
    )
    .returning();
  return row;
}

export async function settleDeliveryEmail(
  db: Db,
  key: string,
  outcome: { status: 'sent'; at: Date } | { status: 'pending' | 'failed'; error: string },
): Promise<void> {
  await db
    .update(reminderDeliveries)
    .set(
      outcome.status === 'sent'
        ? { emailStatus: 'sent', emailSentAt: outcome.at, emailError: null }
        : { emailStatus: outcome.status, emailError: outcome.error },
    )
    .where(eq(reminderDeliveries.key, key));
}

export async function listDeliveries(db: Db): Promise<DeliveryRow[]> {
  return db.select().from(reminderDeliveries).orderBy(reminderDeliveries.key);
}
