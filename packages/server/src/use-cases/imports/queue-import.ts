import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertImportJob } from '../../repositories/import-jobs.js';
import { requireActor } from '../authorize.js';
import { requireQueue } from '../jobs/require-queue.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportKindName,
  type ImportParameters,
} from './import-kinds.js';
import { presentImport } from './present-import.js';
import { runImportJob } from './run-import.js';

/**
 * Keeps an uploaded file as an import job and queues it (decision 0034): the request ends here,
 * with the job to poll; the file is read, checked and saved by the job, as the requester.
 * Who may import is checked now, so that a refusal is the request's answer. Audited: a preview
 * as `import.preview`, so that the trail does not show an import where nothing was saved (0056).
 */
export async function queueImport(
  ctx: UseCaseContext,
  kind: ImportKindName,
  file: { bytes: Buffer; fileName: string },
  parameters: ImportParameters = {},
) {
  const actor = requireActor(ctx);
  const spec: ImportKind = IMPORT_KINDS[kind];
  await spec.authorize(ctx, parameters);
  const queue = requireQueue(ctx);
  const job = await ctx.deps.db.transaction(async (tx) => {
    const row = await insertImportJob(tx, {
      kind,
      requestedBy: actor.userId,
      unitId: actor.unitId ?? null,
      parameters: { ...parameters, ip: ctx.ip },
      fileName: file.fileName,
      content: file.bytes,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: spec.previews?.(parameters) === true ? 'import.preview' : 'import.queue',
      entityType: 'import',
      entityId: row.id,
      unitId: actor.unitId,
      after: { kind, fileName: file.fileName, bytes: file.bytes.length },
    });
    return row;
  });
  await queue.send(runImportJob, { importId: job.id }, job.id);
  queue.wake?.();
  return presentImport(job);
}
