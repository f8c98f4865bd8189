import type { ParticipationStatus, PeriodStatus, TimeWindow, WindowKind } from '@chiso/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { participationsQuery } from './period-queries.js';
import {
  assignments,
  participations,
  periodFrameworks,
  periods,
  units,
  windowExtensions,
  windows,
} from '../db/schema.js';

export type PeriodRow = typeof periods.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;

export async function insertPeriod(
  db: Db,
  values: typeof periods.$inferInsert,
): Promise<PeriodRow> {
  const [row] = await db.insert(periods).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function findPeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id));
  return row;
}

/** The period, locked for the rest of the transaction so that state changes are serial. */
export async function lockPeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id)).for('update');
  return row;
}

/**
 * The period, share-locked: writes that must not land after a state change (survey answers
 * after the council's approval) wait for a change in progress, and the change waits for them.
 */
export async function sharePeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id)).for('share');
  return row;
}

export async function listPeriods(db: Db): Promise<PeriodRow[]> {
  return db.select().from(periods).orderBy(desc(periods.year), asc(periods.name));
}

/** The periods a unit takes part in, in the order `listPeriods` gives. */
export async function listPeriodsOfUnit(db: Db, unitId: string): Promise<PeriodRow[]> {
  const rows = await db
    .select({ period: periods })
    .from(periods)
    .innerJoin(participations, eq(participations.periodId, periods.id))
    .where(eq(participations.unitId, unitId))
    .orderBy(desc(periods.year), asc(periods.name));
  return rows.map((row) => row.period);
}

export async function updatePeriod(
  db: Db,
  id: string,
  changes: Partial<PeriodRow> & { status?: PeriodStatus },
) {
  await db.update(periods).set(changes).where(eq(periods.id, id));
}

export async function insertPeriodFrameworks(
  db: Db,
  periodId: string,
  byType: Record<string, string>,
) {
  const rows = Object.entries(byType).map(([unitType, frameworkId]) => ({
    periodId,
    unitType,
    frameworkId,
  }));
  if (rows.length > 0) await db.insert(periodFrameworks).values(rows);
}

export async function listWindows(db: Db, periodId: string): Promise<TimeWindow[]> {
  const rows = await db.select().from(windows).where(eq(windows.periodId, periodId));
  return rows.map((r) => ({
    kind: r.kind as WindowKind,
    opensAt: r.opensAt.getTime(),
    closesAt: r.closesAt.getTime(),
  }));
}

export async function upsertWindow(db: Db, periodId: string, window: TimeWindow) {
  const values = {
    periodId,
    kind: window.kind,
    opensAt: new Date(window.opensAt),
    closesAt: new Date(window.closesAt),
  };
  await db
    .insert(windows)
    .values(values)
    .onConflictDoUpdate({
      target: [windows.periodId, windows.kind],
      set: { opensAt: values.opensAt, closesAt: values.closesAt },
    });
}

export async function findExtension(db: Db, periodId: string, unitId: string, kind: WindowKind) {
  const [row] = await db
    .select()
    .from(windowExtensions)
    .where(
      and(
        eq(windowExtensions.periodId, periodId),
        eq(windowExtensions.unitId, unitId),
        eq(windowExtensions.kind, kind),
      ),
    );
  return row;
}

export async function listExtensions(db: Db, periodId: string) {
  return db.select().from(windowExtensions).where(eq(windowExtensions.periodId, periodId));
}

export async function upsertExtension(db: Db, values: typeof windowExtensions.$inferInsert) {
  await db
    .insert(windowExtensions)
    .values(values)
    .onConflictDoUpdate({
      target: [windowExtensions.periodId, windowExtensions.unitId, windowExtensions.kind],
      set: {
        closesAt: values.closesAt,
        reason: values.reason,
        createdBy: values.createdBy,
        createdAt: values.createdAt,
      },
    });
}

export async function insertParticipations(db: Db, periodId: string, unitIds: readonly string[]) {
  if (unitIds.length > 0) {
    await db
      .insert(participations)
      .values(unitIds.map((unitId) => ({ periodId, unitId })))
      .onConflictDoNothing();
  }
}

export async function listParticipations(db: Db, periodId: string): Promise<ParticipationRow[]> {
  return participationsQuery(db, periodId);
}

/** A unit's participation, locked: two submissions or finalisations cannot interleave. */
/**
 * A participation locked until commit: "update" for a step that changes it (submission,
 * closing a round), "share" for a write that depends on it staying as read (saving a leaf),
 * so that leaves of one unit save side by side but never across a change of step.
 */
export async function lockParticipation(
  db: Db,
  periodId: string,
  unitId: string,
  strength: 'update' | 'share' = 'update',
): Promise<ParticipationRow | undefined> {
  const [row] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.periodId, periodId), eq(participations.unitId, unitId)))
    .for(strength);
  return row;
}

export async function findParticipation(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<ParticipationRow | undefined> {
  const [row] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.periodId, periodId), eq(participations.unitId, unitId)));
  return row;
}

export async function updateParticipation(
  db: Db,
  periodId: string,
  unitId: string,
  changes: Partial<ParticipationRow> & { status?: ParticipationStatus },
) {
  await db
    .update(participations)
    .set(changes)
    .where(and(eq(participations.periodId, periodId), eq(participations.unitId, unitId)));
}

export async function listAssignments(db: Db, periodId: string) {
  return db.select().from(assignments).where(eq(assignments.periodId, periodId));
}

export async function assignedUnitIds(
  db: Db,
  periodId: string,
  appraiserId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ unitId: assignments.unitId })
    .from(assignments)
    .where(and(eq(assignments.periodId, periodId), eq(assignments.appraiserId, appraiserId)));
  return new Set(rows.map((r) => r.unitId));
}

export async function replaceAssignments(
  db: Db,
  periodId: string,
  unitId: string,
  appraiserIds: readonly string[],
) {
  await db
    .delete(assignments)
    .where(and(eq(assignments.periodId, periodId), eq(assignments.unitId, unitId)));
  if (appraiserIds.length > 0) {
    await db
      .insert(assignments)
      .values(appraiserIds.map((appraiserId) => ({ periodId, unitId, appraiserId })));
  }
}

/** The frameworks a unit was or is assessed by, through the periods it takes part in, newest first. */
export async function frameworksOfUnitPeriods(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ frameworkId: periodFrameworks.frameworkId })
    .from(participations)
    .innerJoin(periods, eq(periods.id, participations.periodId))
    .innerJoin(units, eq(units.id, participations.unitId))
    .innerJoin(
      periodFrameworks,
      and(
        eq(periodFrameworks.periodId, participations.periodId),
        eq(periodFrameworks.unitType, units.type),
      ),
    )
    .where(eq(participations.unitId, unitId))
    .orderBy(desc(periods.year));
  return rows.map((row) => row.frameworkId);
}
