import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { entries, participations, periods, users, windows } from '../db/schema.js';

// What the reminder sources read (decision 0017): open periods' windows, units at a step, the
// people of a unit, open supplement requests.

/** Each open period with its window of this kind. */
export async function listOpenPeriodWindows(db: Db, kind: string) {
  return db
    .select({
      periodId: periods.id,
      periodName: periods.name,
      opensAt: windows.opensAt,
      closesAt: windows.closesAt,
    })
    .from(windows)
    .innerJoin(periods, eq(periods.id, windows.periodId))
    .where(and(eq(windows.kind, kind), eq(periods.status, 'open')));
}

/** The units of a period at one step ("draft", "appraised", …). */
export async function listParticipationsAt(db: Db, periodId: string, status: string) {
  return db
    .select()
    .from(participations)
    .where(and(eq(participations.periodId, periodId), eq(participations.status, status)));
}

/** The active officers and heads of these units: who answers for a unit's assessment. */
export async function listUnitPeople(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(
      and(
        inArray(users.unitId, [...unitIds]),
        inArray(users.role, ['unitOfficer', 'unitHead']),
        eq(users.active, true),
      ),
    );
}

/** The active staff of these offices (role officeStaff), with their office. */
export async function listOfficeStaff(db: Db, officeIds: readonly string[]) {
  if (officeIds.length === 0) return [];
  return db
    .select({ id: users.id, officeId: users.officeId })
    .from(users)
    .where(
      and(
        inArray(users.officeId, [...officeIds]),
        eq(users.role, 'officeStaff'),
        eq(users.active, true),
      ),
    );
}

/** Leaves sent back for supplement whose deadline has not passed, in open periods. */
export async function listOpenSupplementRequests(db: Db, now: Date) {
  return db
    .select({
      periodId: entries.periodId,
      periodName: periods.name,
      unitId: entries.unitId,
      code: entries.code,
      deadline: entries.supplementDeadline,
      note: entries.supplementNote,
    })
    .from(entries)
    .innerJoin(periods, eq(periods.id, entries.periodId))
    .innerJoin(
      participations,
      and(eq(participations.periodId, entries.periodId), eq(participations.unitId, entries.unitId)),
    )
    .where(
      and(
        isNotNull(entries.supplementDeadline),
        gt(entries.supplementDeadline, now),
        eq(periods.status, 'open'),
        eq(participations.status, 'submitted'),
      ),
    );
}
