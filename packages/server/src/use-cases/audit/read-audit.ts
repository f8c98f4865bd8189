import type { AuditPage, AuditQuery } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import { auditFilterOf, decodeCursor, encodeCursor } from '../../audit/audit-filter.js';
import { presentTrailRow } from '../../audit/present-trail.js';
import { listAuditTrail } from '../../repositories/audit-trail.js';
import { authorizeAuditRead } from './audit-reach.js';

/**
 * One page of the audit trail, newest first, with the filters asked for; administrators only,
 * each within its reach (the install's everything, a unit's secretariat its subtree).
 */
export async function readAudit(
  ctx: UseCaseContext,
  query: Omit<AuditQuery, 'limit'> & { limit: number },
): Promise<AuditPage> {
  const filter = auditFilterOf(query);
  const { actor, reach } = await authorizeAuditRead(ctx, filter);
  const rows = await listAuditTrail(ctx.deps.db, filter, {
    reach,
    cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => presentTrailRow(row, actor.role === 'administrator')),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ atMicros: BigInt(last.atMicros), id: last.id })
        : null,
  };
}
