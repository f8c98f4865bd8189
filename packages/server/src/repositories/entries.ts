import { DomainError, ERROR_CODES } from '@chiso/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { periodEntriesQuery } from './period-queries.js';
import { entries } from '../db/schema.js';

export type EntryRow = typeof entries.$inferSelect;
export type EntryChanges = Partial<Omit<EntryRow, 'periodId' | 'unitId' | 'code' | 'version'>>;

export async function listEntries(db: Db, periodId: string, unitId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(entries)
    .where(and(eq(entries.periodId, periodId), eq(entries.unitId, unitId)))
    .orderBy(asc(entries.code));
}

export async function listPeriodEntries(db: Db, periodId: string): Promise<EntryRow[]> {
  return periodEntriesQuery(db, periodId);
}

export async function findEntry(
  db: Db,
  periodId: string,
  unitId: string,
  code: string,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(entries)
    .where(and(eq(entries.periodId, periodId), eq(entries.unitId, unitId), eq(entries.code, code)));
  return row;
}

const conflict = () =>
  new DomainError(
    ERROR_CODES.CONFLICT,
    'Tiêu chí này vừa được người khác cập nhật. Hãy tải lại để xem thay đổi rồi lưu lại.',
  );

/**
 * Writes an entry if it is still at the version the caller saw (0 when it did not exist yet):
 * of two people saving the same leaf at once, the second is refused, never silently lost.
 */
export async function writeEntry(
  db: Db,
  key: { periodId: string; unitId: string; code: string },
  expectedVersion: number,
  changes: EntryChanges,
): Promise<EntryRow> {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(entries)
      .values({ ...key, ...changes, version: 1 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict();
    return row;
  }
  const [row] = await db
    .update(entries)
    .set({ ...changes, version: sql`${entries.version} + 1` })
    .where(
      and(
        eq(entries.periodId, key.periodId),
        eq(entries.unitId, key.unitId),
        eq(entries.code, key.code),
        eq(entries.version, expectedVersion),
      ),
    )
    .returning();
  if (!row) throw conflict();
  return row;
}

/** The mirror of `listEntries` for a cached answer (decision 0051). */
export const ENTRIES_READ = xminFingerprint(
  'entries',
  'entries',
  't.period_id = $1 AND t.unit_id = $2',
);
