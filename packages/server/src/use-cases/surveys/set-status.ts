import type { SurveyStatus } from '@chiso/contract';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findPeriod } from '../../repositories/periods.js';
import { recomputeSurveyTallies } from '../../repositories/survey-tallies.js';
import { hasResponses, lockSurvey, updateSurvey } from '../../repositories/surveys.js';
import { ensureFitsFramework } from './check-survey.js';
import { storedQuestionnaire, surveyDetail, type SurveyDetail } from './present-survey.js';
import { surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

/**
 * Opens a survey for answers (only when its questionnaire fits the period's framework), closes
 * it (its answers are then counted into the tallies), reopens it, or takes it back to draft while nobody answered.
 */
export async function setSurveyStatus(
  ctx: UseCaseContext,
  surveyId: string,
  status: SurveyStatus,
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    if (survey.status === status) return surveyDetail(tx, survey);
    if (status === 'open') {
      const period = await findPeriod(tx, survey.periodId);
      if (period?.status === 'published') {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          'Kỳ đánh giá đã công bố kết quả; không mở khảo sát được nữa',
        );
      }
      // Answers after the council's approval could never count: opening would only mislead.
      if (period?.status === 'approved') {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          'Kỳ đánh giá đã được Hội đồng thông qua kết quả; không mở khảo sát được nữa',
        );
      }
      await ensureFitsFramework(tx, survey.periodId, storedQuestionnaire(survey));
    }
    if (status === 'closed') {
      // Closing recounts the answers; after the council's approval the figures must stay.
      const period = await findPeriod(tx, survey.periodId);
      if (period?.status !== 'open') {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          'Kỳ đánh giá đã được thông qua; không đóng khảo sát để tính lại được nữa',
        );
      }
    }
    if (status === 'closed' && survey.status !== 'open') {
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Phiếu khảo sát chưa mở nên chưa đóng được');
    }
    if (status === 'draft' && (await hasResponses(tx, survey.id))) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Phiếu khảo sát đã có câu trả lời nên không trở lại bản nháp được; hãy đóng phiếu',
      );
    }
    const updated = await updateSurvey(tx, survey.id, survey.version, { status });
    if (!updated) throw new Error('survey changed while locked');
    // Closing counts the answers once more, so results read the final tallies.
    const counted =
      status === 'closed' ? await recomputeSurveyTallies(tx, survey.id, ctx.now) : undefined;
    await recordAudit(tx, ctx, {
      action: 'survey.status',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      before: { status: survey.status },
      after: counted === undefined ? { status } : { status, responses: counted },
    });
    return surveyDetail(tx, updated);
  });
}
