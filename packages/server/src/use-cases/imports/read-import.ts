import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { importJobs } from '../../db/schema.js';
import { findImportJob, type ImportJobView } from '../../repositories/import-jobs.js';
import { requireActor } from '../authorize.js';
import { inReach, reachOf } from '../reach.js';
import { importKind } from './import-kinds.js';
import { presentImport } from './present-import.js';
import { and, eq, isNull, sql } from 'drizzle-orm';

/**
 * The job, for its requester or an administrator whose reach holds the unit it was asked in
 * (the install's administrators reach every job); anyone else is refused.
 */
export async function requireImportAccess(ctx: UseCaseContext, id: string): Promise<ImportJobView> {
  const actor = requireActor(ctx);
  const job = await findImportJob(ctx.deps.db, id);
  // A row still receiving its file is no job yet (decision 0058).
  if (!job || job.state === 'receiving')
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy lượt nhập tệp này');
  if (job.requestedBy === actor.userId) return job;
  if (actor.role === 'administrator' && inReach(await reachOf(ctx), job.unitId)) return job;
  throw new DomainError(
    ERROR_CODES.FORBIDDEN,
    'Chỉ người gửi tệp và quản trị cùng phạm vi được xem hoặc dừng lượt nhập này',
  );
}

/**
 * An import's state, phase and rows done, then its answer or its problems. An answer that is
 * shown once (first passwords) goes to the requester's first read after success only.
 */
export async function readImport(ctx: UseCaseContext, id: string) {
  const job = await requireImportAccess(ctx, id);
  const kind = importKind(job.kind);
  const result = job.result as Record<string, unknown> | null;
  if (job.state !== 'succeeded' || !kind?.afterShown || result === null || result.passwordsShown)
    return presentImport(job);
  const redacted = kind.afterShown(result);
  if (job.requestedBy !== requireActor(ctx).userId)
    return presentImport({ ...job, result: redacted });
  // One reader wins the answer whole, even when two polls cross.
  const won = await ctx.deps.db
    .update(importJobs)
    .set({ result: redacted })
    .where(and(eq(importJobs.id, id), isNull(sql`${importJobs.result} -> 'passwordsShown'`)))
    .returning({ id: importJobs.id });
  return presentImport({ ...job, result: won.length > 0 ? result : redacted });
}
