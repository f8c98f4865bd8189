import type { Deps } from '../../context.js';
import { dropLeftoverImportFiles } from '../../repositories/import-files.js';
import { endImportJob } from '../../repositories/import-jobs.js';
import {
  dropImportRows,
  dropOrphanRows,
  listInterruptedImports,
} from '../../repositories/import-rows.js';
import { compactUnitChanges } from '../../repositories/unit-rows.js';
import { resumeImportJob } from './resume-import.js';

const UNIT_CHANGES_BATCH = 5000;

/**
 * At start, what imports a stopped process left (decision 0045). On both databases, the file
 * pieces no job will read (decision 0055). The rest only on PGlite: its folder is
 * held by one process, so an import still running there belongs to none; on PostgreSQL an
 * import is saved in one transaction, which the server rolls back when its process dies, and a
 * running row may be another server's. An import not yet decided is failed and its staged rows
 * dropped (nothing of it was applied); a decided one is completed by a resume job.
 */
export async function recoverImports(deps: Deps): Promise<void> {
  if (deps.config.databaseUrl !== undefined) {
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
      problems: {
        code: 'INTERNAL',
        message: 'Máy chủ đã dừng giữa lúc nhập tệp; không có gì được lưu, hãy gửi lại tệp',
        issues: [],
        details: [],
      },
    });
  }
  await dropOrphanRows(deps.db);
  await dropLeftoverImportFiles(deps.db, '0 seconds');
}
