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
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';

/**
 * A new survey from a questionnaire workbook (the layout the export writes): all or nothing,
 * every problem named by sheet, row and column.
 */
export async function importSurvey(
  ctx: UseCaseContext,
  periodId: string,
  tables: Table[],
  progress: ImportProgress = IN_REQUEST,
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { periodId });
  await requireOpenPeriod(ctx.deps.db, periodId);
  await progress.phase('checking');
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
  await progress.phase('saving', questionnaire.questions.length);
  // The survey is saved in one transaction of a few statements: the last moment a stop is heard.
  await progress.step(0);
  return saveNewSurvey(ctx, periodId, questionnaire, DEFAULT_RECHECK_PERCENT, 'import');
}
