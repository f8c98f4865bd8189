import type { CurrentActor, UseCaseContext } from '../../context.js';
import type { AuditFilter } from '../../audit/audit-filter.js';
import { subtreeUnitIds } from '../../repositories/unit-chains.js';
import { authorizeIn, isSubtreeSecretariat } from '../reach.js';

/**
 * Who may read the trail and how much of it (decision 0038): an administrator; the install's
 * reads everything, a unit's its subtree (a period or unit filter outside it is refused).
 */
export async function authorizeAuditRead(
  ctx: UseCaseContext,
  filter: AuditFilter,
): Promise<{ actor: CurrentActor; reach: string[] | undefined }> {
  const actor = await authorizeIn(
    ctx,
    'readAudit',
    filter.periodId !== undefined
      ? { periodId: filter.periodId }
      : filter.unitId !== undefined
        ? { unitId: filter.unitId }
        : 'ownSecretariat',
  );
  if (filter.periodId !== undefined && filter.unitId !== undefined) {
    await authorizeIn(ctx, 'readAudit', { unitId: filter.unitId });
  }
  return {
    actor,
    reach: isSubtreeSecretariat(actor)
      ? await subtreeUnitIds(ctx.deps.db, actor.unitId)
      : undefined,
  };
}
