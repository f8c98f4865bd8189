import { DomainError, ERROR_CODES, keysFromAnswers, recheckSelected } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertResponse, listForms } from '../../repositories/survey-responses.js';
import { ratedUnitsOf, requireRatedUnit } from '../surveys/survey-units.js';
import {
  completeAnswers,
  loadSurvey,
  openSurveyFor,
  responseDay,
  type AnswerKeys,
} from './collection.js';
import { authorizeIn } from '../reach.js';

export interface PaperFormInput {
  unitId: string;
  formNumber: string;
  batch?: string | null | undefined;
  answers: AnswerKeys;
}

/**
 * A paper form typed in by staff: its printed number (once per survey), batch and unit, and the
 * options ticked. Tells whether the form is among those to be entered again for the re-check.
 */
export async function enterPaperForm(
  ctx: UseCaseContext,
  surveyId: string,
  input: PaperFormInput,
): Promise<{ id: string; recheckSelected: boolean }> {
  const actor = await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const formNumber = input.formNumber.trim();
  const batch = input.batch?.trim() || null;
  return ctx.deps.db.transaction(async (tx) => {
    const { survey, questionnaire } = await openSurveyFor(tx, surveyId);
    requireRatedUnit(await ratedUnitsOf(tx, survey), input.unitId);
    const answers = completeAnswers(questionnaire, input.answers);
    const id = await insertResponse(tx, {
      surveyId,
      unitId: input.unitId,
      channel: 'paper',
      answers,
      formNumber,
      batch,
      submittedOn: responseDay(ctx),
      enteredBy: actor.userId,
    });
    if (id === undefined) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        `Phiếu số ${formNumber} đã được nhập cho phiếu khảo sát này`,
      );
    }
    // A paper form says nothing about who filled it in: number, batch and options only.
    await recordAudit(tx, ctx, {
      action: 'survey.paper.enter',
      entityType: 'surveyResponse',
      entityId: id,
      periodId: survey.periodId,
      unitId: input.unitId,
      after: { surveyId, formNumber, batch, answers: keysFromAnswers(questionnaire, answers) },
    });
    return { id, recheckSelected: recheckSelected(id, survey.recheckPercent) };
  });
}

export type RecheckState = 'pending' | 'match' | 'mismatch' | 'resolved';

/** Paper and imported forms of a survey (optionally one batch), with their re-check state. */
export async function listPaperForms(ctx: UseCaseContext, surveyId: string, batch?: string) {
  await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const survey = await loadSurvey(ctx.deps.db, surveyId);
  const rows = await listForms(ctx.deps.db, surveyId, batch);
  return {
    forms: rows.map((row) => ({
      id: row.id,
      formNumber: row.formNumber ?? '',
      batch: row.batch,
      unitId: row.unitId,
      submittedOn: row.submittedOn,
      recheck: (row.recheck ??
        (recheckSelected(row.id, survey.recheckPercent) ? 'pending' : null)) as RecheckState | null,
    })),
  };
}
