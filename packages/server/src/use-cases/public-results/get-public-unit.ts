import { DomainError, ERROR_CODES } from '@chiso/core';
import type { PublicUnitResponse } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { modelOf, type Portal } from './portal.js';
import {
  downloadsOf,
  licenceOf,
  presentBlockSummary,
  presentPeriodSummary,
} from './present-public.js';
import { unitAreas, unitCriteria } from './unit-criteria.js';

/**
 * The public periods a unit's trend may read: this one and those before it. Their ids and
 * versions key the cached answer, so that an erratum of an earlier year shows in the trend.
 */
export function trendPeriods(
  periods: readonly PublishedVersionRow[],
  state: PublishedVersionRow,
): PublishedVersionRow[] {
  return periods.filter((p) => p.id === state.id || p.year < state.year);
}

/**
 * A unit's public page: its totals, its areas against the block's mean, every node with the
 * points lost and why, and its trend over the public periods up to this one, following its
 * predecessor (previousId, from lineage: a renaming, a merger's primary unit) year by year.
 */
export async function getPublicUnit(
  ctx: UseCaseContext,
  portal: Portal,
  periods: readonly PublishedVersionRow[],
  state: PublishedVersionRow,
  unitId: string,
): Promise<PublicUnitResponse> {
  const model = await modelOf(ctx, portal, state);
  const found = model.units.get(unitId);
  if (!found) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      `Không có đơn vị "${unitId}" trong kết quả công bố của ${state.name}`,
    );
  }
  const { block, unit } = found;
  const earlier = trendPeriods(periods, state)
    .filter((p) => p.id !== state.id)
    .sort((a, b) => b.year - a.year);
  const trend = [{ state, unit, groupSize: unit.groupSize }];
  let id = unit.previousId ?? unit.id;
  for (const period of earlier) {
    const before = (await modelOf(ctx, portal, period)).units.get(id);
    if (!before) continue;
    trend.push({ state: period, unit: before.unit, groupSize: before.unit.groupSize });
    id = before.unit.previousId ?? before.unit.id;
  }
  return {
    period: presentPeriodSummary(model),
    block: presentBlockSummary(block),
    unit: {
      id: unit.id,
      name: unit.name,
      type: unit.type,
      rank: unit.rank,
      groupSize: unit.groupSize,
      points: unit.points,
      maxPoints: unit.maxPoints,
      percent: unit.percent,
      band: unit.band,
      headRating: unit.headRating,
      previousRank: unit.previousRank,
      rankChange: unit.rankChange,
    },
    areas: unitAreas(block, unit),
    criteria: unitCriteria(block, unit, model.details[unit.id]),
    trend: trend.reverse().map((point) => ({
      periodId: point.state.id,
      year: point.state.year,
      name: point.unit.name,
      points: point.unit.points,
      maxPoints: point.unit.maxPoints,
      percent: point.unit.percent,
      rank: point.unit.rank,
      groupSize: point.groupSize,
      band: point.unit.band,
    })),
    downloads: downloadsOf(state.id),
    licence: licenceOf(ctx.deps.config.issuer, state),
  };
}
