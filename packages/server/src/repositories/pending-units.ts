import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { units } from '../db/schema.js';
import type { UnitRow } from './units.js';

// The table under the `units` view (migration 0015, decision 0054). Every reader asks the
// view; a staged units import adds here the units that the view hides until the import's
// flip sets `import_jobs.applied_at` (its changes of units that exist: unit-rows.ts, 0057).

/** Which of `ids` are units already, visible or written by an import not yet applied. */
export async function storedUnitIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.execute(sql`
    select id from unit_rows
     where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  return new Set((result as { rows: { id: string }[] }).rows.map((row) => row.id));
}

/**
 * Adds units of import `importId`, hidden by the view until the import is applied, created at
 * `createdAt` (the decision's instant, one for the whole import). One jsonb parameter, as
 * `upsertUnits` (decision 0034); answers the rows as the view will show them.
 */
export async function insertPendingUnits(
  db: Db,
  importId: string,
  rows: readonly (typeof units.$inferInsert)[],
  createdAt: Date,
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
  const result = await db.execute(sql`
    insert into unit_rows
      (id, name, type, parent_id, peer_group, active_from, active_to, created_at, import_id)
    select r.id, r.name, r.type, r.parent_id, r.peer_group, r.active_from, r.active_to,
           ${createdAt.toISOString()}::timestamptz, ${importId}::uuid
      from jsonb_to_recordset(${records}::jsonb)
        as r(id text, name text, type text, parent_id text, peer_group text,
             active_from date, active_to date)
    returning id, name, type, parent_id, peer_group,
              active_from::text as active_from, active_to::text as active_to`);
  // Dates as text, as drizzle's `date` columns give them, whichever driver answers.
  return (result as { rows: PendingRow[] }).rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    parentId: row.parent_id,
    peerGroup: row.peer_group,
    activeFrom: row.active_from,
    activeTo: row.active_to,
    createdAt,
  }));
}

interface PendingRow {
  id: string;
  name: string;
  type: string;
  parent_id: string | null;
  peer_group: string;
  active_from: string | null;
  active_to: string | null;
}
