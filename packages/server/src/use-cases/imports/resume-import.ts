import { z } from 'zod';
import type { Deps } from '../../context.js';
import { defineJob } from '../../jobs/job.js';
import {
  findImportJob,
  endImportJob,
  type ImportJobChanges,
} from '../../repositories/import-jobs.js';
import { forgetCancelled, jobProgress } from './import-progress.js';
import { keepImportLease } from './import-lease.js';
import { requesterContext } from './requester-context.js';

/** Completes a staged import past its commit point (decision 0045), after a crash or a fault; a
 * fault here leaves the rows staged for the next start. */
export const resumeImportJob = defineJob({
  name: 'imports.resume',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  retries: 0,
  retryDelaySeconds: 60,
  handler: async (deps, { importId }) => resumeImport(deps, importId),
});

/**
 * Applies what a decided import left staged, as its requester, at the instant the job started
 * (so every audit row of the import has the same time), and ends it succeeded.
 */
export async function resumeImport(deps: Deps, id: string): Promise<void> {
  const job = await findImportJob(deps.db, id);
  if (job?.state !== 'running' || !job.committedAt) return;
  const release = keepImportLease(deps, id);
  const finish = async (changes: ImportJobChanges) => {
    forgetCancelled(id);
    await endImportJob(deps.db, id, { ...changes, finishedAt: deps.clock() });
  };
  // Decided means authorized already: an account deactivated since does not stop it.
  const { kind, ctx } = await requesterContext(deps, job, job.startedAt ?? job.committedAt, {
    decided: true,
  });
  if (!kind.resume) throw new Error(`import kind ${job.kind} cannot resume`);
  try {
    const result = await kind.resume(
      ctx,
      { id, committedAt: job.committedAt, totalRows: job.totalRows ?? 0 },
      jobProgress(deps, id),
    );
    await finish({ state: 'succeeded', result, doneRows: job.totalRows ?? 0 });
  } finally {
    release();
  }
}
