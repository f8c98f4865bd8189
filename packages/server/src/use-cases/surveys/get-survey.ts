import { can, DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findSurvey } from '../../repositories/surveys.js';
import { requireActor } from '../authorize.js';
import { surveyDetail, type SurveyDetail } from './present-survey.js';
import { surveyNotFound } from './survey-units.js';
import { withinOf } from '../reach.js';

/** One survey in full: administrators set it up, entry staff need its questions and units. */
export async function getSurvey(ctx: UseCaseContext, surveyId: string): Promise<SurveyDetail> {
  const actor = requireActor(ctx);
  const within = await withinOf(ctx, { surveyId });
  if (!can(actor, 'administer', { within }) && !can(actor, 'enterSurveyResponses', { within })) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Bạn không có quyền xem phiếu khảo sát này');
  }
  const row = await findSurvey(ctx.deps.db, surveyId);
  if (!row) throw surveyNotFound();
  return surveyDetail(ctx.deps.db, row);
}
