import { DomainError, ERROR_CODES, officeKey } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  findOffice,
  listOffices,
  presentOffice,
  updateOffice as writeOffice,
} from '../../repositories/offices.js';
import { authorizeIn } from '../reach.js';

export interface OfficeChanges {
  name?: string | undefined;
  position?: number | undefined;
  active?: boolean | undefined;
}

/**
 * Renames, reorders, stops or restarts an office. An office is never deleted: plans and tasks
 * that name it keep its name. Audited.
 */
export async function updateOffice(
  ctx: UseCaseContext,
  unitId: string,
  officeId: string,
  changes: OfficeChanges,
) {
  await authorizeIn(ctx, 'manageOffices', { unitId }, { unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const before = await findOffice(tx, officeId);
    if (!before || before.unitId !== unitId) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy phòng, ban này của đơn vị');
    }
    if (changes.name !== undefined && officeKey(changes.name) !== officeKey(before.name)) {
      const twin = (await listOffices(tx, unitId)).find(
        (office) =>
          office.id !== officeId && officeKey(office.name) === officeKey(changes.name ?? ''),
      );
      if (twin) {
        throw new DomainError(ERROR_CODES.CONFLICT, `Đơn vị đã có "${twin.name}"`, [
          { path: 'name', message: `trùng với "${twin.name}"` },
        ]);
      }
    }
    const row = await writeOffice(tx, officeId, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.position === undefined ? {} : { position: changes.position }),
      ...(changes.active === undefined ? {} : { active: changes.active }),
    });
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy phòng, ban này');
    const office = presentOffice(row);
    await recordAudit(tx, ctx, {
      action: 'office.update',
      entityType: 'office',
      entityId: officeId,
      unitId,
      before: presentOffice(before),
      after: office,
    });
    return office;
  });
}
