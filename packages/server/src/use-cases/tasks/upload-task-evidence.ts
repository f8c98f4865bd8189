import type { Readable } from 'node:stream';
import type { UseCaseContext } from '../../context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { insertEvidence } from '../../repositories/evidence.js';
import { findTaskEvidenceFile, linkTaskEvidence } from '../../repositories/tasks.js';
import { presentEvidence } from '../assessment/evidence.js';
import { requireTask } from './task-access.js';

/**
 * Stores a file for a task's next report: the self-assessment's evidence store, with the same
 * checks by content, size limit and SHA-256; kept with no period (decision 0018), once per
 * unit and content.
 */
export async function uploadTaskEvidence(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  file: { stream: Readable; fileName: string },
) {
  const { db, storage, config } = ctx.deps;
  try {
    await requireTask(ctx, db, key, 'report');
  } catch (error) {
    // Drain the upload so that the client gets the answer, not a broken connection.
    file.stream.resume();
    throw error;
  }
  const stored = await storage.put(file.stream, {
    fileName: file.fileName,
    maxBytes: config.maxUploadBytes,
  });
  return db.transaction(async (tx) => {
    const { actor } = await requireTask(ctx, tx, key, 'report');
    const existing = await findTaskEvidenceFile(tx, key.unitId, stored.sha256);
    const row =
      existing ??
      (await insertEvidence(tx, {
        periodId: null,
        unitId: key.unitId,
        fileName: file.fileName.normalize('NFC').trim(),
        storageKey: stored.key,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        mediaType: stored.mediaType,
        uploadedBy: actor.userId,
        uploadedAt: ctx.now,
      }));
    await linkTaskEvidence(tx, {
      taskId: key.taskId,
      evidenceId: row.id,
      addedAt: ctx.now,
      addedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'task.evidence.upload',
      entityType: 'task',
      entityId: key.taskId,
      unitId: key.unitId,
      after: { fileName: row.fileName, sha256: row.sha256 },
    });
    return { evidence: presentEvidence(row), duplicate: existing !== undefined };
  });
}
