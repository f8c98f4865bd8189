import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { attachEvidence, insertReport, listTaskEvidence } from '../../repositories/tasks.js';
import { requireTask } from './task-access.js';

/**
 * A progress report on a task with the files uploaded for it: by the staff of its lead or a
 * supporting office, or by the unit's officer or head. Audited with the files' names.
 */
export async function reportTask(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  input: { text: string; percent?: number | null | undefined; evidenceIds: string[] },
) {
  return ctx.deps.db.transaction(async (tx) => {
    const { actor, row } = await requireTask(ctx, tx, key, 'report');
    const files = new Map(
      (await listTaskEvidence(tx, row.id))
        .filter((f) => f.reportId === null)
        .map((f) => [f.file.id, f.file]),
    );
    const missing = input.evidenceIds.flatMap((id, i) =>
      files.has(id)
        ? []
        : [
            {
              path: `evidenceIds.${i}`,
              message: 'tài liệu không thuộc nhiệm vụ này hoặc đã báo cáo',
            },
          ],
    );
    if (missing.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        'Tài liệu kèm báo cáo không hợp lệ',
        missing,
      );
    }
    const report = await insertReport(tx, {
      taskId: row.id,
      text: input.text.trim(),
      percent: input.percent ?? null,
      authorId: actor.userId,
      authorName: actor.fullName,
      officeId: actor.officeId ?? null,
      at: ctx.now,
    });
    const attached = await attachEvidence(tx, row.id, report.id, input.evidenceIds);
    await recordAudit(tx, ctx, {
      action: 'task.report',
      entityType: 'task',
      entityId: row.id,
      unitId: key.unitId,
      after: {
        reportText: report.text,
        percent: report.percent,
        files: attached.map((id) => files.get(id)?.fileName ?? id),
      },
    });
    return { id: report.id };
  });
}
