import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importJobs } from '../db/schema.js';
import { dropImportFile } from './import-files.js';

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

export async function insertImportJob(
  db: Db,
  values: Pick<
    ImportJobRow,
    'id' | 'kind' | 'requestedBy' | 'unitId' | 'parameters' | 'fileName' | 'createdAt'
  >,
): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
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
 * Marks a queued job running; false when it was cancelled or taken already (a job runs once).
 * Its file is read from `import_file_chunks` (decision 0055).
 */
export async function startImportJob(db: Db, id: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(importJobs)
    .set({ state: 'running', phase: 'reading', startedAt: now })
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
