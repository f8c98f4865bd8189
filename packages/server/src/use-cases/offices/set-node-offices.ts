import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findFrameworkRow, listNodes } from '../../repositories/frameworks.js';
import {
  deleteUnitNodeOffices,
  findUnitNodeOffices,
  listOffices,
  upsertUnitNodeOffices,
} from '../../repositories/offices.js';
import { requireUnit } from './unit-of.js';
import { authorizeIn } from '../reach.js';

export interface NodeOfficesChoice {
  leadOfficeId: string | null;
  supportingOfficeIds: string[];
  useDefault?: boolean | undefined;
}

/**
 * Sets which of its offices leads a node in one unit and which support, or goes back to the
 * framework's default. Only the unit's own active offices; the lead is not also supporting.
 * Audited.
 */
export async function setNodeOffices(
  ctx: UseCaseContext,
  key: { unitId: string; frameworkId: string; code: string },
  choice: NodeOfficesChoice,
): Promise<void> {
  await authorizeIn(ctx, 'manageOffices', { unitId: key.unitId }, { unitId: key.unitId });
  await ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const framework = await findFrameworkRow(tx, key.frameworkId);
    if (!framework || framework.unitType !== unit.type) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không có bộ tiêu chí này cho loại đơn vị');
    }
    if (!(await listNodes(tx, key.frameworkId)).some((node) => node.code === key.code)) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ tiêu chí không có mục "${key.code}"`);
    }
    const before = (await findUnitNodeOffices(tx, key)) ?? null;
    const audit = { entityType: 'unitNodeOffices', entityId: key.frameworkId, unitId: key.unitId };
    if (choice.useDefault) {
      await deleteUnitNodeOffices(tx, key);
      await recordAudit(tx, ctx, {
        ...audit,
        action: 'office.responsibility',
        code: key.code,
        before,
        after: null,
      });
      return;
    }
    const active = new Set(
      (await listOffices(tx, key.unitId)).filter((o) => o.active).map((o) => o.id),
    );
    const named = [choice.leadOfficeId, ...choice.supportingOfficeIds];
    named.forEach((id, index) => {
      if (id !== null && !active.has(id)) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Phòng, ban không hợp lệ', [
          {
            path: index === 0 ? 'leadOfficeId' : `supportingOfficeIds.${index - 1}`,
            message: 'không phải phòng, ban đang hoạt động của đơn vị',
          },
        ]);
      }
    });
    const supportingOfficeIds = [...new Set(choice.supportingOfficeIds)].filter(
      (id) => id !== choice.leadOfficeId,
    );
    const after = { leadOfficeId: choice.leadOfficeId, supportingOfficeIds };
    await upsertUnitNodeOffices(tx, { ...key, ...after, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      ...audit,
      action: 'office.responsibility',
      code: key.code,
      before,
      after,
    });
  });
}
