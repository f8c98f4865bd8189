import { DomainError, ERROR_CODES, formatVietnamTime, type WindowKind } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  findExtension,
  findParticipation,
  listWindows,
  upsertExtension,
} from '../../repositories/periods.js';
import { authorizeIn } from '../reach.js';

/** Gives one unit more time in one window, with a reason. Audited. */
export async function extendWindow(
  ctx: UseCaseContext,
  input: { periodId: string; unitId: string; kind: WindowKind; closesAt: number; reason: string },
): Promise<void> {
  const actor = await authorizeIn(ctx, 'administer', { periodId: input.periodId });
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await findParticipation(tx, input.periodId, input.unitId))) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Đơn vị không tham gia kỳ đánh giá này');
    }
    const window = (await listWindows(tx, input.periodId)).find((w) => w.kind === input.kind);
    if (!window)
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Chưa thiết lập thời gian cho bước này');
    if (input.closesAt <= window.closesAt) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Gia hạn không hợp lệ', [
        {
          path: 'closesAt',
          message: `phải sau thời điểm kết thúc chung ${formatVietnamTime(window.closesAt, true)}`,
        },
      ]);
    }
    const before = await findExtension(tx, input.periodId, input.unitId, input.kind);
    const values = {
      periodId: input.periodId,
      unitId: input.unitId,
      kind: input.kind,
      closesAt: new Date(input.closesAt),
      reason: input.reason,
      createdBy: actor.userId,
      createdAt: ctx.now,
    };
    await upsertExtension(tx, values);
    await recordAudit(tx, ctx, {
      action: 'window.extend',
      entityType: 'window',
      entityId: `${input.periodId}/${input.kind}/${input.unitId}`,
      periodId: input.periodId,
      unitId: input.unitId,
      before,
      after: values,
    });
  });
}
