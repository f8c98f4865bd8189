import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  cancelQueuedImport,
  findImportJob,
  requestImportCancel,
} from '../../repositories/import-jobs.js';
import { markCancelledHere } from './import-progress.js';
import { presentImport } from './present-import.js';
import { requireImportAccess } from './read-import.js';

const ENDED = 'Lượt nhập này đã kết thúc, không dừng được';
// Past its commit point a staged import is completed even after a crash (decision 0045).
const DECIDED = 'Lượt nhập này đã kiểm tra xong và đang ghi dữ liệu, không dừng được nữa';

/**
 * Asks a queued or running import to stop: a queued one is cancelled at once, a running one at
 * its next batch, rolling back what it wrote. Audited.
 */
export async function cancelImport(ctx: UseCaseContext, id: string) {
  const job = await requireImportAccess(ctx, id);
  if (job.state !== 'queued' && job.state !== 'running')
    throw new DomainError(ERROR_CODES.INVALID_STATE, ENDED);
  if (job.committedAt) throw new DomainError(ERROR_CODES.INVALID_STATE, DECIDED);
  markCancelledHere(id);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await requestImportCancel(tx, id)))
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Lượt nhập này đã kết thúc hoặc đã bắt đầu ghi dữ liệu, không dừng được',
      );
    await cancelQueuedImport(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'import.cancel',
      entityType: 'import',
      entityId: id,
      unitId: job.unitId ?? undefined,
      before: { kind: job.kind, state: job.state, fileName: job.fileName },
    });
  });
  const after = await findImportJob(ctx.deps.db, id);
  return presentImport(after ?? job);
}
