import { VIETNAM_OFFSET_MS, type TaskStatus } from '@chiso/core';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import {
  auditLog,
  evidenceFiles,
  offices,
  taskDispatches,
  taskEvidence,
  taskReports,
  tasks,
  units,
} from '../db/schema.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskReportRow = typeof taskReports.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;

export async function insertTasks(db: Db, values: TaskInsert[]): Promise<TaskRow[]> {
  if (values.length === 0) return [];
  return db.insert(tasks).values(values).returning();
}

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

/** Writes a change if the task is still at `version`; undefined when someone changed it since. */
export async function updateTaskRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<TaskInsert>,
): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...values, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}

export interface TaskFilter {
  /** Tasks this office leads or supports. */
  officeId?: string | undefined;
  /** Tasks serving this leaf code. */
  code?: string | undefined;
  /** Deadlines in this range (ISO dates, inclusive). */
  from?: string | undefined;
  to?: string | undefined;
}

/** A unit's tasks, by deadline. */
export async function listUnitTasks(
  db: Db,
  unitId: string,
  filter: TaskFilter = {},
): Promise<TaskRow[]> {
  const conditions = [eq(tasks.unitId, unitId)];
  if (filter.officeId !== undefined) {
    conditions.push(
      sql`(${tasks.leadOfficeId} = ${filter.officeId} or ${tasks.supportingOfficeIds} @> ${JSON.stringify([filter.officeId])}::jsonb)`,
    );
  }
  if (filter.code !== undefined) {
    conditions.push(sql`${tasks.codes} @> ${JSON.stringify([filter.code])}::jsonb`);
  }
  if (filter.from !== undefined) conditions.push(gte(tasks.deadline, filter.from));
  if (filter.to !== undefined) conditions.push(lte(tasks.deadline, filter.to));
  return db
    .select()
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.deadline), asc(tasks.createdAt), asc(tasks.id));
}

/** A unit's tasks due between two days, each with its lead office's name, in one query. */
export async function listUnitTasksWithOffice(
  db: Db,
  unitId: string,
  due: { from: string; to: string },
): Promise<{ task: TaskRow; office: string | null }[]> {
  return db
    .select({ task: tasks, office: offices.name })
    .from(tasks)
    .leftJoin(offices, and(eq(offices.id, tasks.leadOfficeId), eq(offices.unitId, tasks.unitId)))
    .where(
      and(eq(tasks.unitId, unitId), gte(tasks.deadline, due.from), lte(tasks.deadline, due.to)),
    )
    .orderBy(asc(tasks.deadline), asc(tasks.createdAt), asc(tasks.id));
}

/**
 * The province's overview in one query: every unit, in the order `listUnits` gives them, and
 * per lead office of its tasks how many stand in each status at `at` — the core's
 * `taskStatus`, computed by the database so that a few hundred rows travel instead of every
 * task. A unit without tasks comes once, with null counts. `openFrom` is the Vietnam date of
 * `at` (core `vietnamDate`): a task is overdue exactly when its deadline is before it. Done on
 * time means completed before 00:00 of the day after the deadline in Vietnam, UTC+7 all year:
 * 17:00 UTC on 1970-01-01 plus 24 hours a day, with no time zone of the database's involved.
 * Offices come in the unit's order (position, name); a lead office of another unit, after.
 */
