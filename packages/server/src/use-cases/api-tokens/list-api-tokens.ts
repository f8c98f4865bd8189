import type { UseCaseContext } from '../../context.js';
import { listApiTokenRows } from '../../repositories/api-tokens.js';
import { authorizeIn, inReach, reachOf } from '../reach.js';
import { presentApiTokens, type PresentedApiToken } from './present-api-token.js';

/**
 * The tokens the administrator's secretariat reaches, newest first: a district's own (and its
 * subtree's), every token for the install's administrator. Never a secret or a hash.
 */
export async function listApiTokens(ctx: UseCaseContext): Promise<{ tokens: PresentedApiToken[] }> {
  await authorizeIn(ctx, 'manageStatistics', 'ownSecretariat');
  const db = ctx.deps.db;
  const reach = await reachOf(ctx);
  const all = await listApiTokenRows(db);
  const rows = all.filter((row) => inReach(reach, row.ownerUnitId));
  return { tokens: await presentApiTokens(db, rows, all, ctx.now) };
}
