import type { Readable } from 'node:stream';
import { can, DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, listEntries } from '../../repositories/entries.js';
import { isDisputed } from './appraisal-outcome.js';
import {
  deleteLink,
  findEvidence,
  findEvidenceByHash,
  insertEvidence,
  linkedPeriodIds,
  upsertLink,
} from '../../repositories/evidence.js';
import { authorize } from '../authorize.js';
import { accessTarget, loadUnitScope, requireOpenPeriod, requireWindow } from './scope.js';
import { canAddEvidence, requireSelfEdit } from './self-edit.js';
import { offeringTask } from './task-evidence.js';

import { presentEvidence } from './present-evidence.js';

export { presentEvidence };

/**
 * Stores an evidence file for a unit, streamed and checked by content and size, hashed; the
 * same file uploaded twice is kept once. Allowed while the unit may add evidence.
 */
export async function uploadEvidence(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
  file: { stream: Readable; fileName: string },
) {
  const actor = authorize(
    ctx,
    'editSelfAssessment',
    await accessTarget(ctx, key.periodId, key.unitId),
  );
  const { db, storage, config } = ctx.deps;
  const scope = await loadUnitScope(db, key.periodId, key.unitId);
  if (!canAddEvidence(scope, ctx.now, await listEntries(db, key.periodId, key.unitId))) {
    // Drain the upload so that the client gets the answer, not a broken connection.
    file.stream.resume();
    requireOpenPeriod(scope);
    requireWindow(
      scope,
      scope.participation.status === 'appraised' ? 'explanation' : 'selfAssessment',
      ctx.now,
    );
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Đơn vị không thể thêm tài liệu ở bước này');
  }
  const stored = await storage.put(file.stream, {
    fileName: file.fileName,
    maxBytes: config.maxUploadBytes,
  });
  return db.transaction(async (tx) => {
    const existing = await findEvidenceByHash(tx, key.periodId, key.unitId, stored.sha256);
    if (existing) return { evidence: presentEvidence(existing), duplicate: true };
    const row = await insertEvidence(tx, {
      periodId: key.periodId,
      unitId: key.unitId,
      fileName: file.fileName.normalize('NFC').trim(),
      storageKey: stored.key,
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      mediaType: stored.mediaType,
      uploadedBy: actor.userId,
      uploadedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'evidence.upload',
      entityType: 'evidence',
      entityId: row.id,
      ...key,
      after: presentEvidence(row),
    });
    return { evidence: presentEvidence(row), duplicate: false };
  });
}

/**
 * Links an evidence file (of the same unit and period) to a leaf with a page or section
 * reference, or changes the reference. In the explanation round, disputed leaves only.
 */
export async function linkEvidence(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: { evidenceId: string; pageRef?: string | null | undefined; remove?: boolean | undefined },
): Promise<void> {
  const actor = authorize(
    ctx,
    'editSelfAssessment',
    await accessTarget(ctx, key.periodId, key.unitId),
  );
  await ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId);
    const node = scope.stored.framework.byCode.get(key.code);
    if (!node || node.children.length > 0)
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có tiêu chí lá ${key.code}`);
    const entry = await findEntry(tx, key.periodId, key.unitId, key.code);
    if (scope.participation.status === 'appraised') {
      requireOpenPeriod(scope);
      requireWindow(scope, 'explanation', ctx.now);
      if (!entry || !isDisputed(node, entry, scope.stored.framework.pointsDecimals)) {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          `Tiêu chí ${key.code} không có kết quả thẩm định khác kết quả tự đánh giá để giải trình`,
        );
      }
    } else {
      requireSelfEdit(scope, ctx.now, entry);
    }
    const evidence = await findEvidence(tx, input.evidenceId);
    if (
      !evidence ||
      evidence.unitId !== key.unitId ||
      (evidence.periodId ?? key.periodId) !== key.periodId
    ) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài liệu kiểm chứng của đơn vị');
    }
    // A task's file (no period) is linked only where a finished task serving the leaf offers it;
    // unlinking it needs no offer (the task may have been reopened since).
    const task =
      evidence.periodId === null && input.remove !== true
        ? await offeringTask(tx, {
            unitId: key.unitId,
            year: scope.period.year,
            code: key.code,
            evidenceId: evidence.id,
            at: ctx.now,
          })
        : undefined;
    if (evidence.periodId === null && input.remove !== true && !task) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        `Tài liệu "${evidence.fileName}" không thuộc nhiệm vụ đã hoàn thành nào phục vụ tiêu chí ${key.code}`,
      );
    }
    const linkKey = { ...key, evidenceId: evidence.id };
    if (input.remove === true) {
      const removed = await deleteLink(tx, linkKey);
      if (!removed)
        throw new DomainError(ERROR_CODES.NOT_FOUND, 'Tài liệu chưa được gắn với tiêu chí này');
      await recordAudit(tx, ctx, {
        action: 'evidence.unlink',
        entityType: 'entry',
        entityId: `${key.periodId}/${key.unitId}/${key.code}`,
        ...key,
        before: { ...removed, fileName: evidence.fileName },
      });
      return;
    }
    const values = {
      ...linkKey,
      pageRef: input.pageRef?.trim() || null,
      linkedAt: ctx.now,
      linkedBy: actor.userId,
    };
    await upsertLink(tx, values);
    await recordAudit(tx, ctx, {
      action: 'evidence.link',
      entityType: 'entry',
      entityId: `${key.periodId}/${key.unitId}/${key.code}`,
      ...key,
      after: {
        evidenceId: evidence.id,
        fileName: evidence.fileName,
        pageRef: values.pageRef,
        ...(task ? { fromTask: { id: task.id, title: task.title } } : {}),
      },
    });
  });
}

/**
 * Opens an evidence file for download, for those who may read the unit's assessment. A task's
 * file (no period) opens here once linked to a leaf, for those who may read an assessment it
 * is linked in; otherwise only through its task, which checks the office.
 */
export async function openEvidence(ctx: UseCaseContext, evidenceId: string) {
  const { db } = ctx.deps;
  const row = await findEvidence(db, evidenceId);
  if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài liệu');
  const periodIds =
    row.periodId === null ? await linkedPeriodIds(db, row.id, row.unitId) : [row.periodId];
  if (periodIds.length === 0)
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài liệu');
  const targets = await Promise.all(periodIds.map((p) => accessTarget(ctx, p, row.unitId)));
  const { actor } = ctx;
  const readable = actor ? targets.find((t) => can(actor, 'readAssessment', t)) : undefined;
  authorize(ctx, 'readAssessment', readable ?? targets[0]);
  return { row, stream: ctx.deps.storage.open(row.storageKey) };
}
