import type { UseCaseContext } from '../../context.js';
import { BoundedCache } from '../../http/bounded-cache.js';
import {
  listPublishedVersions,
  type PublishedVersionRow,
} from '../../repositories/public-results.js';
import { loadPeriodModel, type PeriodModel } from './period-model.js';
import { isPublicNow, periodNotFound } from './public-now.js';

/**
 * What the portal keeps between requests: each publication parsed into blocks, a few at a
 * time (a national period of 4,000 units with every node is some hundred megabytes parsed).
 * A model is keyed by period and version: an erratum is a new key, never a stale entry.
 */
export interface Portal {
  models: BoundedCache<PeriodModel>;
}

export function createPortal(maxModels = 4): Portal {
  return { models: new BoundedCache<PeriodModel>({ maxEntries: maxModels, maxSize: maxModels }) };
}

/** The periods public at this instant, oldest year first: read on every request (exact). */
export async function publicPeriods(ctx: UseCaseContext): Promise<PublishedVersionRow[]> {
  return (await listPublishedVersions(ctx.deps.db)).filter((p) => isPublicNow(p, ctx.now));
}

/** A public period by id, or "not found" exactly as for a period that does not exist. */
export function requirePublic(
  periods: readonly PublishedVersionRow[],
  periodId: string,
): PublishedVersionRow {
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw periodNotFound();
  return period;
}

export async function modelOf(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
): Promise<PeriodModel> {
  return portal.models.getOrBuild(`${state.id}:${state.version}`, () =>
    loadPeriodModel(ctx.deps.db, state),
  );
}
