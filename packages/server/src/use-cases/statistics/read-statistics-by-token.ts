import type { UseCaseContext } from '../../context.js';
import { updateApiToken } from '../../repositories/api-tokens.js';
import { authorizeToken, type ApiTokenActor } from '../api-tokens/authenticate-api-token.js';
import { periodStatisticsView } from './list-statistics.js';
import type { PresentedUnitStatistics } from './present-statistics.js';
import { requirePeriod } from './statistics-file.js';

/** A period's statistics read back by a source system with the `statistics:read` scope. */
export async function readStatisticsByToken(
  ctx: UseCaseContext,
  token: ApiTokenActor,
  periodId: string,
): Promise<{ units: PresentedUnitStatistics[] }> {
  const db = ctx.deps.db;
  await authorizeToken(ctx.deps, token, 'statistics:read', periodId);
  await requirePeriod(db, periodId);
  const view = await periodStatisticsView(db, periodId);
  await updateApiToken(db, token.id, { lastUsedAt: ctx.now });
  return view;
}
