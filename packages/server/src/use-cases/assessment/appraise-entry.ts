import {
  DomainError,
  ERROR_CODES,
  formatVietnamTime,
  type Decimal,
  type FrameworkNode,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, writeEntry, type EntryRow } from '../../repositories/entries.js';
import { authorize } from '../authorize.js';
import { decideAppraisal, isDisputed, type AppraisalChoice } from './appraisal-outcome.js';
import {
  accessTarget,
  loadUnitScope,
  requireOpenPeriod,
  requireWindow,
  type UnitScope,
} from './scope.js';

export interface AppraisalInput {
  /**
   * The outcome, one of: corrected facts for the leaf's rule, points set directly, or
   * "accepted" (the unit's own outcome) / "missing" (no points). None: comment or supplement only.
   */
  points?: Decimal | undefined;
  facts?: Record<string, unknown> | undefined;
  outcome?: 'accepted' | 'missing' | undefined;
  comment?: string | null | undefined;
  /** Send the leaf back to the unit for supplement until this instant. */
  supplementDeadline?: number | null | undefined;
  supplementNote?: string | null | undefined;
  version: number;
}

/** The outcome an input asks for, when it asks for one; two at once are refused. */
export function choiceOf(input: {
  points?: Decimal | undefined;
  facts?: Record<string, unknown> | undefined;
  outcome?: 'accepted' | 'missing' | undefined;
}): AppraisalChoice | undefined {
  const choices: AppraisalChoice[] = [];
  if (input.points !== undefined) choices.push({ kind: 'points', points: input.points });
  if (input.facts !== undefined) choices.push({ kind: 'facts', facts: input.facts });
  if (input.outcome !== undefined) choices.push({ kind: input.outcome });
  if (choices.length > 1) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Chỉ chọn một kết quả thẩm định', [
      {
        path: 'points',
        message:
          'Chọn một trong: chấp nhận kết quả tự đánh giá, sửa số liệu, chấm điểm trực tiếp, không tính điểm',
      },
    ]);
  }
  return choices[0];
}

/** A reason is owed to the unit wherever the appraisal differs from its own outcome. */
export function requireReason(
  node: FrameworkNode,
  entry: Parameters<typeof isDisputed>[1],
  pointsDecimals: number,
  comment: string | null | undefined,
): void {
  if (!isDisputed(node, entry, pointsDecimals) || (comment ?? '').trim() !== '') return;
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu lý do thẩm định', [
    {
      path: 'comment',
      message: `Kết quả thẩm định tiêu chí ${node.code} khác kết quả đơn vị tự đánh giá: hãy ghi lý do vào ô Nhận xét`,
    },
  ]);
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

/** The appraisal columns of an entry (all empty for a leaf never saved). */
export function appraisalOf(entry: EntryRow | undefined) {
  return {
    facts: entry?.facts ?? null,
    appraisalKind: entry?.appraisalKind ?? null,
    appraisedFacts: entry?.appraisedFacts ?? null,
    appraisedPoints: entry?.appraisedPoints ?? null,
  };
}

/** What an appraisal audit row keeps of an entry. */
export function appraisalAudit(entry: EntryRow) {
  return {
    appraisalKind: entry.appraisalKind,
    appraisedFacts: entry.appraisedFacts,
    appraisedPoints: entry.appraisedPoints,
    appraisalComment: entry.appraisalComment,
    supplementDeadline: entry.supplementDeadline,
    supplementNote: entry.supplementNote,
  };
}

/**
 * An appraiser decides the outcome of one leaf (with the reason where it differs from the
 * unit's), comments, or sends the leaf back for supplement. Audited.
 */
export async function appraiseEntry(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: AppraisalInput,
): Promise<EntryRow> {
  const actor = authorize(ctx, 'appraise', await accessTarget(ctx, key.periodId, key.unitId));
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, 'share');
    const round = requireAppraisalStep(scope, ctx.now);
    const node = scope.stored.framework.byCode.get(key.code);
    if (!node || node.children.length > 0 || !node.rule) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có tiêu chí lá ${key.code}`);
    }
    const before = await findEntry(tx, key.periodId, key.unitId, key.code);
    const { pointsDecimals } = scope.stored.framework;
    const choice = choiceOf(input);
    const decided = choice && decideAppraisal(node, before, choice, pointsDecimals);
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
    const comment = input.comment === undefined ? before?.appraisalComment : input.comment;
    requireReason(node, { ...appraisalOf(before), ...decided }, pointsDecimals, comment);
    const row = await writeEntry(tx, key, input.version, {
      ...(decided ?? {}),
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
      before: before && appraisalAudit(before),
      after: appraisalAudit(row),
    });
    return row;
  });
}
