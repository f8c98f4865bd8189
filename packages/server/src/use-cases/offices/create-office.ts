import { DomainError, ERROR_CODES, officeKey } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertOffice, listOffices, presentOffice } from '../../repositories/offices.js';
import { requireUnit } from './unit-of.js';
import { authorizeIn } from '../reach.js';

/** Adds an office to a unit, last in its order. A name the unit already has is a conflict. */
export async function createOffice(ctx: UseCaseContext, unitId: string, name: string) {
  await authorizeIn(ctx, 'manageOffices', { unitId }, { unitId });
  return ctx.deps.db.transaction(async (tx) => {
    await requireUnit(tx, unitId);
    const existing = await listOffices(tx, unitId);
    const twin = existing.find((office) => officeKey(office.name) === officeKey(name));
    if (twin) {
      throw new DomainError(ERROR_CODES.CONFLICT, `Đơn vị đã có "${twin.name}"`, [
        { path: 'name', message: `trùng với "${twin.name}"${twin.active ? '' : ' (đã ngừng)'}` },
      ]);
    }
    const position = existing.reduce((max, office) => Math.max(max, office.position + 1), 0);
    const row = await insertOffice(tx, { unitId, name, position });
    if (!row) throw new DomainError(ERROR_CODES.CONFLICT, `Đơn vị đã có "${name}"`);
    const office = presentOffice(row);
    await recordAudit(tx, ctx, {
      action: 'office.create',
      entityType: 'office',
      entityId: row.id,
      unitId,
      after: office,
    });
    return office;
  });
}
