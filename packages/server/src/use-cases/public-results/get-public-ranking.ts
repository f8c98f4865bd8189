import { DomainError, ERROR_CODES } from '@chiso/core';
import type { PublicRankingResponse } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { modelOf, type Portal } from './portal.js';
import { licenceOf, presentBlock, presentPeriodSummary } from './present-public.js';

/**
 * A block's whole ranking, in rank order, unranked units last: one line per unit with its
 * totals, band, head rating and rank change. No node below the unit: that is the unit's page,
 * and 4,000 units × 140 nodes would make this answer a hundred times larger.
 */
export async function getPublicRanking(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
  group: string,
): Promise<PublicRankingResponse> {
  const model = await modelOf(ctx, portal, state);
  const block = model.blocks.find((b) => b.group === group);
  if (!block) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      `Không có khối "${group}" trong kết quả công bố của ${state.name}`,
    );
  }
  return {
    period: presentPeriodSummary(model),
    block: presentBlock(block),
    rows: block.units.map((u) => ({
      unitId: u.id,
      name: u.name,
      rank: u.rank,
      points: u.points,
      maxPoints: u.maxPoints,
      percent: u.percent,
      band: u.band,
      headRating: u.headRating,
      previousRank: u.previousRank,
      rankChange: u.rankChange,
    })),
    licence: licenceOf(ctx.deps.config.issuer, state),
  };
}
