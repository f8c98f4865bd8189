import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AuditCursor, AuditFilter } from '../audit/audit-filter.js';
import type { Db } from '../db/database.js';
import { auditLog, frameworks, periods, units, users } from '../db/schema.js';

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

/** A row of the administrator's trail with the names it is read by. */
export interface AuditTrailRow extends AuditRow {
  /** `at` in microseconds since 1970, as text: the keyset cursor's exact half. */
  atMicros: string;
  actorUsername: string | null;
  unitName: string | null;
  periodName: string | null;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What a unit's secretariat reaches of the trail (decision 0038): a change inside a period
 * when the period is run within its subtree; outside periods, a change about a unit of the
 * subtree, made by one of its accounts, or to one of its accounts or frameworks.
 */
function reachCondition(db: Db, reach: readonly string[]): SQL {
  const units = [...reach];
  const reachedUsers = db.select({ id: users.id }).from(users).where(inArray(users.unitId, units));
  const inPeriod = inArray(
    auditLog.periodId,
    db.select({ id: periods.id }).from(periods).where(inArray(periods.ownerUnitId, units)),
  );
  const outsidePeriods = or(
    inArray(auditLog.unitId, units),
    inArray(auditLog.actorId, reachedUsers),
    and(
      eq(auditLog.entityType, 'user'),
      inArray(
        auditLog.entityId,
        db
          .select({ id: sql<string>`${users.id}::text` })
          .from(users)
          .where(inArray(users.unitId, units)),
      ),
    ),
    and(
      eq(auditLog.entityType, 'framework'),
      inArray(
        auditLog.entityId,
        db
          .select({ id: sql<string>`${frameworks.id}::text` })
          .from(frameworks)
          .where(inArray(frameworks.ownerUnitId, units)),
      ),
    ),
  );
  return or(inPeriod, and(isNull(auditLog.periodId), outsidePeriods)) ?? sql`false`;
}

function conditions(
  db: Db,
  filter: AuditFilter,
  reach: readonly string[] | undefined,
  cursor: AuditCursor | undefined,
): SQL[] {
  const where: SQL[] = [];
  if (reach !== undefined) where.push(reachCondition(db, reach));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.actorText) where.push(ilike(auditLog.actorName, like(filter.actorText)));
  if (filter.unitId) where.push(eq(auditLog.unitId, filter.unitId));
  if (filter.periodId) where.push(eq(auditLog.periodId, filter.periodId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.before) where.push(lt(auditLog.at, filter.before));
  if (cursor) {
    // Exact to the microsecond: integer arithmetic, no float seconds.
    where.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (timestamptz 'epoch' + ${cursor.atMicros.toString()}::bigint * interval '1 microsecond', ${cursor.id})`,
    );
  }
  return where;
}

export interface AuditTrailOptions {
  reach: readonly string[] | undefined;
  cursor?: AuditCursor | undefined;
  limit: number;
}

/**
 * The trail newest first (at, then id), filtered, within a reach (undefined: everything),
 * after a cursor, at most `limit` rows.
 */
export async function listAuditTrail(
  db: Db,
  filter: AuditFilter,
  options: AuditTrailOptions,
): Promise<AuditTrailRow[]> {
  return auditTrailQuery(db, filter, options);
}

/** The trail's statement, not yet run: what EXPLAIN is asked about in the index test (0056). */
export function auditTrailQuery(db: Db, filter: AuditFilter, options: AuditTrailOptions) {
  const where = conditions(db, filter, options.reach, options.cursor);
  return db
    .select({
      ...getTableColumns(auditLog),
      atMicros: sql<string>`(extract(epoch from ${auditLog.at}) * 1000000)::bigint::text`,
      actorUsername: users.username,
      unitName: units.name,
      periodName: periods.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .leftJoin(periods, eq(periods.id, auditLog.periodId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}
