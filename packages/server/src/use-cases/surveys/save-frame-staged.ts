import { z } from 'zod';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { applyStagedFrameRows } from '../../repositories/frame-staged.js';
import { findImportJob } from '../../repositories/import-jobs.js';
import { commitImport, dropImportRows, stageImportRows } from '../../repositories/import-rows.js';
import { ImportCancelled, type ImportProgress } from '../imports/import-progress.js';
import type { FrameRow } from './import-frame.js';

// On PGlite's one connection a transaction holds every other request (decisions 0045, 0053):
// the checked people are staged in short statements, the import decided under the survey's
// lock, then applied a chunk per transaction, hidden from readers until the job ends.

/** Rows staged per statement, and moved into the frame per transaction. */
const STAGE_BATCH = 1000;
const APPLY_BATCH = 1000;

/**
 * Stages `rows` for import job `staging.importId`, decides it in one transaction with `decide`
 * (the survey locked and checked again, the audit row written: a refusal there drops
 * everything), then applies it. Before the decision a cancel, refusal or fault leaves nothing.
 */
export async function saveFrameStaged(
  ctx: UseCaseContext,
  staging: NonNullable<ImportProgress['staging']>,
  surveyId: string,
  rows: readonly FrameRow[],
  decide: (tx: Db) => Promise<void>,
  progress: ImportProgress,
): Promise<{ imported: number }> {
  const { db } = ctx.deps;
  const total = rows.length;
  // The bar counts half a row for staging it and half for applying it.
  const half = (done: number) => Math.floor(done / 2);
  try {
    for (let start = 0; start < total; start += STAGE_BATCH) {
      const batch = rows.slice(start, start + STAGE_BATCH);
      await stageImportRows(db, staging.importId, start, batch);
      await progress.step(half(start + batch.length));
    }
    await db.transaction(async (tx) => {
      await decide(tx);
      if (!(await commitImport(tx, staging.importId))) throw new ImportCancelled();
    });
  } catch (error) {
    await dropImportRows(db, staging.importId);
    throw error;
  }
  await applyStagedFrame(ctx, staging.importId, surveyId, (applied) =>
    staging.advance(half(total) + half(applied)),
  );
  return { imported: total };
}

/**
 * Moves what is left staged of a decided frame import into the frame, a chunk per
 * transaction, every row created at the import's decision instant (what hides it meanwhile).
 */
async function applyStagedFrame(
  ctx: UseCaseContext,
  importId: string,
  surveyId: string,
  advance: (appliedRows: number) => Promise<void>,
): Promise<void> {
  for (let applied = 0; ;) {
    const moved = await ctx.deps.db.transaction((tx) =>
      applyStagedFrameRows(tx, importId, surveyId, APPLY_BATCH),
    );
    if (moved === 0) return;
    applied += moved;
    await advance(applied);
  }
}

const surveyOf = z.object({ surveyId: z.string() });

/** Completes a frame import decided before its process stopped (decision 0053). */
export async function resumeFrameImport(
  ctx: UseCaseContext,
  job: { id: string; totalRows: number },
  progress: ImportProgress,
): Promise<Record<string, unknown>> {
  const found = await findImportJob(ctx.deps.db, job.id);
  const { surveyId } = surveyOf.parse(found?.parameters);
  const done = found?.doneRows ?? 0;
  await applyStagedFrame(ctx, job.id, surveyId, async (applied) =>
    progress.staging?.advance(Math.min(job.totalRows, done + Math.floor(applied / 2))),
  );
  return { imported: job.totalRows };
}
