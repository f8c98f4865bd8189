import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** The audit rows of one action in a period after an instant, oldest first. */
export async function listPeriodActions(
  db: Db,
  periodId: string,
  action: string,
  after: Date,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.periodId, periodId), eq(auditLog.action, action), gt(auditLog.at, after)),
    )
    .orderBy(asc(auditLog.id));
}
