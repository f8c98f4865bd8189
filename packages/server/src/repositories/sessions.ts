import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { runRaw, type RawStatement } from '../db/raw-statement.js';
import { sessions } from '../db/schema.js';

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

/** A live session and the account it signs in as: what every signed-in request needs. */
export interface LiveSession {
  csrfToken: string;
  expiresAt: Date;
  pendingSecondFactor: boolean;
  userId: string;
  username: string;
  fullName: string;
  role: string;
  unitId: string | null;
  officeId: string | null;
  /** The account's flag, for a session opened by password only (decision 0056). */
  mustChangePassword: boolean;
  /**
   * The database's snapshot this was read under: a cached answer proven under the same
   * snapshot is current without another statement (decision 0061).
   */
  snapshot: string;
}

// Every request of a signed-in person runs it: one statement, its SQL written once (0050). The
// expiry comes as epoch milliseconds and the booleans as t/f, the same text on both drivers.
// The password an administrator set holds only a session opened with it: an OpenID Connect
// session used no password, so it is not held, and the flag waits for a password sign-in (0056).
const LIVE_SESSION: RawStatement = {
  name: 'chiso_live_session',
  text: `select s.csrf_token, (extract(epoch from s.expires_at) * 1000)::float8,
  s.pending_second_factor, u.id, u.username, u.full_name, u.role, u.unit_id, u.office_id,
  u.must_change_password and s.method = 'password', pg_current_snapshot()::text
from sessions s join users u on u.id = s.user_id
where s.token_hash = $1 and s.expires_at > $2::timestamptz and u.active`,
};

/**
 * The live session for a token hash, with its user, if neither has expired nor been disabled.
 * Read on the database handle itself (not in a transaction), on the hot path of every request.
 */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
  prepared: boolean,
): Promise<LiveSession | undefined> {
  const [row] = await runRaw(db, LIVE_SESSION, [tokenHash, now.toISOString()], prepared);
  if (!row) return undefined;
  const [
    csrf,
    expiresMs,
    pending,
    userId,
    username,
    fullName,
    role,
    unitId,
    officeId,
    mustChange,
    snapshot,
  ] = row;
  return {
    csrfToken: csrf ?? '',
    expiresAt: new Date(Number(expiresMs)),
    pendingSecondFactor: pending === 't',
    userId: userId ?? '',
    username: username ?? '',
    fullName: fullName ?? '',
    role: role ?? '',
    unitId: unitId ?? null,
    officeId: officeId ?? null,
    mustChangePassword: mustChange === 't',
    snapshot: snapshot ?? '',
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
