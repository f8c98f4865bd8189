import { z } from 'zod';
import { isoDate, uuidOf } from './common.js';
import { surveyParams } from './surveys.js';

/** Option key (or null for blank) by question code, as ticked on the form. */
export const answerKeys = z.record(
  z.string().trim().min(1).max(40),
  z.string().trim().max(20, 'phương án tối đa 20 ký tự').nullable(),
);

const formNumber = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}./_-]{1,40}$/u,
    'số phiếu chỉ gồm chữ, số, ".", "/", "_", "-" (tối đa 40 ký tự)',
  );

export const recheckParams = surveyParams.extend({
  responseId: uuidOf('phiếu trả lời'),
});

export const paperFormBody = z.object({
  unitId: z.string().trim().min(1, 'chọn đơn vị được đánh giá').max(64),
  formNumber,
  batch: z.string().trim().max(60, 'tên lô tối đa 60 ký tự').nullable().optional(),
  answers: answerKeys,
});

export const paperFormsQuery = z.object({ batch: z.string().trim().min(1).max(60).optional() });

export const recheckBody = z.object({ formNumber, answers: answerKeys });

export const resolveRecheckBody = z.object({ answers: answerKeys });

export const recheckState = z.enum(['pending', 'match', 'mismatch', 'resolved']);

export const paperFormResponse = z.strictObject({
  id: z.uuid(),
  /** Chosen for a second, blind entry (the survey's re-check share). */
  recheckSelected: z.boolean(),
});

export const paperFormsResponse = z.strictObject({
  forms: z.array(
    z.strictObject({
      id: z.uuid(),
      formNumber: z.string(),
      batch: z.string().nullable(),
      unitId: z.string(),
      submittedOn: isoDate,
      recheck: recheckState.nullable(),
    }),
  ),
});

const difference = z.strictObject({
  question: z.string(),
  first: z.string().nullable(),
  second: z.string().nullable(),
});

export const rechecksResponse = z.strictObject({
  pending: z.array(
    z.strictObject({ formNumber: z.string(), batch: z.string().nullable(), unitId: z.string() }),
  ),
  mismatches: z.array(
    z.strictObject({
      responseId: z.uuid(),
      formNumber: z.string(),
      differences: z.array(difference),
    }),
  ),
  done: z.number().int(),
  selected: z.number().int(),
});

export const recheckResponse = z.strictObject({
  status: z.enum(['match', 'mismatch']),
  differences: z.array(difference),
});

export const resolvedResponse = z.strictObject({ status: z.literal('resolved') });

export type KeyAnswers = z.output<typeof answerKeys>;
export type PaperFormBody = z.input<typeof paperFormBody>;
export type RecheckState = z.output<typeof recheckState>;
export type PaperFormSaved = z.output<typeof paperFormResponse>;
export type PaperFormRow = z.output<typeof paperFormsResponse>['forms'][number];
export type Difference = z.output<typeof difference>;
export type RechecksView = z.output<typeof rechecksResponse>;
export type RecheckResult = z.output<typeof recheckResponse>;
export type Resolved = z.output<typeof resolvedResponse>;
export type PaperForms = z.output<typeof paperFormsResponse>;
