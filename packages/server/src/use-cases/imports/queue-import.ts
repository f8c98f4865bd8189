import { randomUUID } from 'node:crypto';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { uploadTooLarge, type UploadStream } from '../../http/uploads.js';
import { storeImportFile } from '../../repositories/import-files.js';
import {
  dropReceivingImport,
  insertReceivingImport,
  markImportQueued,
} from '../../repositories/import-jobs.js';
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
 * Streams the upload into the file's pieces under a new job's row, still `receiving` (decisions
 * 0055, 0058), refusing it past its cap or empty; nothing is left of a refused or broken upload.
 */
async function storeUpload(
  ctx: UseCaseContext,
  job: { id: string; kind: ImportKindName; parameters: ImportParameters },
  file: UploadStream,
): Promise<number> {
  const actor = requireActor(ctx);
  const { db } = ctx.deps;
  await insertReceivingImport(db, {
    id: job.id,
    kind: job.kind,
    requestedBy: actor.userId,
    unitId: actor.unitId ?? null,
    parameters: { ...job.parameters, ip: ctx.ip },
    fileName: file.fileName,
  });
  try {
    const size = await storeImportFile(db, job.id, file.stream, (bytes) => {
      if (bytes > file.maxBytes) throw uploadTooLarge(file.maxBytes);
    });
    if (file.stream.truncated) throw uploadTooLarge(file.maxBytes);
    if (size === 0) throw new DomainError(ERROR_CODES.FILE_REJECTED, `Tệp "${file.fileName}" rỗng`);
    return size;
  } catch (error) {
    await dropReceivingImport(db, job.id);
    throw error;
  }
}

/**
 * Keeps an uploaded file as an import job and queues it (decision 0034): the request ends here,
 * with the job to poll; the file is read, checked and saved by the job, as the requester.
 * Who may import is checked before a byte is read, so that a refusal is the request's answer.
 * The file goes to the database in pieces as it arrives (decision 0055). Audited: a preview as
 * `import.preview`, so that the trail does not show an import where nothing was saved (0056).
 */
export async function queueImport(
  ctx: UseCaseContext,
  kind: ImportKindName,
  file: UploadStream,
  parameters: ImportParameters = {},
) {
  let id: string;
  let bytes: number;
  try {
    requireActor(ctx);
    await IMPORT_KINDS[kind].authorize(ctx, parameters);
    requireQueue(ctx);
    id = randomUUID();
    bytes = await storeUpload(ctx, { id, kind, parameters }, file);
  } catch (error) {
    // The rest of the upload is read and dropped, so that the refusal reaches the client.
    file.stream.resume();
    throw error;
  }
  return queueStored(ctx, kind, { id, fileName: file.fileName, bytes }, parameters);
}

/** A kind as its shared shape, whichever variant of the union it is. */
const kindSpec = (kind: ImportKindName): ImportKind => IMPORT_KINDS[kind];

async function queueStored(
  ctx: UseCaseContext,
  kind: ImportKindName,
  file: { id: string; fileName: string; bytes: number },
  parameters: ImportParameters,
) {
  const actor = requireActor(ctx);
  const queue = requireQueue(ctx);
  const job = await ctx.deps.db
    .transaction(async (tx) => {
      const row = await markImportQueued(tx, file.id, ctx.now);
      await recordAudit(tx, ctx, {
        action: kindSpec(kind).previews?.(parameters) === true ? 'import.preview' : 'import.queue',
        entityType: 'import',
        entityId: row.id,
        unitId: actor.unitId,
        after: { kind, fileName: file.fileName, bytes: file.bytes },
      });
      return row;
    })
    .catch(async (error: unknown) => {
      // No job will read the pieces stored for it: they go with the row.
      await dropReceivingImport(ctx.deps.db, file.id);
      throw error;
    });
  await queue.send(runImportJob, { importId: job.id }, job.id);
  queue.wake?.();
  return presentImport(job);
}
