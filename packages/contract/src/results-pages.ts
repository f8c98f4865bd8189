import { z } from 'zod';
import { intQuery, periodIdParams, unitIdText } from './common.js';
import { frameworkResponse } from './frameworks.js';
import {
  leafStoryResponse,
  publicationResponse,
  resultsResponse,
  unitResultResponse,
} from './results.js';

/** The most units one page of a ranking carries. */
export const RANKING_PAGE_MAX = 500;
export const RANKING_PAGE_DEFAULT = 100;

export const rankingQuery = z.object({
  version: intQuery(1).min(1, 'lần công bố bắt đầu từ 1').optional(),
  /** The unit type whose ranking is asked; absent: the first block. */
  block: z.string().trim().min(1, 'nhập khối').max(100, 'khối quá dài').optional(),
  offset: intQuery(0).default(0),
  limit: intQuery(1, RANKING_PAGE_MAX).default(RANKING_PAGE_DEFAULT),
});

export const unitResultParams = periodIdParams.extend({ unitId: unitIdText });

/** Heading shared by a ranking page and a unit's page: which period and which publication. */
const viewHead = {
  period: resultsResponse.shape.period,
  published: z.boolean(),
  publication: publicationResponse.nullable(),
  publications: z.array(publicationResponse),
};

/** A unit's line in a ranking: totals, rank, band, rating, flags and areas; no node below. */
export const rankingUnitResponse = unitResultResponse.omit({
  nodes: true,
  lostPoints: true,
  missing: true,
});

/** One block (unit type) of a period: what its tab and heading show. */
export const rankingBlockResponse = z.strictObject({
  unitType: z.string(),
  label: z.string(),
  framework: z.strictObject({
    name: z.string(),
    maxPoints: z.number().nullable(),
    /** The areas (first level), the heat map's columns. */
    areas: z.array(z.strictObject({ code: z.string(), title: z.string() })),
  }),
  units: z.number().int(),
  /** The peer groups ranked apart inside the block, in the ranking's order. */
  peerGroups: z.array(z.string().nullable()),
});

/** One page of one block's ranking, in rank order as the results keep it. */
export const rankingResponse = z.strictObject({
  ...viewHead,
  blocks: z.array(rankingBlockResponse),
  /** The block of this page (null when the period has no result to show). */
  block: z.string().nullable(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** Units in the block. */
  total: z.number().int(),
  units: z.array(rankingUnitResponse),
});

/** A unit's own page: its full result with every node, each leaf's story, its peers' areas. */
export const unitResultPageResponse = z.strictObject({
  ...viewHead,
  unitType: z.string(),
  label: z.string(),
  framework: frameworkResponse,
  unit: unitResultResponse,
  /** How each leaf came to its points (null when not shown, or not kept by the publication). */
  stories: z.array(leafStoryResponse).nullable(),
  /**
   * Per area, the exact sum of the % of the units of the unit's peer group that have one, and
   * how many they are: the peers' mean, exact, is sum ÷ count.
   */
  peerAreas: z.array(
    z.strictObject({ code: z.string(), sum: z.number(), count: z.number().int() }),
  ),
  /** The unit (or its predecessors) in earlier published periods, latest first. */
  trend: z.array(
    z.strictObject({
      periodId: z.string(),
      year: z.number().int(),
      name: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      percent: z.number().nullable(),
      rank: z.number().int().nullable(),
    }),
  ),
});

export type RankingQuery = z.input<typeof rankingQuery>;
export type RankingUnit = z.output<typeof rankingUnitResponse>;
export type RankingBlock = z.output<typeof rankingBlockResponse>;
export type RankingPage = z.output<typeof rankingResponse>;
export type UnitResultPage = z.output<typeof unitResultPageResponse>;
