import { ROLES, type Role } from '@chiso/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CurrentActor } from '../context.js';
import type { Db } from '../db/database.js';
import { users } from '../db/schema.js';

export type UserRow = typeof users.$inferSelect;

export interface PublicUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  officeId: string | null;
  email: string | null;
  active: boolean;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A user without the password hash: the only form that leaves the repository layer's callers. */
export function presentUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: isRole(row.role) ? row.role : 'viewer',
    unitId: row.unitId,
    officeId: row.officeId,
    email: row.email,
    active: row.active,
  };
}

/** The actor a user row signs in as. */
export function actorOf(row: UserRow): CurrentActor {
  const user = presentUser(row);
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId ?? undefined,
    officeId: user.officeId ?? undefined,
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

export async function insertUser(
  db: Db,
  user: {
    username: string;
    fullName: string;
    passwordHash: string;
    role: Role;
    unitId: string | null;
    officeId?: string | null;
    email?: string | null;
    passwordChangedAt?: Date | null;
    mustChangePassword?: boolean;
  },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...user, username: user.username.toLowerCase() })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<
    Pick<
      UserRow,
      | 'fullName'
      | 'role'
      | 'unitId'
      | 'email'
      | 'active'
      | 'passwordHash'
      | 'passwordChangedAt'
      | 'mustChangePassword'
    >
  >,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

export async function countActiveAdministrators(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'administrator'), eq(users.active, true)));
  return row?.count ?? 0;
}

/** Which of these user names are taken (lower-case), in one query. */
export async function takenUsernames(db: Db, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, [...usernames]));
  return new Set(rows.map((r) => r.username));
}

/** Creates many accounts in one statement (an import), answering the rows in order. */
export async function insertUsers(
  db: Db,
  rows: readonly (Parameters<typeof insertUser>[1] & { unitId: string | null })[],
): Promise<UserRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(users)
    .values(rows.map((user) => ({ ...user, username: user.username.toLowerCase() })))
    .returning();
}
