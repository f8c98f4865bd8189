import { DomainError, ERROR_CODES, unitTypeKey } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findUnit, upsertUnit, type UnitRow } from '../../repositories/units.js';
import { authorize } from '../authorize.js';

export interface UnitInputBody {
  id: string;
  name: string;
  type: string;
  parentId?: string | null | undefined;
  peerGroup?: string | undefined;
  activeFrom?: string | null | undefined;
  activeTo?: string | null | undefined;
}

/** Creates a unit, or changes one (name, type, parent, peer group, dates). Audited. */
export async function saveUnit(ctx: UseCaseContext, input: UnitInputBody): Promise<UnitRow> {
  authorize(ctx, 'administer');
  const type = unitTypeKey(input.type);
  if (type === undefined) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Loại đơn vị không hợp lệ', [
      {
        path: 'type',
        message: `"${input.type}" không phải là loại đơn vị (ví dụ: so, huyen, xa, phuong, dac-khu)`,
      },
    ]);
  }
  return ctx.deps.db.transaction(async (tx) => {
    if (input.parentId) {
      if (input.parentId === input.id) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị cấp trên không hợp lệ', [
          { path: 'parentId', message: 'một đơn vị không thể là cấp trên của chính nó' },
        ]);
      }
      if (!(await findUnit(tx, input.parentId))) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị cấp trên không tồn tại', [
          { path: 'parentId', message: `không có đơn vị mã "${input.parentId}"` },
        ]);
      }
    }
    const before = await findUnit(tx, input.id);
    const row = await upsertUnit(tx, {
      id: input.id,
      name: input.name,
      type,
      parentId: input.parentId ?? null,
      peerGroup: input.peerGroup ?? before?.peerGroup ?? type,
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'unit.update' : 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      unitId: row.id,
      before,
      after: row,
    });
    return row;
  });
}
