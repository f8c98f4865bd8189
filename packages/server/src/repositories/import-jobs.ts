import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { LOCKS } from '../db/advisory-lock.js';
import type { Db } from '../db/database.js';
import { postgresPool } from '../db/raw-statement.js';
import { importJobs } from '../db/schema.js';
import { dropImportFile } from './import-files.js';
import { dropImportRows } from './import-rows.js';

// Imports run as background jobs (decision 0034): the upload, the progress the web app polls
// and the cancel flag the job reads between batches.

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobChanges = Partial<
  Pick<
    ImportJobRow,
    | 'state'
    | 'phase'
    | 'totalRows'
    | 'doneRows'
    | 'result'
    | 'problems'
    | 'startedAt'
    | 'finishedAt'
  >
>;

/**
 * The job's row, `receiving` while its file's pieces are stored under it (decision 0058): no one
 * reads it (the requester has no id yet) and no queue runs it until `markImportQueued`.
 */
export async function insertReceivingImport(
  db: Db,
  values: Pick<ImportJobRow, 'id' | 'kind' | 'requestedBy' | 'unitId' | 'parameters' | 'fileName'>,
): Promise<void> {
  // created_at on the database's clock until queued: what the start's cleanup compares.
  await db.insert(importJobs).values({ ...values, state: 'receiving' });
}

/** The whole file is in: the job waits for the queue, created at `now` as its requester sees. */
export async function markImportQueued(db: Db, id: string, now: Date): Promise<ImportJobRow> {
  const [row] = await db
    .update(importJobs)
    .set({ state: 'queued', createdAt: now })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'receiving')))
    .returning();
  if (!row) throw new Error(`import ${id} is not receiving`);
  return row;
}

/** An upload that will not become a job: its row goes, and its pieces with it (cascade). */
export async function dropReceivingImport(db: Db, id: string): Promise<void> {
  await db.delete(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.state, 'receiving')));
}

/** The job without its file (the progress and the answer). */
export async function findImportJob(db: Db, id: string) {
  const [row] = await db
    .select({
      id: importJobs.id,
      kind: importJobs.kind,
      state: importJobs.state,
      requestedBy: importJobs.requestedBy,
      unitId: importJobs.unitId,
      parameters: importJobs.parameters,
      fileName: importJobs.fileName,
      phase: importJobs.phase,
      totalRows: importJobs.totalRows,
      doneRows: importJobs.doneRows,
      cancelRequested: importJobs.cancelRequested,
      result: importJobs.result,
      problems: importJobs.problems,
      createdAt: importJobs.createdAt,
      startedAt: importJobs.startedAt,
      committedAt: importJobs.committedAt,
      appliedAt: importJobs.appliedAt,
      finishedAt: importJobs.finishedAt,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row;
}
export type ImportJobView = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;

/**
 * How long a running job's server vouches for it, renewed every `IMPORT_LEASE_RENEW_MS` (decision
 * 0058): a stalled event loop must miss several renewals before another server fails the job.
 */
export const IMPORT_LEASE = '2 minutes';
export const IMPORT_LEASE_RENEW_MS = 20_000;
const leaseFromNow = sql`now() + ${IMPORT_LEASE}::interval`;

/**
 * Marks a queued job running, with its lease; false when it was cancelled or taken already (a
 * job runs once). Its file is read from `import_file_chunks` (decision 0055).
 */
export async function startImportJob(db: Db, id: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(importJobs)
    .set({ state: 'running', phase: 'reading', startedAt: now, leaseUntil: leaseFromNow })
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.state, 'queued'),
        eq(importJobs.cancelRequested, false),
      ),
    )
    .returning({ id: importJobs.id });
  return row !== undefined;
}

/** Cancels a job that has not started, dropping its file. */
export async function cancelQueuedImport(db: Db, id: string, now: Date): Promise<void> {
  const rows = await db
    .update(importJobs)
    .set({ state: 'cancelled', finishedAt: now })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'queued')))
    .returning({ id: importJobs.id });
  if (rows.length > 0) await dropImportFile(db, id);
}

