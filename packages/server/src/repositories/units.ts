import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { periodUnitsQuery } from './period-queries.js';
import { unitLineage, units } from '../db/schema.js';
import { foldUnitChanges, unitRows } from './unit-rows.js';

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

/**
 * By key, as an array of unknown length (decision 0057): with `in (…)` PGlite, which keeps no
 * statistics, joined the view's whole change table for a list of 500 during a re-import.
 */
export async function findUnits(db: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(
      sql`${units.id} = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))`,
    );
}

/** A unit saved by hand: into the table under the view, over any change readers see of it. */
export async function upsertUnit(db: Db, unit: typeof units.$inferInsert): Promise<UnitRow> {
  const { id: _id, createdAt: _createdAt, ...changes } = unit;
  await foldUnitChanges(db, [unit.id]);
  const [row] = await db
    .insert(unitRows)
    .values(unit)
    .onConflictDoUpdate({ target: unitRows.id, set: changes })
    .returning();
  if (!row) throw new Error('upsert returned nothing');
  return asUnit(row);
}

export async function listLineage(db: Db): Promise<LineageRow[]> {
  return db.select().from(unitLineage);
}

/** The lineage rows of one unit (what it was formed from), by the table's key. */
export async function listLineageOf(db: Db, unitId: string): Promise<LineageRow[]> {
  return db.select().from(unitLineage).where(eq(unitLineage.unitId, unitId));
}

export async function insertLineage(
  db: Db,
  rows: (typeof unitLineage.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(unitLineage).values(rows).onConflictDoNothing();
}

/**
 * Inserts or updates many units in one statement, answering the rows as stored. The rows go as
 * ONE jsonb parameter read by `jsonb_to_recordset` (decision 0034): a VALUES list binds seven
 * parameters a row, which PGlite parses 3–4× slower than the one text.
 */
export async function upsertUnits(
  db: Db,
  rows: readonly (typeof units.$inferInsert)[],
  /** The created rows' created_at; the transaction's now() when not given. */
  createdAt?: Date,
): Promise<UnitRow[]> {
  if (rows.length === 0) return [];
  const records = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      parent_id: r.parentId ?? null,
      peer_group: r.peerGroup,
      active_from: r.activeFrom ?? null,
      active_to: r.activeTo ?? null,
    })),
  );
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  // The select lists every column in the table's order (drizzle inserts into all of them);
  // created_at is the default the VALUES path wrote, now(), unless an instant is given.
  const created =
    createdAt === undefined ? sql`now()` : sql`${createdAt.toISOString()}::timestamptz`;
  await foldUnitChanges(
    db,
    rows.map((r) => r.id),
  );
  const stored = await db
    .insert(unitRows)
    .select(
      sql`select r.id, r.name, r.type, r.parent_id, r.peer_group, r.active_from, r.active_to, ${created}, null::uuid
          from jsonb_to_recordset(${records}::jsonb)
            as r(id text, name text, type text, parent_id text, peer_group text,
                 active_from date, active_to date)`,
    )
    .onConflictDoUpdate({
      target: unitRows.id,
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
  return stored.map(asUnit);
}

/** A stored row as the view shows it (the import it came with is the view's business). */
function asUnit(row: typeof unitRows.$inferSelect): UnitRow {
  const { importId: _importId, ...unit } = row;
  return unit;
}

/**
 * The mirrors of `listLineageOf` and of `findUnits` as the lower units' feed calls it, for a
 * cached answer (decision 0051). The feed reads the parents of whatever units a source
 * publication names, whose type may have changed since: every unit row is counted, and only
 * for a framework that takes lower units' results ($4).
 */
export const LINEAGE_READ = xminFingerprint('lineage', 'unit_lineage', 't.unit_id = $2');
export const LOWER_UNITS_READ = xminFingerprint('lower units', 'unit_rows', '$4::boolean');
export const LOWER_UNIT_CHANGES_READ = xminFingerprint(
  'lower unit changes',
  'unit_changes',
  '$4::boolean',
);
