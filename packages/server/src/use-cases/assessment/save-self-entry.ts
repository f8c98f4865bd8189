import { DomainError, ERROR_CODES, evaluateRule, type Decimal } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, writeEntry, type EntryRow } from '../../repositories/entries.js';
import { authorize } from '../authorize.js';
import { accessTarget, loadUnitScope } from './scope.js';
import { canonicalJson } from './appraisal-outcome.js';
import { appraisalAudit } from './appraise-entry.js';
import { requireSelfEdit } from './self-edit.js';

export interface SelfEntryInput {
  /** Facts for the leaf's rule; for a manually scored leaf, points may be given instead. */
  facts?: Record<string, unknown> | null | undefined;
  points?: Decimal | undefined;
  /** Giải trình: how the points were reached, where evidence is missing or partial. */
  explanation?: string | null | undefined;
  /** The version the person saw (0 for a leaf never saved). */
  version: number;
}

/** Saves a unit's self-assessment of one leaf; the core computes the points. Audited. */
export async function saveSelfEntry(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: SelfEntryInput,
): Promise<EntryRow> {
  const actor = authorize(
    ctx,
    'editSelfAssessment',
    await accessTarget(ctx, key.periodId, key.unitId),
  );
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, 'share');
    const node = scope.stored.framework.byCode.get(key.code);
    if (!node || node.children.length > 0 || !node.rule) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có tiêu chí lá ${key.code}`);
    }
    const before = await findEntry(tx, key.periodId, key.unitId, key.code);
    requireSelfEdit(scope, ctx.now, before);

    let facts = input.facts === undefined ? (before?.facts ?? null) : input.facts;
    if (input.points !== undefined) {
      if (node.rule.kind !== 'manual') {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Tiêu chí này tính điểm từ số liệu', [
          {
            path: 'points',
            message: `tiêu chí ${key.code} được tính theo quy tắc; hãy nhập số liệu (facts) thay cho điểm`,
          },
        ]);
      }
      facts = { points: input.points.toString() };
    }
    let selfPoints: string | null = null;
    if (facts !== null) {
      const outcome = evaluateRule(
        node.rule,
        facts,
        { maxPoints: node.maxPoints, pointsDecimals: scope.stored.framework.pointsDecimals },
        input.points !== undefined ? '' : 'facts',
      );
      selfPoints = outcome.status === 'scored' ? outcome.points.toString() : null;
    }
    // A supplement that changes the figures answers the appraiser: what was decided on the old
    // figures is decided again (or, untouched, accepted as the new self-assessment when the
    // round closes). A supplement that only adds a file or a sentence keeps the decision.
    const reopens =
      before !== undefined &&
      scope.participation.status === 'submitted' &&
      before.appraisalKind !== null &&
      canonicalJson(facts) !== canonicalJson(before.facts);
    const row = await writeEntry(tx, key, input.version, {
      facts,
      selfPoints,
      selfExplanation:
        input.explanation === undefined
          ? (before?.selfExplanation ?? null)
          : input.explanation || null,
      selfUpdatedAt: ctx.now,
      selfUpdatedBy: actor.userId,
      ...(reopens
        ? {
            appraisalKind: null,
            appraisedFacts: null,
            appraisedPoints: null,
            appraisalComment: null,
          }
        : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'entry.self.save',
      entityType: 'entry',
      entityId: `${key.periodId}/${key.unitId}/${key.code}`,
      ...key,
      before: before && {
        facts: before.facts,
        selfPoints: before.selfPoints,
        selfExplanation: before.selfExplanation,
        ...(reopens ? appraisalAudit(before) : {}),
      },
      after: {
        facts: row.facts,
        selfPoints: row.selfPoints,
        selfExplanation: row.selfExplanation,
        ...(reopens ? appraisalAudit(row) : {}),
      },
    });
    return row;
  });
}
