import { DomainError, ERROR_CODES, checkWindow } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  listParticipations,
  listWindows,
  lockPeriod,
  updatePeriod,
} from '../../repositories/periods.js';
import { findUnits } from '../../repositories/units.js';
import { authorizeIn } from '../reach.js';

/** The council records its decision (number, date) and approves the results. Audited. */
export async function approveResults(
  ctx: UseCaseContext,
  periodId: string,
  input: { decisionNumber: string; decisionDate: string },
): Promise<void> {
  const actor = await authorizeIn(ctx, 'approveResults', { periodId });
  await ctx.deps.db.transaction(async (tx) => {
    const period = await lockPeriod(tx, periodId);
    if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    if (period.status !== 'open')
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Kết quả kỳ đánh giá đã được thông qua');
    const window = (await listWindows(tx, periodId)).find((w) => w.kind === 'council');
    const check = checkWindow(window, ctx.now.getTime(), 'council');
    if (!check.open) throw new DomainError(ERROR_CODES.WINDOW_CLOSED, check.reason);
    const pending = (await listParticipations(tx, periodId)).filter(
      (p) => p.status !== 'finalised',
    );
    if (pending.length > 0) {
      const names = (
        await findUnits(
          tx,
          pending.map((p) => p.unitId),
        )
      ).map((u) => u.name);
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Còn ${pending.length} đơn vị chưa chốt kết quả thẩm định`,
        names.map((name) => ({ message: name })),
      );
    }
    const changes = {
      status: 'approved' as const,
      councilDecisionNumber: input.decisionNumber,
      councilDecisionDate: input.decisionDate,
      approvedAt: ctx.now,
      approvedBy: actor.userId,
    };
    await updatePeriod(tx, periodId, changes);
    await recordAudit(tx, ctx, {
      action: 'period.approve',
      entityType: 'period',
      entityId: periodId,
      periodId,
      before: { status: period.status },
      after: changes,
    });
  });
}
