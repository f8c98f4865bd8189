import {
  DomainError,
  ERROR_CODES,
  isSurveyCode,
  keysFromAnswers,
  normalizeSurveyCode,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import {
  deleteDraft,
  findCode,
  findDraft,
  insertResponse,
  markCodeAnswered,
  saveDraft,
} from '../../repositories/survey-responses.js';
import { findUnit } from '../../repositories/units.js';
import { tokenHash } from '../../security/tokens.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import {
  completeAnswers,
  draftAnswers,
  loadSurvey,
  openSurveyFor,
  presentForm,
  requireOpen,
  responseDay,
  type AnswerKeys,
} from './collection.js';
import { countFailedLookup, guardLookups } from './rate-limits.js';

const USED = 'Mã này đã được dùng để trả lời phiếu';

/**
 * The code as typed, found (after the address's failed look-ups are checked); each wrong code
 * counts against the address. Respondents have no account: nothing here is audited, so that no
 * record ties a code, an address or an instant to the answers.
 */
async function resolveCode(ctx: UseCaseContext, typed: string) {
  await guardLookups(ctx);
  const text = normalizeSurveyCode(typed);
  const code = isSurveyCode(text) ? await findCode(ctx.deps.db, text) : undefined;
  if (!code) {
    await countFailedLookup(ctx);
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      'Mã khảo sát không đúng. Hãy kiểm tra lại mã in trên giấy mời (10 ký tự, không có chữ O, I và số 0, 1)',
    );
  }
  const survey = await loadSurvey(ctx.deps.db, code.surveyId);
  const unit = await findUnit(ctx.deps.db, code.unitId);
  if (!unit) throw new Error(`unit ${code.unitId} of a code is missing`);
  return { code, survey, unit, questionnaire: storedQuestionnaire(survey) };
}

/** The form a code opens, with the answers saved so far, or `answered` once it was used. */
export async function getCodeForm(ctx: UseCaseContext, typed: string) {
  const { code, survey, unit, questionnaire } = await resolveCode(ctx, typed);
  const form = presentForm(survey, questionnaire, unit);
  if (code.answeredOn !== null) return { ...form, draft: null, answered: true };
  await requireOpen(ctx.deps.db, survey);
  const draft = await findDraft(ctx.deps.db, tokenHash(code.code));
  return {
    ...form,
    draft: draft ? keysFromAnswers(questionnaire, draft.answers) : null,
    answered: false,
  };
}

/** Saves answers to finish later; the code itself is the key to them. */
export async function saveCodeDraft(ctx: UseCaseContext, typed: string, keys: AnswerKeys) {
  const { code, survey, questionnaire } = await resolveCode(ctx, typed);
  if (code.answeredOn !== null) throw new DomainError(ERROR_CODES.CONFLICT, USED);
  await requireOpen(ctx.deps.db, survey);
  await saveDraft(ctx.deps.db, {
    tokenHash: tokenHash(code.code),
    surveyId: survey.id,
    unitId: code.unitId,
    codeId: code.id,
    answers: draftAnswers(questionnaire, keys),
    updatedAt: ctx.now,
  });
  return { saved: true as const };
}

/**
 * The response of a code: one code, one response. The code is marked used (to the day) and the
 * response stored without any reference to it, in one transaction; the draft goes with it.
 */
export async function submitCodeResponse(ctx: UseCaseContext, typed: string, keys: AnswerKeys) {
  const { code, survey } = await resolveCode(ctx, typed);
  if (code.answeredOn !== null) throw new DomainError(ERROR_CODES.CONFLICT, USED);
  const day = responseDay(ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const { questionnaire } = await openSurveyFor(tx, survey.id);
    const answers = completeAnswers(questionnaire, keys);
    if (!(await markCodeAnswered(tx, code.id, day))) {
      throw new DomainError(ERROR_CODES.CONFLICT, USED);
    }
    await insertResponse(tx, {
      surveyId: survey.id,
      unitId: code.unitId,
      channel: 'code',
      answers,
      submittedOn: day,
    });
    await deleteDraft(tx, tokenHash(code.code));
  });
  return { ok: true as const };
}
