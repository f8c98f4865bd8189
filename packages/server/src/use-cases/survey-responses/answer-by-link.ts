import { DomainError, ERROR_CODES, keysFromAnswers } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  addDevice,
  deleteDraft,
  findActiveLink,
  findDraft,
  hasDevice,
  insertResponse,
  saveDraft,
  type DraftRow,
} from '../../repositories/survey-responses.js';
import { findUnit } from '../../repositories/units.js';
import { newToken, tokenHash } from '../../security/tokens.js';
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
import { issueFormToken, spendFormToken } from './form-tokens.js';
import {
  countFailedLookup,
  countLinkDraft,
  countLinkForm,
  countLinkResponse,
  guardLookups,
} from './rate-limits.js';

/**
 * The open link of a unit, found (wrong tokens count against the address like wrong codes).
 * As with codes, nothing a respondent does is audited: no record ties an address to answers.
 */
async function resolveLink(ctx: UseCaseContext, token: string) {
  await guardLookups(ctx);
  const link = await findActiveLink(ctx.deps.db, token);
  if (!link) {
    await countFailedLookup(ctx);
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      'Đường dẫn khảo sát không đúng hoặc đã được thay bằng đường dẫn mới',
    );
  }
  const survey = await loadSurvey(ctx.deps.db, link.surveyId);
  await requireOpen(ctx.deps.db, survey);
  const unit = await findUnit(ctx.deps.db, link.unitId);
  if (!unit) throw new Error(`unit ${link.unitId} of a link is missing`);
  return { link, survey, unit, questionnaire: storedQuestionnaire(survey) };
}

/** A draft of this link's survey and unit held under the token, if any. */
async function draftOf(
  db: Db,
  link: { surveyId: string; unitId: string },
  resumeToken: string | undefined,
): Promise<DraftRow | undefined> {
  if (resumeToken === undefined || resumeToken === '') return undefined;
  const draft = await findDraft(db, tokenHash(resumeToken));
  const same = draft?.surveyId === link.surveyId && draft.unitId === link.unitId;
  return same && draft.codeId === null ? draft : undefined;
}

/** The device's key for one survey and unit: the table cannot follow a device across surveys. */
const deviceHash = (link: { surveyId: string; unitId: string }, deviceToken: string) =>
  tokenHash(`${link.surveyId}|${link.unitId}|${deviceToken}`);

/**
 * The form of a unit's open link, with the answers saved under `resume` if given, and whether
 * this device (its cookie) already answered for the unit, so it is told before filling the
 * form again rather than at the end.
 */
export async function getLinkForm(
  ctx: UseCaseContext,
  token: string,
  input: { resume?: string | undefined; deviceToken?: string | undefined } = {},
) {
  const { link, survey, unit, questionnaire } = await resolveLink(ctx, token);
  await countLinkForm(ctx, link);
  const answered =
    input.deviceToken !== undefined &&
    (await hasDevice(ctx.deps.db, link.surveyId, link.unitId, deviceHash(link, input.deviceToken)));
  const draft = answered ? undefined : await draftOf(ctx.deps.db, link, input.resume);
  return {
    ...presentForm(survey, questionnaire, unit),
    draft: draft ? keysFromAnswers(questionnaire, draft.answers) : null,
    answered,
    formToken: await issueFormToken(ctx, link),
  };
}

/**
 * Saves answers to finish later. The respondent keeps the returned token (the database only its
 * SHA-256); a token that no longer holds a draft simply starts a new one.
 */
export async function saveLinkDraft(
  ctx: UseCaseContext,
  token: string,
  input: { answers: AnswerKeys; resumeToken?: string | undefined },
) {
  const { link, questionnaire } = await resolveLink(ctx, token);
  const answers = draftAnswers(questionnaire, input.answers);
  const existing = await draftOf(ctx.deps.db, link, input.resumeToken);
  let resumeToken = input.resumeToken;
  if (!existing || resumeToken === undefined) {
    await countLinkDraft(ctx, link);
    resumeToken = newToken();
  }
  await saveDraft(ctx.deps.db, {
    tokenHash: tokenHash(resumeToken),
    surveyId: link.surveyId,
    unitId: link.unitId,
    codeId: null,
    answers,
    updatedAt: ctx.now,
  });
  return { resumeToken };
}

/**
 * A response through an open link: with the single-use token its form was handed out with,
 * within the address's allowance, once per device (a SHA-256 of its cookie is kept apart from
 * the answers, per survey and unit).
 */
export async function submitLinkResponse(
  ctx: UseCaseContext,
  token: string,
  input: {
    answers: AnswerKeys;
    resumeToken?: string | undefined;
    deviceToken: string;
    formToken: string;
  },
) {
  const { link } = await resolveLink(ctx, token);
  const day = responseDay(ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const { questionnaire } = await openSurveyFor(tx, link.surveyId);
    const answers = completeAnswers(questionnaire, input.answers);
    await spendFormToken(tx, ctx, link, input.formToken);
    await countLinkResponse(tx, ctx, link);
    if (!(await addDevice(tx, link.surveyId, link.unitId, deviceHash(link, input.deviceToken)))) {
      throw new DomainError(ERROR_CODES.CONFLICT, 'Thiết bị này đã gửi phiếu cho đơn vị này');
    }
    await insertResponse(tx, {
      surveyId: link.surveyId,
      unitId: link.unitId,
      channel: 'link',
      answers,
      submittedOn: day,
    });
    const draft = await draftOf(tx, link, input.resumeToken);
    if (draft) await deleteDraft(tx, draft.tokenHash);
  });
  return { ok: true as const };
}
