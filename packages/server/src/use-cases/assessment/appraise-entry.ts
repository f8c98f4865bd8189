import {
  DomainError,
  ERROR_CODES,
  evaluateRule,
  formatExact,
  formatVietnamTime,
  pointsRange,
  type Decimal,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, writeEntry, type EntryRow } from '../../repositories/entries.js';
import { authorize } from '../authorize.js';
import {
  accessTarget,
  loadUnitScope,
  requireOpenPeriod,
  requireWindow,
  type UnitScope,
} from './scope.js';

export interface AppraisalInput {
  /** Appraised points, or corrected facts for the leaf's rule (one of the two, or neither). */
  points?: Decimal | undefined;
  facts?: Record<string, unknown> | undefined;
  comment?: string | null | undefined;
  /** Send the leaf back to the unit for supplement until this instant. */
  supplementDeadline?: number | null | undefined;
  supplementNote?: string | null | undefined;
  version: number;
}

/**
 * First round (unit submitted): inside the appraisal window. Second round (unit appraised):
 * inside the explanation window, where the appraiser decides again on the unit's answers.
 */
export function requireAppraisalStep(scope: UnitScope, now: Date): 'first' | 'second' {
  requireOpenPeriod(scope);
  switch (scope.participation.status) {
    case 'submitted':
      requireWindow(scope, 'appraisal', now);
      return 'first';
    case 'appraised':
      requireWindow(scope, 'explanation', now);
      return 'second';
    case 'draft':
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Đơn vị chưa gửi kết quả tự đánh giá');
    case 'finalised':
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Kết quả thẩm định của đơn vị đã được chốt');
  }
  throw new DomainError(ERROR_CODES.INVALID_STATE, 'Trạng thái đơn vị không hợp lệ');
}

/** An appraiser sets the appraised points and comment of one leaf, or sends it back. Audited. */
export async function appraiseEntry(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: AppraisalInput,
): Promise<EntryRow> {
  const actor = authorize(ctx, 'appraise', await accessTarget(ctx, key.periodId, key.unitId));
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId);
    const round = requireAppraisalStep(scope, ctx.now);
    const node = scope.stored.framework.byCode.get(key.code);
    if (!node || node.children.length > 0 || !node.rule) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có tiêu chí lá ${key.code}`);
    }
    if (input.points !== undefined && input.facts !== undefined) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Chỉ nhập điểm hoặc số liệu', [
        { path: 'points', message: 'nhập điểm thẩm định hoặc số liệu đã sửa, không cả hai' },
      ]);
    }
    let appraisedPoints: string | undefined;
    if (input.points !== undefined) {
      const range = pointsRange(node.rule, node.maxPoints);
      if (input.points.lt(range.min) || input.points.gt(range.max)) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Điểm thẩm định không hợp lệ', [
          {
            path: 'points',
            message: `phải từ ${formatExact(range.min)} đến ${formatExact(range.max)}`,
          },
        ]);
      }
      appraisedPoints = input.points.toString();
    }
    if (input.facts !== undefined) {
      const outcome = evaluateRule(node.rule, input.facts, {
        maxPoints: node.maxPoints,
        pointsDecimals: scope.stored.framework.pointsDecimals,
      });
      appraisedPoints = outcome.status === 'scored' ? outcome.points.toString() : '0';
    }
    let supplementDeadline: Date | null | undefined;
    if (input.supplementDeadline !== undefined) {
      if (round === 'second') {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          'Yêu cầu bổ sung chỉ dùng ở vòng thẩm định đầu; ở bước giải trình đơn vị trả lời trực tiếp',
        );
      }
      if (input.supplementDeadline !== null && input.supplementDeadline <= ctx.now.getTime()) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Hạn bổ sung không hợp lệ', [
          {
            path: 'supplementDeadline',
            message: `phải sau thời điểm hiện tại (${formatVietnamTime(ctx.now.getTime())})`,
          },
        ]);
      }
      supplementDeadline =
        input.supplementDeadline === null ? null : new Date(input.supplementDeadline);
    }
    const before = await findEntry(tx, key.periodId, key.unitId, key.code);
    const row = await writeEntry(tx, key, input.version, {
      ...(input.facts === undefined ? {} : { appraisedFacts: input.facts }),
      ...(appraisedPoints === undefined ? {} : { appraisedPoints }),
      ...(input.comment === undefined ? {} : { appraisalComment: input.comment || null }),
      ...(supplementDeadline === undefined
        ? {}
        : { supplementDeadline, supplementNote: input.supplementNote ?? null }),
      appraisedAt: ctx.now,
      appraisedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: round === 'first' ? 'entry.appraise' : 'entry.reappraise',
      entityType: 'entry',
      entityId: `${key.periodId}/${key.unitId}/${key.code}`,
      ...key,
      before: before && {
        appraisedPoints: before.appraisedPoints,
        appraisalComment: before.appraisalComment,
        supplementDeadline: before.supplementDeadline,
      },
      after: {
        appraisedPoints: row.appraisedPoints,
        appraisalComment: row.appraisalComment,
        supplementDeadline: row.supplementDeadline,
        supplementNote: row.supplementNote,
      },
    });
    return row;
  });
}
