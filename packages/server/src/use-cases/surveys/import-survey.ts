import { DomainError, ERROR_CODES, parseQuestionnaireTables, type Table } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import {
  DEFAULT_RECHECK_PERCENT,
  requireOpenPeriod,
  saveNewSurvey,
  withRatedUnitType,
} from './create-survey.js';
import type { SurveyDetail } from './present-survey.js';
import { authorizeIn } from '../reach.js';

/**
 * A new survey from a questionnaire workbook (the layout the export writes): all or nothing,
 * every problem named by sheet, row and column.
 */
export async function importSurvey(
  ctx: UseCaseContext,
  periodId: string,
  tables: Table[],
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { periodId });
  await requireOpenPeriod(ctx.deps.db, periodId);
  const questionnaire = parseQuestionnaireTables(tables);
  try {
    await withRatedUnitType(ctx.deps.db, periodId, questionnaire);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      'Không nhập được phiếu khảo sát',
      error.issues.map((issue) => ({
        sheet: 'Thông tin',
        field: 'Loại đơn vị được đánh giá',
        message: issue.message,
      })),
    );
  }
  return saveNewSurvey(ctx, periodId, questionnaire, DEFAULT_RECHECK_PERCENT, 'import');
}
