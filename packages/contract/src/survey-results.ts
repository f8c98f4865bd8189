import { z } from 'zod';
import { decimalString, isoDateTime } from './common.js';

/** Responses against the sampling plan, per survey and unit; rate is an exact % (null: no target). */
export const rateRowResponse = z.strictObject({
  surveyId: z.uuid(),
  surveyName: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  responses: z.number().int(),
  target: z.number().int(),
  rate: decimalString.nullable(),
});

/** A survey-fed leaf of a unit: its points and each respondent group's mean. */
export const surveyLeafRowResponse = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  code: z.string(),
  title: z.string(),
  max: decimalString,
  points: decimalString.nullable(),
  explanation: z.string(),
  groups: z.array(
    z.strictObject({
      group: z.string(),
      label: z.string(),
      mean: decimalString.nullable(),
      answers: z.number().int(),
      responses: z.number().int(),
    }),
  ),
});

/** A unit's SIPAS index and its elements, against the target. */
export const sipasRowResponse = z.strictObject({
  surveyId: z.uuid(),
  surveyName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  mode: z.enum(['regular', 'spot']),
  target: decimalString,
  overall: decimalString.nullable(),
  met: z.boolean().nullable(),
  responses: z.number().int(),
  elements: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      percent: decimalString.nullable(),
      satisfied: z.number().int(),
      answered: z.number().int(),
    }),
  ),
});

export const surveyResultsResponse = z.strictObject({
  period: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  /** When the answers were last counted; null if never. */
  computedAt: isoDateTime.nullable(),
  rates: z.array(rateRowResponse),
  leaves: z.array(surveyLeafRowResponse),
  sipas: z.array(sipasRowResponse),
});

export const recomputeResponse = z.strictObject({
  computedAt: isoDateTime,
  responses: z.number().int(),
});

export type RateRow = z.output<typeof rateRowResponse>;
export type SurveyLeafRow = z.output<typeof surveyLeafRowResponse>;
export type SipasRow = z.output<typeof sipasRowResponse>;
export type SurveyResults = z.output<typeof surveyResultsResponse>;
export type Recomputed = z.output<typeof recomputeResponse>;
