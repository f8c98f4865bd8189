import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findUnits, insertLineage } from '../../repositories/units.js';
import { authorize } from '../authorize.js';

/** Records that a unit was formed from others (merged, split off, renamed) on a date. */
export async function addLineage(
  ctx: UseCaseContext,
  input: {
    unitId: string;
    from: string[];
    kind: 'merge' | 'split' | 'rename';
    effectiveOn: string;
    primary?: string | undefined;
  },
): Promise<void> {
  authorize(ctx, 'administer');
  const ids = [input.unitId, ...input.from];
  const found = new Set((await findUnits(ctx.deps.db, ids)).map((u) => u.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị không tồn tại', [
      { path: 'from', message: `không có đơn vị mã: ${missing.join(', ')}` },
    ]);
  }
  if (
    input.from.includes(input.unitId) ||
    (input.primary !== undefined && !input.from.includes(input.primary))
  ) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thông tin kế thừa không hợp lệ', [
      {
        path: 'primary',
        message: 'đơn vị chính phải nằm trong danh sách đơn vị cũ, và khác đơn vị mới',
      },
    ]);
  }
  await ctx.deps.db.transaction(async (tx) => {
    const rows = input.from.map((fromUnitId) => ({
      unitId: input.unitId,
      fromUnitId,
      kind: input.kind,
      effectiveOn: input.effectiveOn,
      isPrimary: fromUnitId === (input.primary ?? input.from[0]),
    }));
    await insertLineage(tx, rows);
    await recordAudit(tx, ctx, {
      action: 'unit.lineage',
      entityType: 'unit',
      entityId: input.unitId,
      unitId: input.unitId,
      after: rows,
    });
  });
}
