import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Journal {
  entries: { when: number }[];
}

/** One statement's rows, from either driver (PGlite's client or a pg pool). */
export type RawQuery = (sql: string) => Promise<{ rows: unknown[] }>;

/** PostgreSQL's codes for a missing table and a missing schema: a database never migrated. */
const NEVER_MIGRATED = new Set(['42P01', '3F000']);

/**
 * Whether the database already holds the last committed migration. drizzle's migrator applies
 * every migration newer than the newest it recorded (by the journal's `when`), so such a
 * database has nothing to apply; asking is one query against the journal shipped beside the
 * code, where the migrator reads and hashes every file and sends its own statements (0052).
 */
export async function isMigrated(query: RawQuery, migrationsFolder: string): Promise<boolean> {
  const journal = JSON.parse(
    await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const last = Math.max(...journal.entries.map((entry) => entry.when));
  let rows: unknown[];
  try {
    ({ rows } = await query(
      'SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations',
    ));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_MIGRATED.has(code)) return false;
    throw error;
  }
  const recorded = (rows[0] as { last: string | null } | undefined)?.last;
  return recorded !== null && recorded !== undefined && Number(recorded) >= last;
}