export async function listTaskTallies(db: Db, at: Date, openFrom: string) {
  const instant = at.toISOString();
  const firstLate = new Date(VIETNAM_DAY_MS - VIETNAM_OFFSET_MS).toISOString();
  // Computed once per task; the counts below only compare small numbers.
  const statuses = db
    .select({
      unitId: tasks.unitId,
      leadOfficeId: tasks.leadOfficeId,
      status: sql<number>`case
        when ${tasks.completedAt} <= ${instant}::timestamptz then
          case when ${tasks.completedAt} < ${firstLate}::timestamptz
              + (${tasks.deadline} - date '1970-01-01') * interval '24 hours'
            then ${STATUS_CODE.doneOnTime} else ${STATUS_CODE.doneLate} end
        when ${tasks.deadline} < ${openFrom}::date then ${STATUS_CODE.overdue}
        when ${tasks.startedAt} <= ${instant}::timestamptz then ${STATUS_CODE.inProgress}
        else ${STATUS_CODE.notStarted}
      end`.as('status'),
    })
    .from(tasks)
    .as('statuses');
  const count = (status: TaskStatus) =>
    sql<number>`(count(*) filter (where ${statuses.status} = ${STATUS_CODE[status]}))::int`.as(
      status,
    );
  const tallies = db
    .select({
      unitId: statuses.unitId,
      leadOfficeId: statuses.leadOfficeId,
      notStarted: count('notStarted'),
      inProgress: count('inProgress'),
      doneOnTime: count('doneOnTime'),
      doneLate: count('doneLate'),
      overdue: count('overdue'),
    })
    .from(statuses)
    .groupBy(statuses.unitId, statuses.leadOfficeId)
    .as('tallies');
  return db
    .select({
      unitId: units.id,
      unitName: units.name,
      unitType: units.type,
      leadOfficeId: tallies.leadOfficeId,
      officeName: offices.name,
      officeUnitId: offices.unitId,
      notStarted: tallies.notStarted,
      inProgress: tallies.inProgress,
      doneOnTime: tallies.doneOnTime,
      doneLate: tallies.doneLate,
      overdue: tallies.overdue,
    })
    .from(units)
    .leftJoin(tallies, eq(tallies.unitId, units.id))
    .leftJoin(offices, eq(offices.id, tallies.leadOfficeId))
    .orderBy(
      asc(units.type),
      asc(units.name),
      asc(units.id),
      sql`case when ${offices.unitId} = ${units.id} then 0 else 1 end`,
      asc(offices.position),
      asc(offices.name),
    );
}

const VIETNAM_DAY_MS = 24 * 60 * 60 * 1000;

/** Statuses as small numbers inside the overview's query. */
const STATUS_CODE: Record<TaskStatus, SQL> = {
  notStarted: sql.raw('0'),
  inProgress: sql.raw('1'),
  doneOnTime: sql.raw('2'),
  doneLate: sql.raw('3'),
  overdue: sql.raw('4'),
};

/**
 * Open tasks whose deadline is on or before `lastDeadline` (an ISO date), with their unit's
 * name: for an instant, the tasks due within N days and the overdue ones (reminders; the
 * caller tells them apart with the core's taskStatus).
 */
