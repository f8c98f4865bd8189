import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
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

/** What the province's overview needs of every task: its unit and its timing. */
export async function listTaskTimings(db: Db) {
  return db
    .select({
      unitId: tasks.unitId,
      deadline: tasks.deadline,
      startedAt: tasks.startedAt,
      completedAt: tasks.completedAt,
      leadOfficeId: tasks.leadOfficeId,
    })
    .from(tasks);
}

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
