import {
  checkQuestionnaireAgainstFramework,
  DomainError,
  ERROR_CODES,
  unitTypeLabel,
  type Questionnaire,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { frameworksOfPeriod, loadFramework } from '../../repositories/frameworks.js';

/**
 * Refuses a questionnaire that does not fit the framework the period uses for its rated unit
 * type (leaves fed, respondent group, SIPAS elements): a survey is opened only when it does.
 */
export async function ensureFitsFramework(
  db: Db,
  periodId: string,
  q: Questionnaire,
): Promise<void> {
  const link = (await frameworksOfPeriod(db, periodId)).find((f) => f.unitType === q.ratedUnitType);
  const stored = link ? await loadFramework(db, link.frameworkId) : undefined;
  const issues = stored
    ? checkQuestionnaireAgainstFramework(q, stored.framework)
    : [
        {
          path: 'ratedUnitType',
          message: `kỳ đánh giá không có bộ chỉ số cho ${unitTypeLabel(q.ratedUnitType)}`,
        },
      ];
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      `Phiếu khảo sát chưa khớp với bộ chỉ số của kỳ đánh giá${stored ? ` ("${stored.row.name}")` : ''}`,
      issues,
    );
  }
}