/** The jobs waiting for the queue, oldest first. */
export async function listQueuedImports(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.state, 'queued'))
    .orderBy(importJobs.createdAt);
  return rows.map((row) => row.id);
}

/** This server still runs the job: its lease is extended. */
export async function renewImportLease(db: Db, id: string): Promise<void> {
  await db
    .update(importJobs)
    .set({ leaseUntil: leaseFromNow })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'running')));
}

/**
 * Ends the running jobs whose lease has lapsed (their server died: decision 0058) with
 * `changes`, dropping their file's pieces and staged rows, in one transaction; a job past its
 * commit point is left running (it is completed, not failed: decision 0045) and its id answered
 * among `decided`. Each lapsed job is taken by one sweeper only (the update's row lock).
 */
export async function endLapsedImports(
  db: Db,
  changes: ImportJobChanges,
): Promise<{ failed: string[]; decided: string[] }> {
  // A lapsed lease is not enough: the run's lock still held means its server is alive (its event
  // loop stalled past the lease, say) and its transaction may yet commit. Last, so that only a
  // lapsed running job is tried; held by this transaction until it ends.
  const lapsed = and(
    eq(importJobs.state, 'running'),
    lt(importJobs.leaseUntil, sql`now()`),
    sql`pg_try_advisory_xact_lock(${LOCKS.importRuns}, hashtext(${importJobs.id}::text))`,
  );
  return db.transaction(async (tx) => {
    const failed = await tx
      .update(importJobs)
      .set({ ...changes, leaseUntil: null })
      .where(and(lapsed, isNull(importJobs.committedAt)))
      .returning({ id: importJobs.id });
    for (const { id } of failed) {
      await dropImportRows(tx, id);
      await dropImportFile(tx, id);
    }
    const decided = await tx
      .update(importJobs)
      .set({ leaseUntil: leaseFromNow })
      .where(and(lapsed, sql`${importJobs.committedAt} is not null`))
      .returning({ id: importJobs.id });
    return { failed: failed.map((r) => r.id), decided: decided.map((r) => r.id) };
  });
}

/**
 * Holds the import's run lock on a connection of its own for as long as its server runs it
 * (PostgreSQL): the connection, hence the lock, ends with the process, so a sweep that finds the
 * lock free knows the job's server is gone (decision 0061). Answers the release.
 */
export async function holdImportRunLock(db: Db, id: string): Promise<() => Promise<void>> {
  const pool = postgresPool(db);
  if (pool === undefined) return () => Promise.resolve();
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, hashtext($2))', [LOCKS.importRuns, id]);
  } catch (error) {
    client.release();
    throw error;
  }
  return async () => {
    try {
      await client.query('select pg_advisory_unlock($1, hashtext($2))', [LOCKS.importRuns, id]);
    } finally {
      client.release();
    }
  };
}

export async function updateImportJob(db: Db, id: string, changes: ImportJobChanges) {
  await db.update(importJobs).set(changes).where(eq(importJobs.id, id));
}

/** Ends a job (succeeded, failed or cancelled) and drops its file's pieces with it. */
export async function endImportJob(db: Db, id: string, changes: ImportJobChanges) {
  await db.transaction(async (tx) => {
    await updateImportJob(tx, id, changes);
    await dropImportFile(tx, id);
  });
}

/**
 * Sets the cancel flag of a job still queued or running and not yet decided (decision 0045);
 * false when it had finished or passed its commit point.
 */
export async function requestImportCancel(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ cancelRequested: true })
    .where(
      and(
        eq(importJobs.id, id),
        inArray(importJobs.state, ['queued', 'running']),
        isNull(importJobs.committedAt),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

export async function isImportCancelRequested(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ cancel: importJobs.cancelRequested })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row?.cancel ?? false;
}
