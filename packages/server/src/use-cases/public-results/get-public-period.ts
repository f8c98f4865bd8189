import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { modelOf, type Portal } from './portal.js';
import {
  downloadsOf,
  licenceOf,
  presentBlock,
  presentPeriodSummary,
} from './present-public.js';

/** A public period: every block with its mean, band distribution and head ratings. */
export async function getPublicPeriod(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
) {
  const model = await modelOf(ctx, portal, state);
  return {
    period: presentPeriodSummary(model),
    blocks: model.blocks.map(presentBlock),
    downloads: downloadsOf(state.id),
    licence: licenceOf(ctx.deps.config.issuer, state),
  };
}
