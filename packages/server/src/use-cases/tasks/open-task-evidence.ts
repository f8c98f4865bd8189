import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findTaskEvidence } from '../../repositories/tasks.js';
import { requireTask } from './task-access.js';

/** A task's file for download, for those who may read the task. */
export async function openTaskEvidence(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string; evidenceId: string },
) {
  const { db, storage } = ctx.deps;
  await requireTask(ctx, db, key, 'read');
  const row = await findTaskEvidence(db, key.taskId, key.evidenceId);
  if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài liệu của nhiệm vụ');
  return { row, stream: storage.open(row.storageKey) };
}
