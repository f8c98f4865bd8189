import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { apiTokens, users } from '../db/schema.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(
  db: Db,
  values: typeof apiTokens.$inferInsert,
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Every token, newest first (lists filter them by the secretariat's reach). */
export async function listApiTokenRows(db: Db): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

/** The token whose secret has this SHA-256 (unique), for authentication. */
export async function findApiTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

/** The token issued in place of this one by a rotation, if any. */
export async function findSuccessor(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.rotatedFromId, id));
  return row;
}

/** Ends a token: at an instant (revocation) or by an earlier expiry (a rotation's grace). */
export async function updateApiToken(
  db: Db,
  id: string,
  set: Partial<Pick<ApiTokenRow, 'expiresAt' | 'revokedAt' | 'revokedBy' | 'lastUsedAt'>>,
): Promise<ApiTokenRow> {
  const [row] = await db.update(apiTokens).set(set).where(eq(apiTokens.id, id)).returning();
  if (!row) throw new Error('token update returned nothing');
  return row;
}

/** Revokes the token unless it already is (two revocations at once write one). */
export async function revokeApiTokenRow(
  db: Db,
  id: string,
  at: Date,
  by: string | null,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** Names of the accounts that issued tokens, by id. */
export async function accountNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, username: users.username })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, `${row.fullName} (${row.username})`]));
}
