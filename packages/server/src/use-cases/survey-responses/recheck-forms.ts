import {
  compareAnswers,
  DomainError,
  ERROR_CODES,
  keysFromAnswers,
  recheckSelected,
  type Questionnaire,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  findFormResponse,
  findRecheck,
  findResponse,
  insertRecheck,
  listForms,
  listRechecks as listRecheckRows,
  resolveRecheck as markResolved,
  updateResponseAnswers,
} from '../../repositories/survey-responses.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import { completeAnswers, loadSurvey, openSurveyFor, type AnswerKeys } from './collection.js';
import { authorizeIn } from '../reach.js';

/** Each differing question with the option key of each entry. */
function presentDifferences(
  q: Questionnaire,
  first: number[],
  second: number[],
  numbers: number[],
) {
  const a = keysFromAnswers(q, first);
  const b = keysFromAnswers(q, second);
  return numbers.map((n) => {
    const code = q.questions[n - 1]?.code ?? String(n);
    return { question: code, first: a[code] ?? null, second: b[code] ?? null };
  });
}

/**
 * The re-check (phúc tra) of a survey: selected forms still waiting for their second entry,
 * second entries that differ and wait to be resolved, and how many are done (matched or
 * resolved). selected = pending + mismatches + done.
 */
export async function listRechecks(ctx: UseCaseContext, surveyId: string) {
  await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const survey = await loadSurvey(ctx.deps.db, surveyId);
  const q = storedQuestionnaire(survey);
  const forms = await listForms(ctx.deps.db, surveyId);
  const selected = forms.filter((form) => recheckSelected(form.id, survey.recheckPercent));
  const rechecks = await listRecheckRows(ctx.deps.db, surveyId);
  return {
    pending: selected
      .filter((form) => form.recheck === null)
      .map((form) => ({
        formNumber: form.formNumber ?? '',
        batch: form.batch,
        unitId: form.unitId,
      })),
    mismatches: rechecks
      .filter((row) => row.status === 'mismatch')
      .map((row) => ({
        responseId: row.responseId,
        formNumber: row.formNumber ?? '',
        differences: presentDifferences(q, row.first, row.second, row.differences),
      })),
    done: rechecks.filter((row) => row.status === 'match' || row.status === 'resolved').length,
    selected: selected.length,
  };
}

/**
 * The second, blind entry of a selected form (nothing of the first entry is shown before it is
 * saved), compared with the first: 'match', or 'mismatch' with the questions that differ.
 */
export async function enterRecheck(
  ctx: UseCaseContext,
  surveyId: string,
  input: { formNumber: string; answers: AnswerKeys },
) {
  const actor = await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const formNumber = input.formNumber.trim();
  return ctx.deps.db.transaction(async (tx) => {
    const { survey, questionnaire } = await openSurveyFor(tx, surveyId);
    const response = await findFormResponse(tx, surveyId, formNumber);
    if (!response) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        `Chưa có phiếu số ${formNumber} trong phiếu khảo sát này`,
      );
    }
    if (!recheckSelected(response.id, survey.recheckPercent)) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Phiếu số ${formNumber} không nằm trong mẫu phúc tra (${survey.recheckPercent}% số phiếu)`,
      );
    }
    const second = completeAnswers(questionnaire, input.answers);
    const differences = compareAnswers(response.answers, second);
    const status = differences.length === 0 ? 'match' : 'mismatch';
    const saved = await insertRecheck(tx, {
      responseId: response.id,
      answers: second,
      differences,
      status,
      enteredBy: actor.userId,
      enteredAt: ctx.now,
    });
    if (!saved) {
      throw new DomainError(ERROR_CODES.CONFLICT, `Phiếu số ${formNumber} đã được nhập phúc tra`);
    }
    const shown = presentDifferences(questionnaire, response.answers, second, differences);
    await recordAudit(tx, ctx, {
      action: 'survey.recheck.enter',
      entityType: 'surveyResponse',
      entityId: response.id,
      periodId: survey.periodId,
      unitId: response.unitId,
      after: { surveyId, formNumber, status, differences: shown },
    });
    return { status, differences: shown };
  });
}

/** The right answers of a form whose two entries differ: the response takes them. */
export async function resolveRecheck(
  ctx: UseCaseContext,
  surveyId: string,
  responseId: string,
  keys: AnswerKeys,
) {
  const actor = await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const { survey, questionnaire } = await openSurveyFor(tx, surveyId);
    const response = await findResponse(tx, responseId);
    const recheck = response?.surveyId === surveyId ? await findRecheck(tx, responseId) : undefined;
    if (!response || !recheck) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        'Không có phiếu phúc tra này trong phiếu khảo sát',
      );
    }
    if (recheck.status !== 'mismatch') {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Phiếu số ${response.formNumber ?? ''} không có sai khác nào cần xử lý`,
      );
    }
    // The clerk gives only the questions in dispute; the rest of the first entry stands.
    const answers = completeAnswers(questionnaire, {
      ...keysFromAnswers(questionnaire, response.answers),
      ...keys,
    });
    await updateResponseAnswers(tx, responseId, answers);
    await markResolved(tx, responseId, { resolvedBy: actor.userId, resolvedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'survey.recheck.resolve',
      entityType: 'surveyResponse',
      entityId: responseId,
      periodId: survey.periodId,
      unitId: response.unitId,
      before: {
        formNumber: response.formNumber,
        first: keysFromAnswers(questionnaire, response.answers),
        second: keysFromAnswers(questionnaire, recheck.answers),
      },
      after: { formNumber: response.formNumber, answers: keysFromAnswers(questionnaire, answers) },
    });
    return { status: 'resolved' as const };
  });
}
