import { cellRuleSteps, DomainError, ERROR_CODES, formatIssue } from '@chiso/core';
import { z } from 'zod';
import type { Deps, UseCaseContext } from '../../context.js';
import { defineJob } from '../../jobs/job.js';
import { readImportFile, readImportFileWhole } from '../../repositories/import-files.js';
import {
  endImportJob,
  findImportJob,
  startImportJob,
  type ImportJobChanges,
} from '../../repositories/import-jobs.js';
import { parseTables } from '../../spreadsheet/read-table.js';
import type { ImportKind, ImportParameters } from './import-kinds.js';
import {
  forgetCancelled,
  ImportCancelled,
  jobProgress,
  type ImportProgress,
} from './import-progress.js';
import { keepImportLease } from './import-lease.js';
import { requesterContext } from './requester-context.js';
import { resumeImportJob } from './resume-import.js';

/** Runs one queued import (decision 0034); never retried: a refusal is the answer, not a fault. */
export const runImportJob = defineJob({
  name: 'imports.run',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  retries: 0,
  retryDelaySeconds: 60,
  handler: async (deps, { importId }, run) => runImport(deps, importId, run.now),
});

const problemsOf = (error: DomainError) => ({
  code: error.code,
  message: error.message,
  issues: [...error.issues],
  details: error.issues.map(formatIssue),
});

/** Parses the file, applies the cell rules row by row, and hands the tables to the kind. */
async function runOnTables(
  ctx: UseCaseContext,
  kind: Extract<ImportKind, { run: unknown }>,
  file: { id: string; fileName: string },
  progress: ImportProgress,
  parameters: ImportParameters,
): Promise<Record<string, unknown>> {
  // These files are 10 MB at most and their readers need them whole (an .xlsx is a zip).
  const content = await readImportFileWhole(ctx.deps.db, file.id);
  // A CSV file is parsed with the job's pauses, so the server answers meanwhile (decision 0055).
  const tables = await parseTables(content, file.fileName, progress.drive);
  await progress.phase(
    'reading',
    tables.reduce((sum, t) => sum + t.rows.length, 0),
  );
  const issues = await progress.drive(cellRuleSteps(tables));
  if (issues.length > 0)
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Tệp "${file.fileName}" có ô không nhận được (không có gì được lưu)`,
      issues,
    );
  return kind.run(ctx, tables, progress, parameters);
}

/**
 * Reads, checks and saves the job's file as its requester, all or nothing, pausing between
 * batches; the job's row ends succeeded (the answer), failed (the problems, as a refused
 * request gives them), or cancelled. The file's pieces are dropped in every case (decision 0055).
 */
export async function runImport(deps: Deps, id: string, now: Date): Promise<void> {
  const started = await startImportJob(deps.db, id, now);
  const job = await findImportJob(deps.db, id);
  if (!started || !job) return;
  const release = keepImportLease(deps, id);
  const finish = async (changes: ImportJobChanges) => {
    release();
    forgetCancelled(id);
    await endImportJob(deps.db, id, { ...changes, finishedAt: deps.clock() });
  };
  try {
    const { kind, ctx, parameters } = await requesterContext(deps, job, now);
    const progress = jobProgress(deps, id);
    const { fileName } = job;
    const result = kind.runFile
      ? await kind.runFile(
          ctx,
          { pieces: readImportFile(deps.db, id), fileName },
          progress,
          parameters,
        )
      : await runOnTables(ctx, kind, { id, fileName }, progress, parameters);
    const done = (await findImportJob(deps.db, id))?.totalRows ?? undefined;
    await finish({ state: 'succeeded', result, ...(done === undefined ? {} : { doneRows: done }) });
  } catch (error) {
    if (error instanceof ImportCancelled) return finish({ state: 'cancelled' });
    // Past its commit point the import is completed, not failed (decision 0045): once more now
    // by a resume job, and by the next start if that too stops.
    if ((await findImportJob(deps.db, id))?.committedAt) {
      release();
      await deps.jobs?.send(resumeImportJob, { importId: id }, `${id}:resume`);
      throw error;
    }
    if (error instanceof DomainError)
      return finish({ state: 'failed', problems: problemsOf(error) });
    await finish({
      state: 'failed',
      problems: {
        code: 'INTERNAL',
        message: 'Lỗi máy chủ khi nhập tệp; không có gì được lưu',
        issues: [],
        details: [],
      },
    });
    throw error;
  }
}
