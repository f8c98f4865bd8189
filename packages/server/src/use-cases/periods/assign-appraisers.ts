import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  findParticipation,
  listAssignments,
  replaceAssignments,
} from '../../repositories/periods.js';
import { findUserById } from '../../repositories/users.js';
import { periodChain } from '../../repositories/unit-chains.js';
import { authorizeIn } from '../reach.js';

/** Sets who appraises a unit in a period (replacing the previous list). Audited. */
export async function assignAppraisers(
  ctx: UseCaseContext,
  input: { periodId: string; unitId: string; appraiserIds: string[] },
): Promise<void> {
  await authorizeIn(ctx, 'administer', { periodId: input.periodId });
  // An appraiser's secretariat must reach the period's owner: the install's, or a unit on its chain.
  const chain = await periodChain(ctx.deps.db, input.periodId);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await findParticipation(tx, input.periodId, input.unitId))) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Đơn vị không tham gia kỳ đánh giá này');
    }
    for (const id of input.appraiserIds) {
      const user = await findUserById(tx, id);
      if (!user || user.role !== 'appraiser' || !user.active) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Người thẩm định không hợp lệ', [
          {
            path: 'appraiserIds',
            message: `tài khoản ${id} không phải là thành viên Tổ thẩm định đang hoạt động`,
          },
        ]);
      }
      if (user.unitId !== null && !chain.includes(user.unitId)) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Người thẩm định không hợp lệ', [
          {
            path: 'appraiserIds',
            message: `${user.fullName} thuộc Tổ thẩm định của cơ quan thường trực khác, không thẩm định được kỳ đánh giá này`,
          },
        ]);
      }
    }
    const before = (await listAssignments(tx, input.periodId))
      .filter((a) => a.unitId === input.unitId)
      .map((a) => a.appraiserId);
    await replaceAssignments(tx, input.periodId, input.unitId, input.appraiserIds);
    await recordAudit(tx, ctx, {
      action: 'assignment.set',
      entityType: 'assignment',
      entityId: `${input.periodId}/${input.unitId}`,
      periodId: input.periodId,
      unitId: input.unitId,
      before,
      after: input.appraiserIds,
    });
  });
}
