import { PERIOD_STATUSES, SURVEY_KINDS } from '@chiso/core';
import { z } from 'zod';
import { intInput, isoDate, isoDateTime, unitIdText, uuidOf, versionInput } from './common.js';

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
/** Codes per request. */
export const MAX_CODES_PER_REQUEST = 5000;

export const surveyParams = z.object({ id: uuidOf('phiếu khảo sát') });

const recheckPercent = z.number().int().min(0).max(100);
/** A questionnaire as JSON (core QuestionnaireJson); checked in full by the core. */
const questionnaireInput = z.record(z.string(), z.unknown());

export const createSurveyBody = z.object({
  questionnaire: questionnaireInput,
  recheckPercent: recheckPercent.optional(),
});

export const updateSurveyBody = z.object({
  questionnaire: questionnaireInput,
  recheckPercent,
  version: versionInput(1),
});

export const surveyStatusBody = z.object({ status: z.enum(SURVEY_STATUSES) });

export const setTargetsBody = z.object({
  targets: z
    .array(
      z.object({
        unitId: unitIdText,
        target: z.number().int().min(0).max(1_000_000),
        population: intInput(0).nullable().optional(),
      }),
    )
    .max(10_000),
});

export const drawSampleBody = z.object({ unitId: unitIdText.optional() }).optional();

export const issueCodesBody = z.object({
  unitId: unitIdText,
  count: z.number().int().min(1).max(MAX_CODES_PER_REQUEST).optional(),
  respondents: z
    .array(
      z.object({
        name: z.string().trim().min(1, 'thiếu họ và tên').max(300),
        info: z.string().trim().max(500).optional(),
      }),
    )
    .max(MAX_CODES_PER_REQUEST)
    .optional(),
});

export const codeFilterQuery = z.object({
  unitId: unitIdText.optional(),
  answered: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

export const createLinkBody = z.object({ unitId: unitIdText });
export const linkUnitParams = surveyParams.extend({ unitId: unitIdText });
/** Answers a unit's open link takes a day, or null for no cap (decision 0031). */
export const linkCapBody = z.object({
  dailyCap: z
    .number()
    .int('số phiếu mỗi ngày là số nguyên')
    .min(1, 'số phiếu mỗi ngày ít nhất là 1')
    .max(100_000, 'số phiếu mỗi ngày nhiều nhất là 100.000')
    .nullable(),
});

/** A questionnaire as JSON (core QuestionnaireJson): weights and targets as exact text. */
export const questionnaireResponse = z.strictObject({
  name: z.string(),
  kind: z.enum(SURVEY_KINDS),
  group: z.string(),
  groupLabel: z.string(),
  ratedUnitType: z.string(),
  questions: z.array(
    z.strictObject({
      code: z.string(),
      text: z.string(),
      leafCode: z.string().optional(),
      element: z.string().optional(),
      optional: z.boolean(),
      options: z.array(
        z.strictObject({
          key: z.string(),
          label: z.string(),
          weight: z.string(),
          satisfied: z.boolean(),
        }),
      ),
    }),
  ),
  sipas: z
    .strictObject({
      formula: z.enum(['meanOfElements', 'pooled']),
      mode: z.enum(['regular', 'spot']),
      target: z.string(),
      leafCode: z.string().optional(),
    })
    .nullable()
    .optional(),
});

export const surveySummaryResponse = z.strictObject({
  id: z.uuid(),
  periodId: z.uuid(),
  name: z.string(),
  kind: z.enum(SURVEY_KINDS),
  respondentGroup: z.string(),
  groupLabel: z.string(),
  ratedUnitType: z.string(),
  status: z.enum(SURVEY_STATUSES),
  /** The period's state: once it is no longer "open" the survey's figures are frozen. */
  periodStatus: z.enum(PERIOD_STATUSES),
  /** Why the survey takes no answers now (its state or its period's); null while it takes them. */
  answersRefused: z.string().nullable(),
  recheckPercent: z.number().int(),
  questionCount: z.number().int(),
  responses: z.number().int(),
  target: z.number().int(),
  version: z.number().int(),
});

export const surveysResponse = z.strictObject({ surveys: z.array(surveySummaryResponse) });

/** The sampling plan's line for a unit, with what was collected. */
export const surveyTargetResponse = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  target: z.number().int(),
  population: z.number().int().nullable(),
  responses: z.number().int(),
  codes: z.number().int(),
  answeredCodes: z.number().int(),
});

export const surveyLinkResponse = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  token: z.string(),
  active: z.boolean(),
  /** Answers the link takes per day (Vietnam time), or null for no cap. */
  dailyCap: z.number().int().nullable(),
  /** Times one address sent more than 5 answers in 10 minutes through the link, since burstsSince (a day's window; decision 0031). */
  suspiciousBursts: z.number().int(),
  burstsSince: isoDateTime.nullable(),
});

export const surveyDetailResponse = surveySummaryResponse.extend({
  questionnaire: questionnaireResponse,
  targets: z.array(surveyTargetResponse),
  links: z.array(surveyLinkResponse),
  frame: z.strictObject({ total: z.number().int(), sampled: z.number().int() }),
});

/** A personal code as printed ("ABCDE-FGHJK"), whom it went to and the day it was used. */
export const surveyCodeResponse = z.strictObject({
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  respondentName: z.string().nullable(),
  respondentInfo: z.string().nullable(),
  issuedAt: isoDateTime,
  answeredOn: isoDate.nullable(),
});

export const surveyCodesResponse = z.strictObject({ codes: z.array(surveyCodeResponse) });

export const sampleResponse = z.strictObject({
  sampled: z.number().int(),
  codes: z.array(surveyCodeResponse),
});

export const importedCountResponse = z.strictObject({ imported: z.number().int() });

/** A questionnaire import job's `result` (decision 0042): the survey it created, a draft. */
export const surveyImportedResult = z.strictObject({
  id: z.uuid(),
  periodId: z.uuid(),
  name: z.string(),
  questionCount: z.number().int(),
});

/** A unit's open link (the token behind its QR code). */
export const createdLinkResponse = z.strictObject({
  unitId: z.string(),
  token: z.string(),
  active: z.boolean(),
});

export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export type CreateSurveyBody = z.input<typeof createSurveyBody>;
export type UpdateSurveyBody = z.input<typeof updateSurveyBody>;
export type SetTargetsBody = z.input<typeof setTargetsBody>;
export type IssueCodesBody = z.input<typeof issueCodesBody>;
export type QuestionnaireView = z.output<typeof questionnaireResponse>;
export type SurveySummary = z.output<typeof surveySummaryResponse>;
export type SurveyTarget = z.output<typeof surveyTargetResponse>;
export type SurveyLink = z.output<typeof surveyLinkResponse>;
export type SurveyDetail = z.output<typeof surveyDetailResponse>;
export type SurveyCode = z.output<typeof surveyCodeResponse>;
export type SurveyCodes = z.output<typeof surveyCodesResponse>;
export type Surveys = z.output<typeof surveysResponse>;
export type Sample = z.output<typeof sampleResponse>;
export type ImportedCount = z.output<typeof importedCountResponse>;
export type SurveyImported = z.output<typeof surveyImportedResult>;
export type CreatedLink = z.output<typeof createdLinkResponse>;
export type LinkCapBody = z.input<typeof linkCapBody>;
