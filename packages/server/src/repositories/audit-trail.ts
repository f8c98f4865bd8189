import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** The audit rows of some actions in a period after an instant, oldest first. */
export async function listPeriodActions(
  db: Db,
  periodId: string,
  actions: readonly string[],
  after: Date,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.periodId, periodId),
        inArray(auditLog.action, [...actions]),
        gt(auditLog.at, after),
      ),
    )
    .orderBy(asc(auditLog.id));
}
