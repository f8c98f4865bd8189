import { Decimal, DomainError, ERROR_CODES } from '@chiso/core';
import type { UnitResultPage } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import { viewHead } from './get-results-ranking.js';
import { publishedSnapshot, readablePublished, type ResultsSnapshot } from './snapshot.js';

type Trend = UnitResultPage['trend'];

/** The earlier published periods a unit's trend reads, as part of its page's cache key. */
export async function trendStamp(ctx: UseCaseContext, year: number): Promise<string> {
  return (await readablePublished(ctx))
    .filter((p) => p.year < year)
    .map((p) => `${p.id}:${p.version}`)
    .join(',');
}

/**
 * The unit across the earlier published periods, latest first, following its predecessor
 * (previousId, from lineage: a renaming, a merger's primary unit) year by year.
 */
async function trendOf(
  ctx: UseCaseContext,
  year: number,
  first: { id: string; previousId: string | null },
): Promise<Trend> {
  const earlier = (await readablePublished(ctx))
    .filter((p) => p.year < year)
    .sort((a, b) => b.year - a.year);
  const trend: Trend = [];
  let id = first.previousId ?? first.id;
  for (const state of earlier) {
    const before = (await publishedSnapshot(ctx, state).load()).units.get(id);
    if (!before) continue;
    trend.push({
      periodId: state.id,
      year: state.year,
      name: state.name,
      unitId: before.unit.id,
      unitName: before.unit.name,
      percent: before.unit.percent,
      rank: before.unit.rank,
    });
    id = before.unit.previousId ?? before.unit.id;
  }
  return trend;
}

/**
 * A unit's own page: its full result with every node and lost point, each leaf's story where
 * the reader may see it, its peer group's areas (sum and count: the mean stays exact) and its
 * trend. The only answer that carries a unit's nodes.
 */
export async function getUnitResult(
  ctx: UseCaseContext,
  snapshot: ResultsSnapshot,
  unitId: string,
) {
  const found = snapshot.units.get(unitId);
  if (!found) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không có kết quả của đơn vị này trong kỳ');
  }
  const { block, unit } = found;
  const peers = block.ranking.filter((u) => u.group === unit.group);
  const peerAreas = block.summary.framework.areas.map(({ code }) => {
    const values = peers.flatMap((u) =>
      u.areas.flatMap((a) => (a.code === code && a.percent !== null ? [a.percent] : [])),
    );
    return {
      code,
      sum: Decimal.sum(values.map((v) => Decimal.of(v))).toNumber(),
      count: values.length,
    };
  });
  return {
    ...viewHead(snapshot),
    unitType: block.group.unitType,
    label: block.group.label,
    framework: block.group.framework,
    unit,
    stories: block.group.details?.[unitId] ?? null,
    peerAreas,
    trend: await trendOf(ctx, snapshot.view.period.year, unit),
  };
}
