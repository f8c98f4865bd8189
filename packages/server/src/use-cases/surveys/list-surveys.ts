import { actionsOf, DomainError, ERROR_CODES, type Action } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findPeriod } from '../../repositories/periods.js';
import {
  listSurveys as listSurveyRows,
  responseCountsOfPeriod,
  targetTotalsOfPeriod,
} from '../../repositories/surveys.js';
import { requireActor } from '../authorize.js';
import { requirePeriodInReach } from '../reach.js';
import { presentSummary, type SurveySummary } from './present-survey.js';

/** Who may see the list: setup, entry staff, and those who read survey results (read-only). */
const LIST_ACTIONS: readonly Action[] = ['administer', 'enterSurveyResponses', 'readSurveyResults'];

/** The surveys of a period with their progress (responses received, target). */
export async function listSurveys(
  ctx: UseCaseContext,
  periodId: string,
): Promise<{ surveys: SurveySummary[] }> {
  const actor = requireActor(ctx);
  if (!actionsOf(actor.role).some((action) => LIST_ACTIONS.includes(action))) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Bạn không có quyền xem các phiếu khảo sát');
  }
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  }
  await requirePeriodInReach(ctx, period);
  const [rows, responses, targets] = await Promise.all([
    listSurveyRows(db, periodId),
    responseCountsOfPeriod(db, periodId),
    targetTotalsOfPeriod(db, periodId),
  ]);
  return {
    surveys: rows.map((row) =>
      presentSummary(row, responses.get(row.id) ?? 0, targets.get(row.id) ?? 0, period.status),
    ),
  };
}
