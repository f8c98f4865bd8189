import { sql } from 'drizzle-orm';
import { date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.js';
import type { Db } from '../db/database.js';
import type { units } from '../db/schema.js';

// The table under the `units` view and its change rows (decisions 0054, 0057). The view
// joins `unit_changes`, so it cannot be written through: every write of a unit comes here.
// Not in the schema drizzle-kit reads (which declares `units`, migration 0015): a table of
// the same name there would be a second one to create.

export const unitRows = pgTable('unit_rows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  parentId: text('parent_id'),
  peerGroup: text('peer_group').notNull(),
  activeFrom: date('active_from'),
  activeTo: date('active_to'),
  createdAt: createdAt(),
  importId: uuid('import_id'),
});

/** The imports the view hides the rows and changes of: decided, not yet applied. */
const UNAPPLIED = sql.raw(
  '(select id from import_jobs where committed_at is not null and applied_at is null)',
);

/** The change's values into the unit's row, for the change rows `taken` (a CTE) answers. */
const FOLD = sql.raw(`
    update unit_rows r
       set name = t.name, type = t.type, parent_id = t.parent_id, peer_group = t.peer_group,
           active_from = t.active_from, active_to = t.active_to
      from taken t where r.id = t.unit_id`);

// Keys are matched with `= any(array(…))`: PGlite has no statistics, and with `in (…)` the
// planner hashed the whole change table (100.000 rows) for 500 keys; an array of unknown
// length is taken as small, so each key is an index probe (31 against 240 ms a chunk).

/**
 * Before a write of units `ids`: the changes readers see for them (their import applied) go
 * into their rows and are deleted, so the write starts from what readers see and nothing
 * shadows it after. A change of an import not yet applied stays: it is shown when its import
 * is, over the write (as a change written at the flip would have been, decision 0054).
 */
export async function foldUnitChanges(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    with taken as (
      delete from unit_changes c
       where c.unit_id = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))
         and c.import_id not in ${UNAPPLIED}
      returning c.*)
    ${FOLD}`);
}

/**
 * One chunk of the compaction after an import's flip (decision 0057): up to `limit` changes
 * of an applied import (`importId`'s, or any; in no order: a sort would read them all) go
 * into their rows and are deleted, in one statement; readers see the same values before and
 * after. Answers how many.
 */
export async function compactUnitChanges(
  db: Db,
  limit: number,
  importId?: string,
): Promise<number> {
  const ofImport = importId === undefined ? sql`` : sql`and import_id = ${importId}::uuid`;
  const result = await db.execute(sql`
    with picked as (
      select unit_id from unit_changes
       where import_id not in ${UNAPPLIED} ${ofImport}
       limit ${limit}),
    taken as (
      delete from unit_changes c using picked p where c.unit_id = p.unit_id returning c.*),
    folded as (${FOLD} returning 1)
    select count(*)::int as n from taken`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/**
 * Writes the changes import `importId` makes to units that exist, hidden until its flip. A
 * change an applied import left unfolded is folded first (readers see it; the new one would
 * hide it); one of another import not yet applied is replaced: on PGlite imports run one at a
 * time, so that cannot happen there, and on PostgreSQL imports write their rows directly.
 */
export async function writeUnitChanges(
  db: Db,
  importId: string,
  rows: readonly (typeof units.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await foldUnitChanges(
    db,
    rows.map((r) => r.id),
  );
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
  await db.execute(sql`
    insert into unit_changes
      (unit_id, import_id, name, type, parent_id, peer_group, active_from, active_to)
    select r.id, ${importId}::uuid, r.name, r.type, r.parent_id, r.peer_group, r.active_from,
           r.active_to
      from jsonb_to_recordset(${records}::jsonb)
        as r(id text, name text, type text, parent_id text, peer_group text,
             active_from date, active_to date)
    on conflict (unit_id) do update
       set import_id = excluded.import_id, name = excluded.name, type = excluded.type,
           parent_id = excluded.parent_id, peer_group = excluded.peer_group,
           active_from = excluded.active_from, active_to = excluded.active_to`);
}
