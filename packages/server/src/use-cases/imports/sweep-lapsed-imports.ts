import { z } from 'zod';
import type { Deps } from '../../context.js';
import { defineJob } from '../../jobs/job.js';
import { endLapsedImports } from '../../repositories/import-jobs.js';
import { resumeImportJob } from './resume-import.js';

/** What an import whose server stopped mid-way says (decisions 0045, 0058). */
export const SERVER_STOPPED = {
  code: 'INTERNAL',
  message: 'Máy chủ đã dừng giữa lúc nhập tệp; không có gì được lưu, hãy gửi lại tệp',
  issues: [],
  details: [],
};

/** How often every server looks for imports whose server died (PostgreSQL). */
export const SWEEP_EVERY_MINUTES = 5;

export const sweepImportsJob = defineJob({
  name: 'imports.sweep',
  version: 1,
  payload: z.object({}),
  retries: 0,
  retryDelaySeconds: 60,
  handler: async (deps, _payload, run) => {
    // Not scheduled on PGlite (one process: the start's recovery saw every import, 0045); a
    // run asked there by hand changes nothing.
    if (deps.config.databaseUrl !== undefined) await sweepLapsedImports(deps, run.now);
  },
});

/**
 * Fails the running imports whose lease has lapsed (decision 0058): their server died without
 * ending them, and on PostgreSQL their transaction was rolled back, so nothing of them was
 * saved; their file's pieces and staged rows are dropped. A job whose server is alive renews its
 * lease and is never touched. One past its commit point is completed by a resume job instead.
 */
export async function sweepLapsedImports(
  deps: Deps,
  now: Date,
): Promise<{ failed: string[]; resumed: string[] }> {
  const { failed, decided } = await endLapsedImports(deps.db, {
    state: 'failed',
    finishedAt: now,
    problems: SERVER_STOPPED,
  });
  for (const id of decided)
    await deps.jobs?.send(resumeImportJob, { importId: id }, `${id}:resume`);
  return { failed, resumed: decided };
}
