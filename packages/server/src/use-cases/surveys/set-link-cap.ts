import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { lockSurvey, setLinkDailyCap } from '../../repositories/surveys.js';
import { authorizeIn } from '../reach.js';
import { getSurvey } from './get-survey.js';
import { surveyNotFound } from './survey-units.js';

/**
 * How many answers a unit's open link takes a day (Vietnam time), or null for no cap: past it
 * the link answers 429 until midnight (decision 0031). Answers the detail of the survey.
 */
export async function setLinkCap(
  ctx: UseCaseContext,
  surveyId: string,
  unitId: string,
  dailyCap: number | null,
) {
  await authorizeIn(ctx, 'administer', { surveyId });
  await ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    const link = await setLinkDailyCap(tx, { surveyId, unitId }, dailyCap);
    if (!link) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        `Đơn vị ${unitId} chưa có đường dẫn trả lời mở trong phiếu khảo sát này`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'survey.linkCap',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      unitId,
      after: { dailyCap },
    });
  });
  return getSurvey(ctx, surveyId);
}
