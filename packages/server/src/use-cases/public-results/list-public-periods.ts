import type { PublicPeriodsResponse } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { modelOf, type Portal } from './portal.js';
import { licenceOf, presentPeriodSummary } from './present-public.js';

/** The public periods, newest first, each with its publication in force and its blocks. */
export async function listPublicPeriods(
  ctx: UseCaseContext,
  portal: Portal,
  periods: readonly PublishedVersionRow[],
): Promise<PublicPeriodsResponse> {
  const models = await Promise.all(periods.map((p) => modelOf(ctx, portal, p)));
  return {
    periods: models.reverse().map(presentPeriodSummary),
    licence: licenceOf(ctx.deps.config.issuer),
  };
}
