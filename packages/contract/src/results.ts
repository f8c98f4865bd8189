import { APPRAISAL_KINDS, dateInput, decimalInput, PERIOD_STATUSES } from '@chiso/core';
import { z } from 'zod';
import { intQuery, isoDate, isoDateTime } from './common.js';
import { frameworkResponse } from './frameworks.js';

export const resultsQuery = z.object({
  version: intQuery(1).min(1, 'lần công bố bắt đầu từ 1').optional(),
});

export const issueErratumBody = z.object({
  decisionNumber: z.string().trim().min(1, 'nhập số quyết định').max(100),
  decisionDate: dateInput,
  reason: z.string().trim().min(1, 'nhập lý do đính chính').max(5000),
  /** The preview's fingerprint: what the administrator saw is what gets published. */
  changesFingerprint: z.string().min(1, 'thiếu mã bản xem trước; hãy xem trước rồi ban hành'),
});

export const correctEntryBody = z.object({
  points: decimalInput.optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  outcome: z.enum(['accepted', 'missing']).optional(),
  reason: z.string().trim().min(1, 'nhập lý do sửa').max(5000),
  version: z.number().int().min(0),
});

// Results travel as JSON numbers: points are exact millionths, percentages rounded to the
// millionth of a percent (core PERCENT_OUTPUT_DECIMALS); ranks were taken on exact values.

export const appraisalKind = z.enum(APPRAISAL_KINDS);
export const nodeStatus = z.enum(['scored', 'missing', 'notApplicable', 'total']);

export const areaResultResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  applicable: z.boolean(),
  percent: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousPercent: z.number().nullable(),
  percentChange: z.number().nullable(),
});

/** A unit's result: totals, rank, band, head rating, flags, areas, every node, lost points. */
export const unitResultResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  type: z.string().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  percent: z.number().nullable(),
  rank: z.number().int().nullable(),
  groupSize: z.number().int(),
  band: z.string().nullable(),
  previousId: z.string().nullable(),
  previousRank: z.number().int().nullable(),
  previousPercent: z.number().nullable(),
  rankChange: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  headRating: z.string().nullable(),
  headRatingNote: z.string().nullable(),
  flags: z.array(z.string()),
  flagDetails: z.array(z.strictObject({ label: z.string(), areaCodes: z.array(z.string()) })),
  /** Leaves without an outcome yet. */
  missing: z.array(z.string()),
  areas: z.array(areaResultResponse),
  nodes: z.array(
    z.strictObject({
      code: z.string(),
      points: z.number().nullable(),
      maxPoints: z.number().nullable(),
      applicable: z.boolean(),
      status: nodeStatus,
      explanation: z.string().nullable(),
    }),
  ),
  lostPoints: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      maxPoints: z.number().nullable(),
      points: z.number().nullable(),
      lost: z.number().nullable(),
      explanation: z.string().nullable(),
    }),
  ),
});

/** How a leaf of a unit came to its points: what the unit assessed, what the appraisal decided. */
export const leafStoryResponse = z.strictObject({
  code: z.string(),
  self: z.strictObject({
    status: z.string(),
    points: z.number().nullable(),
    explanation: z.string().nullable(),
  }),
  appraisal: z
    .strictObject({ kind: appraisalKind, label: z.string(), comment: z.string().nullable() })
    .nullable(),
  /** The final outcome differs from the unit's own (status or points). */
  differs: z.boolean(),
  /** Fed by the period's surveys: neither the unit nor an appraiser sets it. */
  surveyFed: z.boolean(),
});

/** One unit type of a period: its framework and its units' results. */
export const resultsGroupResponse = z.strictObject({
  unitType: z.string(),
  label: z.string(),
  framework: frameworkResponse,
  results: z.strictObject({
    framework: z.strictObject({ name: z.string(), maxPoints: z.number().nullable() }),
    units: z.array(unitResultResponse),
  }),
  /** Per unit id (null for publications made before chiso kept them). */
  details: z.record(z.string(), z.array(leafStoryResponse)).nullable(),
});

/** A publication: which decision, when, why, and whether still in force. */
export const publicationResponse = z.strictObject({
  version: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  reason: z.string().nullable(),
  publishedAt: isoDateTime,
  superseded: z.boolean(),
  supersededAt: isoDateTime.nullable(),
  /** Version 1 is the council's decision; later ones correct it. */
  erratum: z.boolean(),
});

export const resultsResponse = z.strictObject({
  period: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    year: z.number().int(),
    status: z.enum(PERIOD_STATUSES),
    councilDecisionNumber: z.string().nullable(),
    councilDecisionDate: isoDate.nullable(),
    publishedAt: isoDateTime.nullable(),
  }),
  published: z.boolean(),
  /** The publication shown (null before publication). */
  publication: publicationResponse.nullable(),
  /** Every publication of the period, newest first. */
  publications: z.array(publicationResponse),
  groups: z.array(resultsGroupResponse),
});

export const unitFiguresResponse = z.strictObject({
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  percent: z.number().nullable(),
  rank: z.number().int().nullable(),
  band: z.string().nullable(),
  headRating: z.string().nullable(),
});

const leafOutcome = z
  .strictObject({ status: z.string(), points: z.number().nullable() })
  .nullable();

/** What an erratum would change, and the corrections made since the publication in force. */
export const erratumPreviewResponse = z.strictObject({
  publication: publicationResponse,
  changes: z.array(
    z.strictObject({
      unitType: z.string(),
      unitId: z.string(),
      name: z.string(),
      before: unitFiguresResponse.nullable(),
      after: unitFiguresResponse.nullable(),
      leaves: z.array(
        z.strictObject({ code: z.string(), before: leafOutcome, after: leafOutcome }),
      ),
    }),
  ),
  /** Sent back with the erratum: what was previewed is what gets published. */
  fingerprint: z.string(),
  corrections: z.array(
    z.strictObject({
      at: isoDateTime,
      actor: z.string().nullable(),
      /** A repair of stored data by an upgrade of chiso, not a person's correction. */
      repair: z.boolean(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      code: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const erratumResponse = z.strictObject({
  version: z.number().int(),
  changedUnits: z.number().int(),
});

export type IssueErratumBody = z.input<typeof issueErratumBody>;
export type CorrectEntryBody = z.input<typeof correctEntryBody>;
export type AppraisalKind = z.output<typeof appraisalKind>;
export type AreaResult = z.output<typeof areaResultResponse>;
export type UnitResult = z.output<typeof unitResultResponse>;
export type LeafStory = z.output<typeof leafStoryResponse>;
export type ResultsGroup = z.output<typeof resultsGroupResponse>;
export type Publication = z.output<typeof publicationResponse>;
export type Results = z.output<typeof resultsResponse>;
export type UnitFigures = z.output<typeof unitFiguresResponse>;
export type ErratumPreview = z.output<typeof erratumPreviewResponse>;
export type Erratum = z.output<typeof erratumResponse>;
