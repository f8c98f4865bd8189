import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periodReports, surveyResponses, surveys, units } from '../db/schema.js';

export type PeriodReportRow = typeof periodReports.$inferSelect;

/** What the secretariat stored for a period's report; undefined before the first save. */
export async function findPeriodReport(
  db: Db,
  periodId: string,
): Promise<PeriodReportRow | undefined> {
  const [row] = await db.select().from(periodReports).where(eq(periodReports.periodId, periodId));
  return row;
}

/** The same row locked for the rest of the transaction (a save checks its version). */
export async function lockPeriodReport(
  db: Db,
  periodId: string,
): Promise<PeriodReportRow | undefined> {
  const [row] = await db
    .select()
    .from(periodReports)
    .where(eq(periodReports.periodId, periodId))
    .for('update');
  return row;
}

/**
 * Writes the options at `version` + 1. The first save inserts; two first saves at once meet
 * on the primary key, and the loser's insert fails rather than overwriting.
 */
export async function writePeriodReport(
  db: Db,
  values: {
    periodId: string;
    options: unknown;
    updatedAt: Date;
    updatedBy: string;
    version: number;
  },
): Promise<PeriodReportRow> {
  if (values.version === 1) {
    const [row] = await db.insert(periodReports).values(values).returning();
    if (!row) throw new Error('period report not inserted');
    return row;
  }
  const [row] = await db
    .update(periodReports)
    .set({
      options: values.options,
      updatedAt: values.updatedAt,
      updatedBy: values.updatedBy,
      version: values.version,
    })
    .where(eq(periodReports.periodId, values.periodId))
    .returning();
  if (!row) throw new Error('period report not updated');
  return row;
}

export interface ResponseCount {
  peerGroup: string;
  respondentGroup: string;
  groupLabel: string;
  count: number;
}

/**
 * Responses received per peer group of the rated units and respondent group, over the
 * period's surveys that are not drafts (a draft collects nothing): the report's survey sample
 * ("Đại biểu HĐND tỉnh: 20 Phiếu"). Counted by the database, one row per group.
 */
export async function countResponses(db: Db, periodId: string): Promise<ResponseCount[]> {
  const rows = await db
    .select({
      peerGroup: units.peerGroup,
      respondentGroup: surveys.respondentGroup,
      groupLabel: sql<string>`min(${surveys.groupLabel})`,
      count: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .innerJoin(units, eq(units.id, surveyResponses.unitId))
    .where(and(eq(surveys.periodId, periodId), ne(surveys.status, 'draft')))
    .groupBy(units.peerGroup, surveys.respondentGroup)
    .orderBy(units.peerGroup, sql`min(${surveys.groupLabel})`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
