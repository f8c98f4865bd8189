import { DomainError, ERROR_CODES, parseQuestionnaire, serializeQuestionnaire } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  hasResponses,
  hasUnitsAttached,
  lockSurvey,
  updateSurvey as updateSurveyRow,
} from '../../repositories/surveys.js';
import { ensureFitsFramework } from './check-survey.js';
import { requireOpenPeriod, withRatedUnitType } from './create-survey.js';
import {
  questionnaireColumns,
  storedQuestionnaire,
  surveyDetail,
  type SurveyDetail,
} from './present-survey.js';
import { surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

export interface SurveyChanges {
  questionnaire: unknown;
  recheckPercent: number;
  /** The version the change was made on; another change since then is a CONFLICT. */
  version: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a survey's questionnaire and re-check share. Once answers exist, its questions, kind,
 * group and rated unit type are fixed (they give the answers their meaning); names and SIPAS
 * settings may still change. An open survey must still fit the framework.
 */
export async function updateSurvey(
  ctx: UseCaseContext,
  surveyId: string,
  changes: SurveyChanges,
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { surveyId });
  const parsed = parseQuestionnaire(changes.questionnaire);
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    if (survey.version !== changes.version) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        'Phiếu khảo sát vừa được người khác sửa; hãy tải lại rồi sửa tiếp',
      );
    }
    await requireOpenPeriod(tx, survey.periodId);
    const q = await withRatedUnitType(tx, survey.periodId, parsed);
    const before = serializeQuestionnaire(storedQuestionnaire(survey));
    const after = serializeQuestionnaire(q);
    if (after.ratedUnitType !== before.ratedUnitType && (await hasUnitsAttached(tx, survey.id))) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Phiếu đã có chỉ tiêu, mã, đường dẫn hoặc danh sách người được khảo sát theo đơn vị; không đổi được loại đơn vị được đánh giá',
      );
    }
    const fixed =
      !same(after.questions, before.questions) ||
      after.kind !== before.kind ||
      after.group !== before.group ||
      after.ratedUnitType !== before.ratedUnitType;
    if (fixed && (await hasResponses(tx, survey.id))) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Phiếu khảo sát đã có câu trả lời; không sửa được câu hỏi, phương án, loại phiếu, nhóm đối tượng hay loại đơn vị được đánh giá',
      );
    }
    if (survey.status === 'open') await ensureFitsFramework(tx, survey.periodId, q);
    const updated = await updateSurveyRow(tx, survey.id, survey.version, {
      ...questionnaireColumns(q),
      recheckPercent: changes.recheckPercent,
    });
    if (!updated) throw new Error('survey changed while locked');
    await recordAudit(tx, ctx, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      before: { ...before, recheckPercent: survey.recheckPercent },
      after: { ...after, recheckPercent: changes.recheckPercent },
    });
    return surveyDetail(tx, updated);
  });
}
