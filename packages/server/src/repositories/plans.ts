import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  improvementPlanApprovals,
  improvementPlanRows,
  improvementPlans,
  periods,
  publishedResults,
  tasks,
} from '../db/schema.js';
import type { PublishedUnitJson } from './previous-publication.js';

export type PlanRecord = typeof improvementPlans.$inferSelect;
export type PlanRowRecord = typeof improvementPlanRows.$inferSelect;
export type PlanApprovalRecord = typeof improvementPlanApprovals.$inferSelect;
export type PlanRowChange = Partial<Omit<PlanRowRecord, 'planId' | 'code' | 'position'>>;

/** A task made from a plan row names it as "<plan id>:<code>". */
export const planRowRef = (planId: string, code: string) => `${planId}:${code}`;

export async function findPlan(
  db: Db,
  unitId: string,
  periodId: string,
): Promise<PlanRecord | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.unitId, unitId), eq(improvementPlans.periodId, periodId)));
  return row;
}

/** The plan, locked for the rest of the transaction (row edits, approval). */
export async function lockPlan(
  db: Db,
  unitId: string,
  periodId: string,
): Promise<PlanRecord | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.unitId, unitId), eq(improvementPlans.periodId, periodId)))
    .for('update');
  return row;
}

export async function listUnitPlans(db: Db, unitId: string): Promise<PlanRecord[]> {
  return db.select().from(improvementPlans).where(eq(improvementPlans.unitId, unitId));
}

export async function listPeriodPlans(db: Db, periodId: string): Promise<PlanRecord[]> {
  return db.select().from(improvementPlans).where(eq(improvementPlans.periodId, periodId));
}

export async function listPlanRows(db: Db, planId: string): Promise<PlanRowRecord[]> {
  return db
    .select()
    .from(improvementPlanRows)
    .where(eq(improvementPlanRows.planId, planId))
    .orderBy(asc(improvementPlanRows.position));
}

/** Plans with their rows; existing plans of the same unit and period are left alone. */
export async function insertPlans(
  db: Db,
  plans: { plan: typeof improvementPlans.$inferInsert; rows: Omit<PlanRowRecord, 'planId'>[] }[],
): Promise<PlanRecord[]> {
  if (plans.length === 0) return [];
  const inserted = await db
    .insert(improvementPlans)
    .values(plans.map((p) => p.plan))
    .onConflictDoNothing()
    .returning();
  const byUnit = new Map(inserted.map((row) => [row.unitId, row]));
  const rows = plans.flatMap((p) => {
    const plan = byUnit.get(p.plan.unitId);
    return plan ? p.rows.map((row) => ({ ...row, planId: plan.id })) : [];
  });
  // PostgreSQL takes at most 65 535 parameters a statement: rows go in slices.
  for (let i = 0; i < rows.length; i += 5000) {
    await db.insert(improvementPlanRows).values(rows.slice(i, i + 5000));
  }
  return inserted;
}

export async function updatePlanRecord(
  db: Db,
  id: string,
  values: Partial<Omit<PlanRecord, 'id' | 'version'>>,
): Promise<PlanRecord> {
  const [row] = await db
    .update(improvementPlans)
    .set({ ...values, version: sql`${improvementPlans.version} + 1` })
    .where(eq(improvementPlans.id, id))
    .returning();
  if (!row) throw new Error(`plan ${id} vanished`);
  return row;
}

/**
 * Writes what the unit gave for some nodes. A node has a row only once something was written
 * for it (or an office pre-filled): a plan of 139 nodes stores a few rows, not 139.
 */
export async function upsertPlanRows(
  db: Db,
  planId: string,
  changes: readonly { code: string; position: number; change: PlanRowChange }[],
): Promise<void> {
  for (const { code, position, change } of changes) {
    await db
      .insert(improvementPlanRows)
      .values({ ...change, planId, code, position })
      .onConflictDoUpdate({
        target: [improvementPlanRows.planId, improvementPlanRows.code],
        set: { ...change, position },
      });
  }
}

export async function insertApproval(
  db: Db,
  values: typeof improvementPlanApprovals.$inferInsert,
): Promise<void> {
  await db.insert(improvementPlanApprovals).values(values);
}

