import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { entries, participations, periodFrameworks, units } from '../db/schema.js';

// The reads that recompute a period's results, as query builders, so that the EXPLAIN test
// (tenant-queries.test.ts) plans the very queries the server runs: each stays on the period's
// rows, which in a national deployment means on one province (docs/ARCHITECTURE.md, Citus).

export function participationsQuery(db: Db, periodId: string) {
  return db
    .select()
    .from(participations)
    .where(eq(participations.periodId, periodId))
    .orderBy(asc(participations.unitId));
}

export function periodEntriesQuery(db: Db, periodId: string) {
  return db.select().from(entries).where(eq(entries.periodId, periodId));
}

export function periodFrameworksQuery(db: Db, periodId: string) {
  return db.select().from(periodFrameworks).where(eq(periodFrameworks.periodId, periodId));
}

/** The units taking part in the period, not every unit of the install (or of the nation). */
export function periodUnitsQuery(db: Db, periodId: string) {
  return db
    .select({
      id: units.id,
      name: units.name,
      type: units.type,
      parentId: units.parentId,
      peerGroup: units.peerGroup,
      activeFrom: units.activeFrom,
      activeTo: units.activeTo,
      createdAt: units.createdAt,
    })
    .from(units)
    .innerJoin(participations, eq(participations.unitId, units.id))
    .where(eq(participations.periodId, periodId))
    .orderBy(asc(units.type), asc(units.name));
}
