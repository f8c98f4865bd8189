import type { UseCaseContext } from '../../context.js';
import { findImportJob } from '../../repositories/import-jobs.js';
import type { ImportProgress } from '../imports/import-progress.js';
import { applyStagedUnits } from './apply-staged-units.js';

/**
 * Applies the rest of a units import decided before its process stopped (decision 0045); the
 * answer is the whole import's counts, kept on the job's row chunk by chunk.
 */
export async function resumeUnitsImport(
  ctx: UseCaseContext,
  job: { id: string; committedAt: Date; totalRows: number },
  progress: ImportProgress,
): Promise<Record<string, unknown>> {
  const done = (await findImportJob(ctx.deps.db, job.id))?.doneRows ?? 0;
  await applyStagedUnits(ctx, job.id, job.committedAt, async (applied) =>
    progress.staging?.advance(Math.min(job.totalRows, done + Math.floor(applied / 2))),
  );
  const result = (await findImportJob(ctx.deps.db, job.id))?.result as
    Record<string, unknown> | null | undefined;
  return result ?? { created: 0, updated: 0 };
}