export async function listOpenTasksDueBy(db: Db, lastDeadline: string) {
  return db
    .select({
      id: tasks.id,
      unitId: tasks.unitId,
      unitName: units.name,
      title: tasks.title,
      deadline: tasks.deadline,
      startedAt: tasks.startedAt,
      leadOfficeId: tasks.leadOfficeId,
      supportingOfficeIds: tasks.supportingOfficeIds,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(and(isNull(tasks.completedAt), lte(tasks.deadline, lastDeadline)))
    .orderBy(asc(tasks.deadline), asc(tasks.unitId));
}

export async function insertDispatch(db: Db, values: typeof taskDispatches.$inferInsert) {
  const [row] = await db.insert(taskDispatches).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertReport(db: Db, values: typeof taskReports.$inferInsert) {
  const [row] = await db.insert(taskReports).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listReports(db: Db, taskId: string): Promise<TaskReportRow[]> {
  return db
    .select()
    .from(taskReports)
    .where(eq(taskReports.taskId, taskId))
    .orderBy(desc(taskReports.at), desc(taskReports.id));
}

/** Per task: how many reports, and the percent of the latest that gave one. */
export async function reportStats(
  db: Db,
  taskIds: readonly string[],
): Promise<Map<string, { count: number; latestPercent: number | null }>> {
  const stats = new Map<string, { count: number; latestPercent: number | null }>();
  if (taskIds.length === 0) return stats;
  const rows = await db
    .select({ taskId: taskReports.taskId, percent: taskReports.percent })
    .from(taskReports)
    .where(inArray(taskReports.taskId, [...taskIds]))
    .orderBy(asc(taskReports.at), asc(taskReports.id));
  for (const row of rows) {
    const stat = stats.get(row.taskId) ?? { count: 0, latestPercent: null };
    stat.count++;
    if (row.percent !== null) stat.latestPercent = row.percent;
    stats.set(row.taskId, stat);
  }
  return stats;
}

/** A unit's task evidence with this content, if already stored (kept once per unit). */
export async function findTaskEvidenceFile(db: Db, unitId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        isNull(evidenceFiles.periodId),
        eq(evidenceFiles.unitId, unitId),
        eq(evidenceFiles.sha256, sha256),
      ),
    );
  return row;
}

export async function linkTaskEvidence(db: Db, values: typeof taskEvidence.$inferInsert) {
  await db.insert(taskEvidence).values(values).onConflictDoNothing();
}

/** The task's files with the report each belongs to (null: not yet in a report). */
export async function listTaskEvidence(db: Db, taskId: string) {
  return db
    .select({ reportId: taskEvidence.reportId, file: evidenceFiles })
    .from(taskEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, taskEvidence.evidenceId))
    .where(eq(taskEvidence.taskId, taskId))
    .orderBy(asc(taskEvidence.addedAt), asc(evidenceFiles.fileName));
}

/** Puts files of the task not yet in a report into this one; returns those it took. */
export async function attachEvidence(
  db: Db,
  taskId: string,
  reportId: string,
  evidenceIds: readonly string[],
): Promise<string[]> {
  if (evidenceIds.length === 0) return [];
  const rows = await db
    .update(taskEvidence)
    .set({ reportId })
    .where(
      and(
        eq(taskEvidence.taskId, taskId),
        inArray(taskEvidence.evidenceId, [...evidenceIds]),
        isNull(taskEvidence.reportId),
      ),
    )
    .returning({ evidenceId: taskEvidence.evidenceId });
  return rows.map((row) => row.evidenceId);
}

export async function findTaskEvidence(db: Db, taskId: string, evidenceId: string) {
  const [row] = await db
    .select({ file: evidenceFiles })
    .from(taskEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, taskEvidence.evidenceId))
    .where(and(eq(taskEvidence.taskId, taskId), eq(taskEvidence.evidenceId, evidenceId)));
  return row?.file;
}

/** A task's audit rows, newest first. */
export async function listTaskAudit(db: Db, taskId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'task'), eq(auditLog.entityId, taskId)))
    .orderBy(desc(auditLog.id));
}

/** Every office's name and position, for counts across units. */
export async function listAllOffices(db: Db) {
  return db
    .select({ id: offices.id, unitId: offices.unitId, name: offices.name, active: offices.active })
    .from(offices)
    .orderBy(asc(offices.unitId), asc(offices.position), asc(offices.name));
}

/**
 * The mirror of `listUnitTasksWithOffice` (and of the tasks `listOfferedTaskEvidence` reads),
 * for a cached answer (decision 0051): all of the unit's tasks, whatever their deadline (a
 * superset of both loaders' years), with how many had started and finished by the request's
 * instant, since a task's status and an offered file move with the clock: to the millisecond
 * as the statuses are computed (in JS), and to the microsecond as the offered files' SQL
 * compares; and the unit's offices, whose names the tasks show.
 */
export const UNIT_TASKS_READS = [
  xminFingerprint(
    'tasks',
    'tasks',
    't.unit_id = $2',
    " || ':' || count(*) FILTER (WHERE date_trunc('milliseconds', t.started_at) <= $3::timestamptz) || ':' || count(*) FILTER (WHERE date_trunc('milliseconds', t.completed_at) <= $3::timestamptz) || ':' || count(*) FILTER (WHERE t.completed_at <= $3::timestamptz)",
  ),
  xminFingerprint('offices', 'offices', 't.unit_id = $2'),
];

/**
 * The first instant after the request's at which one of those counts may move by the clock
 * alone (a task starting or finishing): until then, an unchanged snapshot proves the answer
 * current without counting again (decision 0061). Floored to the millisecond and taken from a
 * millisecond before the request, so that it is never later than the counts' own change.
 */
export const UNIT_TASKS_NEXT_INSTANT = `(SELECT floor(extract(epoch FROM min(v.x)) * 1000)::bigint FROM tasks AS t CROSS JOIN LATERAL (VALUES (t.started_at), (t.completed_at)) AS v(x) WHERE t.unit_id = $2 AND v.x > $3::timestamptz - interval '1 millisecond')`;
