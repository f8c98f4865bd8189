import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importJobs, importRows } from '../db/schema.js';

// An import's checked rows waiting to be applied (decision 0045), the job's commit point, and
// the flip that shows a units import's rows (decision 0054).

/** Writes rows `first`, `first + 1`, … of an import as one jsonb parameter. */
export async function stageImportRows(
  db: Db,
  importId: string,
  first: number,
  rows: readonly unknown[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into import_rows (import_id, n, data)
    select ${importId}::uuid, ${first}::int + (r.i - 1)::int, r.data
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as r(data, i)`);
}

/**
 * The next `limit` rows of an import in their order, not counting the changes already set
 * aside for its last step (decision 0054).
 */
export async function nextImportRows(
  tx: Db,
  importId: string,
  limit: number,
): Promise<{ n: number; data: unknown }[]> {
  return tx
    .select({ n: importRows.n, data: importRows.data })
    .from(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.deferred, false)))
    .orderBy(asc(importRows.n))
    .limit(limit);
}

/**
 * In the transaction that applies rows `applied`, removes them (so each is applied once,
 * crash or not) and sets rows `deferred` aside for the import's last step.
 */
export async function settleImportRows(
  tx: Db,
  importId: string,
  applied: readonly number[],
  deferred: readonly number[],
): Promise<void> {
  const of = (ns: readonly number[]) =>
    and(eq(importRows.importId, importId), inArray(importRows.n, [...ns]));
  if (applied.length > 0) await tx.delete(importRows).where(of(applied));
  if (deferred.length > 0) await tx.update(importRows).set({ deferred: true }).where(of(deferred));
}

/** Takes (deletes and answers, in their order) the rows set aside for the last step. */
export async function takeDeferredRows(
  tx: Db,
  importId: string,
): Promise<{ n: number; data: unknown }[]> {
  const rows = await tx
    .delete(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.deferred, true)))
    .returning({ n: importRows.n, data: importRows.data });
  return rows.sort((a, b) => a.n - b.n);
}

/** The last step's flip: from this commit on, the `units` view shows the import's units. */
export async function markImportApplied(tx: Db, importId: string): Promise<void> {
  await tx
    .update(importJobs)
    .set({ appliedAt: sql`coalesce(${importJobs.appliedAt}, now())` })
    .where(eq(importJobs.id, importId));
}

export async function dropImportRows(db: Db, importId: string): Promise<void> {
  await db.delete(importRows).where(eq(importRows.importId, importId));
}

/**
 * The commit point: the import is decided once every row is staged. Answers the instant, the
 * database's own, that every created row gets; undefined when the job was asked to stop (a
 * cancel that came first wins, in the same statement).
 */
export async function commitImport(db: Db, importId: string): Promise<Date | undefined> {
  const [row] = await db
    .update(importJobs)
    .set({ committedAt: sql`now()` })
    .where(
      and(
        eq(importJobs.id, importId),
        eq(importJobs.state, 'running'),
        eq(importJobs.cancelRequested, false),
        isNull(importJobs.committedAt),
      ),
    )
    .returning({ at: importJobs.committedAt });
  return row?.at ?? undefined;
}

/** Imports left running by a process that stopped, with or without their commit point. */
export async function listInterruptedImports(db: Db) {
  return db
    .select({ id: importJobs.id, kind: importJobs.kind, committedAt: importJobs.committedAt })
    .from(importJobs)
    .where(eq(importJobs.state, 'running'));
}

/** Staged rows of imports that are not running (a finished job keeps none). */
export async function dropOrphanRows(db: Db): Promise<void> {
  const running = db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.state, 'running'));
  await db.delete(importRows).where(notInArray(importRows.importId, running));
}

/**
 * Adds a chunk's counts and rows to the job's answer so far, in the chunk's transaction: the
 * answer stays true across a crash and a resumed apply.
 */
export async function addAppliedCounts(
  tx: Db,
  importId: string,
  counts: { created: number; updated: number },
): Promise<void> {
  await tx.execute(sql`
    update import_jobs
       set result = jsonb_build_object(
             'created', coalesce((result->>'created')::int, 0) + ${counts.created}::int,
             'updated', coalesce((result->>'updated')::int, 0) + ${counts.updated}::int)
     where id = ${importId}::uuid`);
}
