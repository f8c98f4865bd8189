import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findEntry, writeEntry, type EntryRow } from '../../repositories/entries.js';
import { isDisputed } from './appraisal-outcome.js';
import { authorize } from '../authorize.js';
import { accessTarget, loadUnitScope, requireOpenPeriod, requireWindow } from './scope.js';

/**
 * Explanation round (giải trình): the unit answers a leaf whose appraised points differ from
 * its own, inside the explanation window. New evidence is linked the usual way. Audited.
 */
export async function respondExplanation(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
  input: { response: string; version: number },
): Promise<EntryRow> {
  const actor = authorize(
    ctx,
    'respondExplanation',
    await accessTarget(ctx, key.periodId, key.unitId),
  );
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, 'share');
    requireOpenPeriod(scope);
    if (scope.participation.status !== 'appraised') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Chỉ giải trình sau khi có kết quả thẩm định và trước khi chốt',
      );
    }
    requireWindow(scope, 'explanation', ctx.now);
    const before = await findEntry(tx, key.periodId, key.unitId, key.code);
    const node = scope.stored.framework.byCode.get(key.code);
    if (!before || !node || !isDisputed(node, before, scope.stored.framework.pointsDecimals)) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Tiêu chí ${key.code} không có kết quả thẩm định khác kết quả tự đánh giá để giải trình`,
      );
    }
    const row = await writeEntry(tx, key, input.version, {
      response: input.response.trim(),
      respondedAt: ctx.now,
      respondedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'entry.respond',
      entityType: 'entry',
      entityId: `${key.periodId}/${key.unitId}/${key.code}`,
      ...key,
      before: { response: before.response },
      after: { response: row.response },
    });
    return row;
  });
}
