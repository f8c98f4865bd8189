import { z } from 'zod';
import { answerKeys } from './survey-entry.js';

const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

export const codeParams = z.object({
  code: z.string().trim().min(1, 'nhập mã khảo sát').max(40),
});
export const linkParams = z.object({
  token: z.string().regex(TOKEN, 'đường dẫn khảo sát không hợp lệ'),
});
const resumeToken = z.string().regex(TOKEN, 'mã lưu tạm không hợp lệ');

export const linkFormQuery = z.object({ resume: resumeToken.optional() });
export const codeAnswersBody = z.object({ answers: answerKeys });
export const linkAnswersBody = z.object({
  answers: answerKeys,
  resumeToken: resumeToken.optional(),
});

/** A question as a respondent sees it: no weights, no leaf. */
export const publicQuestionResponse = z.strictObject({
  code: z.string(),
  text: z.string(),
  optional: z.boolean(),
  options: z.array(z.strictObject({ key: z.string(), label: z.string() })),
});

/**
 * The form a respondent opens, by personal code or by a unit's link: answered says the code
 * was used (or this device already answered for the unit); draft, the answers saved to finish.
 */
export const publicFormResponse = z.strictObject({
  survey: z.strictObject({
    name: z.string(),
    groupLabel: z.string(),
    kind: z.string(),
    questions: z.array(publicQuestionResponse),
  }),
  unit: z.strictObject({ id: z.string(), name: z.string() }),
  draft: answerKeys.nullable(),
  answered: z.boolean(),
});

/** An open link's form carries a single-use token, sent back with the answers (decision 0031). */
export const linkFormResponse = publicFormResponse.extend({ formToken: z.string() });
export const linkSubmitBody = linkAnswersBody.extend({
  formToken: z.string().regex(TOKEN, 'mã phiếu không hợp lệ; vui lòng mở lại đường dẫn khảo sát'),
});

export const draftSavedResponse = z.strictObject({ saved: z.literal(true) });
/** The token to finish later with (the database keeps only its hash). */
export const linkDraftResponse = z.strictObject({ resumeToken: z.string() });
export const answeredResponse = z.strictObject({ ok: z.literal(true) });

export type Answers = z.output<typeof answerKeys>;
export type PublicQuestion = z.output<typeof publicQuestionResponse>;
export type PublicForm = z.output<typeof publicFormResponse>;
export type LinkFormResponse = z.output<typeof linkFormResponse>;
export type DraftSaved = z.output<typeof draftSavedResponse>;
export type LinkDraft = z.output<typeof linkDraftResponse>;
export type Answered = z.output<typeof answeredResponse>;