export async function listApprovals(
  db: Db,
  planId: string,
): Promise<Omit<PlanApprovalRecord, 'snapshot'>[]> {
  return db
    .select({
      planId: improvementPlanApprovals.planId,
      number: improvementPlanApprovals.number,
      approvedAt: improvementPlanApprovals.approvedAt,
      approvedBy: improvementPlanApprovals.approvedBy,
      approvedByName: improvementPlanApprovals.approvedByName,
    })
    .from(improvementPlanApprovals)
    .where(eq(improvementPlanApprovals.planId, planId))
    .orderBy(desc(improvementPlanApprovals.number));
}

export async function findApproval(
  db: Db,
  planId: string,
  number: number,
): Promise<PlanApprovalRecord | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlanApprovals)
    .where(
      and(eq(improvementPlanApprovals.planId, planId), eq(improvementPlanApprovals.number, number)),
    );
  return row;
}

/**
 * The unit's plan for `planYear` made from a published period's result (the plan of the year
 * before, whose targets that year's result is compared with), with its period.
 */
export async function findPlanForYear(db: Db, unitId: string, planYear: number) {
  const [row] = await db
    .select({ plan: improvementPlans, period: periods })
    .from(improvementPlans)
    .innerJoin(periods, eq(periods.id, improvementPlans.periodId))
    .where(
      and(
        eq(improvementPlans.unitId, unitId),
        eq(improvementPlans.planYear, planYear),
        eq(periods.status, 'published'),
      ),
    )
    .orderBy(desc(periods.year), desc(periods.publishedAt))
    .limit(1);
  return row;
}

/** A plan's latest approval, snapshot included; undefined when never approved. */
export async function latestApproval(
  db: Db,
  planId: string,
): Promise<PlanApprovalRecord | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlanApprovals)
    .where(eq(improvementPlanApprovals.planId, planId))
    .orderBy(desc(improvementPlanApprovals.number))
    .limit(1);
  return row;
}

/** How many tasks were made from each row of a plan, by code. */
export async function planTaskCounts(db: Db, planId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ ref: tasks.planRowRef, count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.origin, 'plan'), like(tasks.planRowRef, `${planId}:%`)))
    .groupBy(tasks.planRowRef);
  return new Map(rows.map((r) => [String(r.ref).slice(planId.length + 1), r.count]));
}

/**
 * One unit's published result and its peer group's points and maxima, picked out of the stored
 * JSON by the database: a plan's page reads one unit, not the 4 000 of a province's communes.
 */
export async function publishedForPlan(
  db: Db,
  query: { periodId: string; version: number; unitType: string; unitId: string },
) {
  const where = and(
    eq(publishedResults.periodId, query.periodId),
    eq(publishedResults.version, query.version),
    eq(publishedResults.unitType, query.unitType),
  );
  const [row] = await db
    .select({
      frameworkId: sql<string | null>`${publishedResults.framework}->>'id'`,
      unit: sql<PublishedUnitJson | null>`jsonb_path_query_first(${publishedResults.results},
        '$.units[*] ? (@.id == $id)', jsonb_build_object('id', ${query.unitId}::text))`,
    })
    .from(publishedResults)
    .where(where);
  if (!row?.unit) return { frameworkId: row?.frameworkId ?? null, unit: null, peers: [] };
  // The ranked members of the unit's group (a published percent), in the stored order.
  const vars = sql`jsonb_build_object('g', ${JSON.stringify(row.unit.group ?? null)}::jsonb)`;
  const path = (field: string) =>
    sql.raw(`'$.units[*] ? (@.group == $g && @.percent != null).${field}'`);
  const [peers] = await db
    .select({
      points: sql<
        number[]
      >`jsonb_path_query_array(${publishedResults.results}, ${path('points')}, ${vars})`,
      maxPoints: sql<
        number[]
      >`jsonb_path_query_array(${publishedResults.results}, ${path('maxPoints')}, ${vars})`,
    })
    .from(publishedResults)
    .where(where);
  const points = peers?.points ?? [];
  const maxPoints = peers?.maxPoints ?? [];
  return {
    frameworkId: row.frameworkId,
    unit: row.unit,
    peers: points.map((p, i) => ({ points: p, maxPoints: maxPoints[i] ?? 0 })),
  };
}
