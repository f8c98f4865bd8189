import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { sessions, totpRecoveryCodes, users } from '../db/schema.js';

// Two-factor sign-in and one's own password (decision 0036): the users' TOTP columns, the
// recovery codes, and the sessions a second factor completes.

/** Keeps a new secret while enrolling: two-factor stays off until a code proves the app has it. */
export async function storeTotpSecret(db: Db, userId: string, secret: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
}

/**
 * Spends a code's step in one statement: only a step later than the last one accepted is
 * taken, so that the same code (or an older one) cannot sign in twice, even at once.
 */
export async function spendTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function markTotpEnabled(db: Db, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ totpEnabledAt: at }).where(eq(users.id, userId));
}

/** Two-factor off: the secret and the recovery codes are forgotten. */
export async function clearTotp(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
}

/** A new set of recovery codes (their SHA-256), in place of any earlier set. */
export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await db.insert(totpRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends one unused recovery code in one statement; false when there is none such. */
export async function spendRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(totpRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(totpRecoveryCodes.userId, userId),
        eq(totpRecoveryCodes.codeHash, codeHash),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return row?.count ?? 0;
}

/** The second factor given: the session opens everything until it ends. */
export async function completeSecondFactor(
  db: Db,
  tokenHash: string,
  expiresAt: Date,
): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ pendingSecondFactor: false, method: 'password+totp', expiresAt })
    .where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.pendingSecondFactor, true)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length === 1;
}

/** Ends every session of a user but the one given (a changed password keeps its own browser). */
export async function deleteOtherSessions(db: Db, userId: string, keep: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)));
}

/** One's own new password: stamped, and no longer owed to an administrator's reset. */
export async function setOwnPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: at, mustChangePassword: false })
    .where(eq(users.id, userId));
}
