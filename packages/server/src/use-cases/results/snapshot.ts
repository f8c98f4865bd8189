import type { RankingBlock, RankingUnit } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { BoundedCache } from '../../http/bounded-cache.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { isPublicNow, periodNotFound } from '../public-results/public-now.js';
import { publishedVersions } from '../public-results/public-state.js';
import { getResults, type ResultsGroup, type ResultsView } from './get-results.js';

type FullUnit = ResultsGroup['results']['units'][number];

export interface SnapshotBlock {
  group: ResultsGroup;
  summary: RankingBlock;
  /** The block's units without their nodes, lost points or missing leaves. */
  ranking: RankingUnit[];
}

/** A view parsed once into what the ranking pages and the unit pages read. */
export interface ResultsSnapshot {
  view: ResultsView;
  blocks: SnapshotBlock[];
  units: Map<string, { block: SnapshotBlock; unit: FullUnit }>;
}

/**
 * What a request reads: the snapshot's `key` (period, version in force, version shown) when
 * it is a publication, the same for every reader; null for a preview, which depends on the
 * reader and is computed live. `load` is called only once a 304 has been ruled out.
 */
export type ResolvedResults =
  | { key: string; year: number; load: () => Promise<ResultsSnapshot> }
  | { key: null; load: () => Promise<ResultsSnapshot> };

/** Parsed publications per database, a few at a time (4,000 units with every node is big). */
const caches = new WeakMap<Db, BoundedCache<ResultsSnapshot>>();
const MAX_SNAPSHOTS = 4;

function cacheOf(db: Db): BoundedCache<ResultsSnapshot> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new BoundedCache<ResultsSnapshot>({
      maxEntries: MAX_SNAPSHOTS,
      maxSize: MAX_SNAPSHOTS,
    });
    caches.set(db, cache);
  }
  return cache;
}

function rankingLine(u: FullUnit): RankingUnit {
  return {
    id: u.id,
    name: u.name,
    group: u.group,
    type: u.type,
    points: u.points,
    maxPoints: u.maxPoints,
    percent: u.percent,
    rank: u.rank,
    groupSize: u.groupSize,
    band: u.band,
    previousId: u.previousId,
    previousRank: u.previousRank,
    previousPercent: u.previousPercent,
    rankChange: u.rankChange,
    percentChange: u.percentChange,
    headRating: u.headRating,
    headRatingNote: u.headRatingNote,
    flags: u.flags,
    flagDetails: u.flagDetails,
    areas: u.areas,
  };
}

export function snapshotOf(view: ResultsView): ResultsSnapshot {
  const units = new Map<string, { block: SnapshotBlock; unit: FullUnit }>();
  const blocks = view.groups.map((group) => {
    const block: SnapshotBlock = {
      group,
      summary: {
        unitType: group.unitType,
        label: group.label,
        framework: {
          name: group.results.framework.name,
          maxPoints: group.results.framework.maxPoints,
          areas: group.framework.nodes
            .filter((n) => n.depth === 1)
            .map((n) => ({ code: n.code, title: n.title })),
        },
        units: group.results.units.length,
        peerGroups: [...new Set(group.results.units.map((u) => u.group))],
      },
      ranking: group.results.units.map(rankingLine),
    };
    for (const unit of group.results.units) units.set(unit.id, { block, unit });
    return block;
  });
  return { view, blocks, units };
}

/**
 * Which results a request reads, decided from the in-memory copy of the published periods
 * (public-state.ts: read again after this process publishes or issues an erratum, and every
 * 5 s for another server's). A publication never changes under its version, so its snapshot
 * is keyed by it and shared by every server's readers; an erratum is a new key. Every account
 * reads a publication at once, people without one from its opening (decision 0022).
 */
export async function resolveResults(
  ctx: UseCaseContext,
  periodId: string,
  version?: number,
): Promise<ResolvedResults> {
  const state = (await publishedVersions(ctx.deps.db)).find((p) => p.id === periodId);
  if (!state) {
    // Not published, or published elsewhere moments ago: read as before, uncached.
    return { key: null, load: async () => snapshotOf(await getResults(ctx, periodId, version)) };
  }
  return publishedSnapshot(ctx, state, version);
}

export function publishedSnapshot(
  ctx: UseCaseContext,
  state: PublishedVersionRow,
  version?: number,
): ResolvedResults {
  if (ctx.actor === undefined && !isPublicNow(state, ctx.now)) throw periodNotFound();
  const shown = version ?? state.version;
  const key = `${state.id}:${state.version}:${shown}`;
  return {
    key,
    year: state.year,
    load: () =>
      cacheOf(ctx.deps.db).getOrBuild(key, async () =>
        snapshotOf(await getResults(ctx, state.id, shown)),
      ),
  };
}

/** The published periods a reader may see at this instant (all of them with an account). */
export async function readablePublished(ctx: UseCaseContext): Promise<PublishedVersionRow[]> {
  return (await publishedVersions(ctx.deps.db)).filter(
    (p) => ctx.actor !== undefined || isPublicNow(p, ctx.now),
  );
}

/**
 * Parses the publication in force as soon as it is committed (publication, erratum), so that
 * the first reader does not wait for it. Best effort: a failure here is met again, and
 * reported, by the first read, which builds it itself.
 */
export function precomputeSnapshot(ctx: UseCaseContext, periodId: string): void {
  resolveResults(ctx, periodId)
    .then((resolved) => (resolved.key === null ? undefined : resolved.load()))
    .catch(() => undefined);
}
