import type { Deps } from '../../context.js';
import { dropLeftoverImportFiles } from '../../repositories/import-files.js';
import { endImportJob, listQueuedImports } from '../../repositories/import-jobs.js';
import {
  dropImportRows,
  dropOrphanRows,
  listInterruptedImports,
} from '../../repositories/import-rows.js';
import { compactUnitChanges } from '../../repositories/unit-rows.js';
import { resumeImportJob } from './resume-import.js';
import { runImportJob } from './run-import.js';
import { SERVER_STOPPED, sweepLapsedImports } from './sweep-lapsed-imports.js';

const UNIT_CHANGES_BATCH = 5000;

/**
 * At start, what imports a stopped process left (decision 0045). On both databases, the file
 * pieces no job will read (decision 0055). On PGlite its folder is held by one process, so an
 * import still running there belongs to none. On PostgreSQL a running row may be another
 * server's: only those whose lease has lapsed are ended (decision 0058), as every server's
 * sweep does every few minutes. An import not yet decided is failed and its staged rows
 * dropped (nothing of it was applied); a decided one is completed by a resume job.
 */
export async function recoverImports(deps: Deps): Promise<void> {
  await requeueWaitingImports(deps);
  if (deps.config.databaseUrl !== undefined) {
    await sweepLapsedImports(deps, deps.clock());
    // Another server may be receiving an upload right now: only a day-old orphan is dropped.
    await dropLeftoverImportFiles(deps.db, '1 day');
    // Change rows only come with a backup restored here from PGlite mid-import (decision
    // 0057): shown already, folded into their units now, a chunk per statement.
    while ((await compactUnitChanges(deps.db, UNIT_CHANGES_BATCH)) > 0);
    return;
  }
  for (const job of await listInterruptedImports(deps.db)) {
    if (job.committedAt) {
      await deps.jobs?.send(resumeImportJob, { importId: job.id }, `${job.id}:resume`);
      continue;
    }
    await dropImportRows(deps.db, job.id);
    await endImportJob(deps.db, job.id, {
      state: 'failed',
      finishedAt: deps.clock(),
      problems: SERVER_STOPPED,
    });
  }
  await dropOrphanRows(deps.db);
  await dropLeftoverImportFiles(deps.db, '0 seconds');
}

/**
 * Queues again every import still waiting (decision 0058): a no-op when its queue entry exists
 * (the same key is never queued twice), and what runs it after a restore on PostgreSQL, whose
 * backup does not hold pg-boss's schema. A job runs once whatever is queued (startImportJob).
 */
async function requeueWaitingImports(deps: Deps): Promise<void> {
  if (!deps.jobs) return;
  for (const id of await listQueuedImports(deps.db))
    await deps.jobs.send(runImportJob, { importId: id }, id);
}
