import { z } from 'zod';
import { isoDate, isoDateTime } from './common.js';

// The public results portal (issue 11 item 4): read by anyone, without an account, session or
// CSRF token, under /api/public/results. A period exists here only once it is published AND its
// opening time (periods.public_from, set by the administrator) has come: before that every
// route answers 404 exactly as for a period that does not exist (embargo). Figures are those
// of the publication in force; JSON numbers as in results.ts (exact millionths for points,
// percentages to the millionth of a percent), rounded for display only by the web app.

export const publicPeriodParams = z.object({ periodId: z.uuid('kỳ đánh giá không hợp lệ') });
export const publicBlockParams = publicPeriodParams.extend({
  /** A block is a peer group (nhóm xếp hạng), as the results name it. */
  group: z.string().trim().min(1, 'nhập khối').max(200),
});
export const publicUnitParams = publicPeriodParams.extend({
  unitId: z.string().trim().min(1, 'nhập mã đơn vị').max(200),
});

/** The open licence every download and page states. */
export const publicLicenceResponse = z.strictObject({
  /** "Giấy phép Ghi công Creative Commons 4.0 Quốc tế (CC BY 4.0)". */
  name: z.string(),
  url: z.string(),
  /** How to credit: "Nguồn: UBND tỉnh …, Chỉ số CCHC năm 2025, công bố ngày …". */
  attribution: z.string(),
});

/** A block as listed: its key, its Vietnamese name, how many units it ranks. */
export const publicBlockSummaryResponse = z.strictObject({
  group: z.string(),
  /** "Khối sở, ban, ngành", "Khối UBND cấp huyện", … */
  label: z.string(),
  unitType: z.string().nullable(),
  units: z.number().int(),
});

/** A period as the public sees it: the publication in force and its blocks. */
export const publicPeriodSummaryResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  /** The publication in force: 1 is the council's decision, later ones are errata. */
  version: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  publishedAt: isoDateTime,
  publicFrom: isoDateTime,
  /** Why the figures were corrected, for an erratum in force; null otherwise. */
  erratumReason: z.string().nullable(),
  blocks: z.array(publicBlockSummaryResponse),
});

export const publicPeriodsResponse = z.strictObject({
  periods: z.array(publicPeriodSummaryResponse),
  licence: publicLicenceResponse,
});

/** Where to download the whole result of a period (URLs under /api/public/results). */
export const publicDownloadsResponse = z.strictObject({
  csv: z.string(),
  json: z.string(),
  xlsx: z.string(),
  /** The data dictionary: one row per column of the CSV, its meaning and unit. */
  dictionary: z.string(),
});

/** One block of a period: sizes, mean, how many units in each band and head rating. */
export const publicBlockResponse = publicBlockSummaryResponse.extend({
  meanPercent: z.number().nullable(),
  /** Every band of the policy, highest first, with its count (0 included). */
  distribution: z.array(
    z.strictObject({
      band: z.string(),
      minPercent: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
  /** Units without a band (not scored). */
  withoutBand: z.number().int(),
  headRatings: z.array(z.strictObject({ rating: z.string(), count: z.number().int() })),
});

export const publicPeriodResponse = z.strictObject({
  period: publicPeriodSummaryResponse,
  blocks: z.array(publicBlockResponse),
  downloads: publicDownloadsResponse,
  licence: publicLicenceResponse,
});

/** A unit's line in its block's ranking. */
export const publicRankingRowResponse = z.strictObject({
  unitId: z.string(),
  name: z.string(),
  rank: z.number().int().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  percent: z.number().nullable(),
  band: z.string().nullable(),
  headRating: z.string().nullable(),
  previousRank: z.number().int().nullable(),
  /** Places gained since last year (positive: up). */
  rankChange: z.number().int().nullable(),
});

/** A block's whole ranking, in rank order (unranked units last), for one cached body. */
export const publicRankingResponse = z.strictObject({
  period: publicPeriodSummaryResponse,
  block: publicBlockResponse,
  rows: z.array(publicRankingRowResponse),
  licence: publicLicenceResponse,
});

/** An area of a unit beside the mean of its block. */
export const publicAreaResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  percent: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** The mean % of the units of the same block where the area applies. */
  peerMeanPercent: z.number().nullable(),
});

/** A node of the unit's framework (areas, criteria, leaves) with its points. */
export const publicCriterionResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  /** 1 for an area, 2 for its criteria, … */
  depth: z.number().int(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  applicable: z.boolean(),
  /** max − points where the node applies and lost some; null otherwise. */
  lostPoints: z.number().nullable(),
  /** Why points were lost: the appraiser's reason, else the rule's explanation. */
  reason: z.string().nullable(),
});

/** The unit's result in each public period where it (or its predecessor) was ranked. */
export const publicTrendPointResponse = z.strictObject({
  periodId: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  percent: z.number().nullable(),
  rank: z.number().int().nullable(),
  groupSize: z.number().int(),
  band: z.string().nullable(),
});

export const publicUnitResponse = z.strictObject({
  period: publicPeriodSummaryResponse,
  block: publicBlockSummaryResponse,
  unit: z.strictObject({
    id: z.string(),
    name: z.string(),
    type: z.string().nullable(),
    rank: z.number().int().nullable(),
    groupSize: z.number().int(),
    points: z.number().nullable(),
    maxPoints: z.number().nullable(),
    percent: z.number().nullable(),
    band: z.string().nullable(),
    headRating: z.string().nullable(),
    previousRank: z.number().int().nullable(),
    rankChange: z.number().int().nullable(),
  }),
  areas: z.array(publicAreaResponse),
  criteria: z.array(publicCriterionResponse),
  /** Oldest first, this period included. */
  trend: z.array(publicTrendPointResponse),
  downloads: publicDownloadsResponse,
  licence: publicLicenceResponse,
});

/**
 * Publishing may name when the portal opens; without it, at the moment of publication. The
 * body itself may be absent (Fastify hands the validator null then), as before this field.
 */
export const publishResultsBody = z
  .object({
    publicFrom: z.iso
      .datetime({ offset: true, error: 'nhập thời điểm công khai hợp lệ' })
      .optional(),
  })
  .nullish()
  .transform((body) => body ?? {});

/** The administrator sets (or moves) when a published period opens to the public. */
export const publicFromBody = z.object({
  publicFrom: z.iso.datetime({ offset: true, error: 'nhập thời điểm công khai hợp lệ' }),
});

export type PublicPeriodsResponse = z.output<typeof publicPeriodsResponse>;
export type PublicPeriodResponse = z.output<typeof publicPeriodResponse>;
export type PublicRankingResponse = z.output<typeof publicRankingResponse>;
export type PublicUnitResponse = z.output<typeof publicUnitResponse>;
export type PublicBlockResponse = z.output<typeof publicBlockResponse>;
export type PublicRankingRow = z.output<typeof publicRankingRowResponse>;
