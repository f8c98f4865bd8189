import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importJobs, importRows } from '../db/schema.js';

// An import's checked rows waiting to be applied (decision 0045), and the job's commit point.

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
 * Takes (deletes and answers) the first `limit` rows of an import in their order: the
 * transaction that applies them removes them, so each row is applied once, crash or not.
 */
export async function takeImportRows(
  tx: Db,
  importId: string,
  limit: number,
): Promise<{ n: number; data: unknown }[]> {
  const result = await tx.execute(sql`
    delete from import_rows
     where import_id = ${importId}::uuid
       and n in (select n from import_rows where import_id = ${importId}::uuid order by n limit ${limit})
    returning n, data`);
  return (result as { rows: { n: number; data: unknown }[] }).rows.sort((a, b) => a.n - b.n);
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
