import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periodUnitsQuery } from './period-queries.js';
import { unitLineage, units } from '../db/schema.js';

export type UnitRow = typeof units.$inferSelect;
export type LineageRow = typeof unitLineage.$inferSelect;

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(asc(units.type), asc(units.name));
}

/** The units taking part in a period (the results read only these, never the whole table). */
export async function listPeriodUnits(db: Db, periodId: string): Promise<UnitRow[]> {
  return periodUnitsQuery(db, periodId);
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

export async function findUnits(db: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export async function upsertUnit(db: Db, unit: typeof units.$inferInsert): Promise<UnitRow> {
  const { id: _id, createdAt: _createdAt, ...changes } = unit;
  const [row] = await db
    .insert(units)
    .values(unit)
    .onConflictDoUpdate({ target: units.id, set: changes })
    .returning();
  if (!row) throw new Error('upsert returned nothing');
  return row;
}

export async function updateUnit(
  db: Db,
  id: string,
  changes: Partial<Omit<UnitRow, 'id' | 'createdAt'>>,
): Promise<UnitRow | undefined> {
  const [row] = await db.update(units).set(changes).where(eq(units.id, id)).returning();
  return row;
}

export async function listLineage(db: Db): Promise<LineageRow[]> {
  return db.select().from(unitLineage);
}

export async function insertLineage(
  db: Db,
  rows: (typeof unitLineage.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(unitLineage).values(rows).onConflictDoNothing();
}

/** Inserts or updates many units in one statement, answering the rows as stored. */
export async function upsertUnits(
  db: Db,
  rows: readonly (typeof units.$inferInsert)[],
): Promise<UnitRow[]> {
  if (rows.length === 0) return [];
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  return db
    .insert(units)
    .values([...rows])
    .onConflictDoUpdate({
      target: units.id,
      set: {
        name: excluded('name'),
        type: excluded('type'),
        parentId: excluded('parent_id'),
        peerGroup: excluded('peer_group'),
        activeFrom: excluded('active_from'),
        activeTo: excluded('active_to'),
      },
    })
    .returning();
}
