import { can, DomainError, ERROR_CODES, normalizeHeader, questionnaireWorkbook } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findSurvey } from '../../repositories/surveys.js';
import type { PlainSheet } from '../../spreadsheet/write-sheets.js';
import { requireActor } from '../authorize.js';
import { storedQuestionnaire } from './present-survey.js';
import { surveyNotFound } from './survey-units.js';
import { withinOf } from '../reach.js';

/** "Phiếu đại biểu HĐND" → "phieu-dai-bieu-hdnd": a file name any browser keeps. */
export function fileSlug(text: string): string {
  return (
    normalizeHeader(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'phieu'
  );
}

/** The questionnaire as a workbook, in the layout the import reads back. */
export async function exportSurvey(
  ctx: UseCaseContext,
  surveyId: string,
): Promise<{ fileName: string; sheets: PlainSheet[] }> {
  const actor = requireActor(ctx);
  const within = await withinOf(ctx, { surveyId });
  if (!can(actor, 'administer', { within }) && !can(actor, 'enterSurveyResponses', { within })) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Bạn không có quyền xem phiếu khảo sát này');
  }
  const survey = await findSurvey(ctx.deps.db, surveyId);
  if (!survey) throw surveyNotFound();
  return {
    fileName: `${fileSlug(survey.name)}.xlsx`,
    sheets: questionnaireWorkbook(storedQuestionnaire(survey)),
  };
}
