import { and, asc, count, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  entries,
  participations,
  periods,
  surveyCodes,
  surveys,
  units,
  users,
  windows,
} from '../db/schema.js';

// What the reminder sources read (decision 0017): open periods' windows, units at a step, the
// people of a unit, open supplement requests, open surveys and their codes.

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

/**
 * Open surveys of open periods, each with the opening of its period's window of this kind
 * (the council's, for surveys: decision 0017); a period without that window has none.
 */
export async function listOpenSurveysBeforeWindow(db: Db, kind: string) {
  return db
    .select({
      surveyId: surveys.id,
      surveyName: surveys.name,
      periodId: periods.id,
      periodName: periods.name,
      windowOpensAt: windows.opensAt,
    })
    .from(surveys)
    .innerJoin(periods, eq(periods.id, surveys.periodId))
    .innerJoin(windows, and(eq(windows.periodId, periods.id), eq(windows.kind, kind)))
    .where(and(eq(surveys.status, 'open'), eq(periods.status, 'open')));
}

/** Codes issued and codes answered, per survey and rated unit, with the unit's name. */
export async function codeCountsOfSurveys(db: Db, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  const rows = await db
    .select({
      surveyId: surveyCodes.surveyId,
      unitId: surveyCodes.unitId,
      unitName: units.name,
      codes: count(),
      answered: count(surveyCodes.answeredOn),
    })
    .from(surveyCodes)
    .innerJoin(units, eq(units.id, surveyCodes.unitId))
    .where(inArray(surveyCodes.surveyId, [...surveyIds]))
    .groupBy(surveyCodes.surveyId, surveyCodes.unitId, units.name)
    .orderBy(asc(surveyCodes.unitId));
  return rows.map((r) => ({ ...r, codes: Number(r.codes), answered: Number(r.answered) }));
}

/** The active administrators: who issues, prints and hands out survey codes. */
export async function listActiveAdministrators(db: Db) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'administrator'), eq(users.active, true)));
}
