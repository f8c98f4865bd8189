import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rateCounters, userIdentities, users } from '../db/schema.js';
import type { UserRow } from './users.js';

// Accounts' identities at the OpenID Connect provider (decision 0037), and the pending sign-ins
// kept on rate_counters between the start and the callback.

/** The account an identity (issuer, subject) is linked to, if any. */
export async function findLinkedUser(
  db: Db,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row?.user;
}

/** The subject an account is linked to at an issuer, if it is. */
export async function linkedSubject(
  db: Db,
  userId: string,
  issuer: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ subject: userIdentities.subject })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, issuer)));
  return row?.subject;
}

/** Every account with this e-mail address, compared without case. */
export async function findUsersByEmail(db: Db, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

/**
 * Links an identity to an account; false if the identity was linked meanwhile (the unique
 * (issuer, subject) keeps one link whatever runs at once).
 */
export async function insertIdentity(
  db: Db,
  identity: { userId: string; issuer: string; subject: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(userIdentities)
    .values({
      userId: identity.userId,
      issuer: identity.issuer,
      subject: identity.subject,
      createdAt: identity.now,
      lastUsedAt: identity.now,
    })
    .onConflictDoNothing()
    .returning({ id: userIdentities.id });
  return rows.length === 1;
}

export async function touchIdentity(
  db: Db,
  issuer: string,
  subject: string,
  now: Date,
): Promise<void> {
  await db
    .update(userIdentities)
    .set({ lastUsedAt: now })
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
}

/** Forgets pending sign-ins begun before `before` (spent or not: they can no longer be redeemed). */
export async function deleteStaleFlows(db: Db, before: Date): Promise<void> {
  await db
    .delete(rateCounters)
    .where(
      sql`${rateCounters.key} like 'oidc-flow:%' and ${rateCounters.windowStart} < ${before.toISOString()}::timestamptz`,
    );
}
