import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import {
  surveyCodes,
  surveyFrame,
  surveyLinks,
  surveyResponses,
  surveys,
  surveyTargets,
  units,
} from '../db/schema.js';
import { frameVisible } from './frame-staged.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyTargetRow = typeof surveyTargets.$inferSelect;
export type SurveyFrameRow = typeof surveyFrame.$inferSelect;
export type SurveyCodeRow = typeof surveyCodes.$inferSelect;
export type SurveyLinkRow = typeof surveyLinks.$inferSelect;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

export async function findSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  return row;
}

/** The survey, locked for the rest of the transaction: changes to it and its codes are serial. */
export async function lockSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id)).for('update');
  return row;
}

export async function listSurveys(db: Db, periodId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.periodId, periodId))
    .orderBy(asc(surveys.ratedUnitType), asc(surveys.respondentGroup), asc(surveys.name));
}

export async function insertSurvey(
  db: Db,
  values: typeof surveys.$inferInsert,
): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Changes a survey if it is still at `version`; undefined when someone changed it first. */
export async function updateSurvey(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<SurveyRow, 'id' | 'periodId' | 'version' | 'createdAt'>>,
): Promise<SurveyRow | undefined> {
  const [row] = await db
    .update(surveys)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(surveys.id, id), eq(surveys.version, version)))
    .returning();
  return row;
}

/** Responses received per survey of a period. */
export async function responseCountsOfPeriod(
  db: Db,
  periodId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ surveyId: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveys.periodId, periodId))
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.surveyId, Number(r.n)]));
}

/** Target responses (summed over units) per survey of a period. */
export async function targetTotalsOfPeriod(db: Db, periodId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({
      surveyId: surveyTargets.surveyId,
      total: sql<string>`coalesce(sum(${surveyTargets.target}), 0)`,
    })
    .from(surveyTargets)
    .innerJoin(surveys, eq(surveys.id, surveyTargets.surveyId))
    .where(eq(surveys.periodId, periodId))
    .groupBy(surveyTargets.surveyId);
  return new Map(rows.map((r) => [r.surveyId, Number(r.total)]));
}

export async function responseCountsByUnit(db: Db, surveyId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ unitId: surveyResponses.unitId, n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(surveyResponses.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

export async function hasResponses(db: Db, surveyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .limit(1);
  return row !== undefined;
}

export async function listTargets(db: Db, surveyId: string): Promise<SurveyTargetRow[]> {
  return db
    .select()
    .from(surveyTargets)
    .where(eq(surveyTargets.surveyId, surveyId))
    .orderBy(asc(surveyTargets.unitId));
}

/** The sampling plan, replaced whole. */
export async function replaceTargets(
  db: Db,
  surveyId: string,
  rows: readonly { unitId: string; target: number; population: number | null }[],
): Promise<void> {
  await db.delete(surveyTargets).where(eq(surveyTargets.surveyId, surveyId));
  if (rows.length > 0) await db.insert(surveyTargets).values(rows.map((r) => ({ surveyId, ...r })));
}

/** Codes issued and codes answered, per unit. */
export async function codeCountsByUnit(
  db: Db,
  surveyId: string,
): Promise<Map<string, { codes: number; answered: number }>> {
  const rows = await db
    .select({
      unitId: surveyCodes.unitId,
      codes: count(),
      answered: count(surveyCodes.answeredOn),
    })
    .from(surveyCodes)
    .where(eq(surveyCodes.surveyId, surveyId))
    .groupBy(surveyCodes.unitId);
  return new Map(
    rows.map((r) => [r.unitId, { codes: Number(r.codes), answered: Number(r.answered) }]),
  );
}

export async function frameSummary(
  db: Db,
  surveyId: string,
): Promise<{ total: number; sampled: number }> {
  const [row] = await db
    .select({
      total: count(),
      sampled: sql<string>`count(*) filter (where ${surveyFrame.sampled})`,
    })
    .from(surveyFrame)
    .where(and(eq(surveyFrame.surveyId, surveyId), frameVisible));
  return { total: Number(row?.total ?? 0), sampled: Number(row?.sampled ?? 0) };
}

export async function insertFrameRows(
  db: Db,
  rows: readonly (typeof surveyFrame.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(surveyFrame).values(rows.slice(i, i + CHUNK));
  }
}

/** People of the frame not drawn yet, for one unit. */
export async function listUnsampledFrame(
  db: Db,
  surveyId: string,
  unitId: string,
): Promise<SurveyFrameRow[]> {
  return db
    .select()
    .from(surveyFrame)
    .where(
      and(
        eq(surveyFrame.surveyId, surveyId),
        eq(surveyFrame.unitId, unitId),
        eq(surveyFrame.sampled, false),
        frameVisible,
      ),
    )
    .orderBy(asc(surveyFrame.createdAt), asc(surveyFrame.id));
}

export async function markFrameSampled(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .update(surveyFrame)
      .set({ sampled: true })
      .where(inArray(surveyFrame.id, ids.slice(i, i + CHUNK)));
  }
}

/**
 * Inserts codes, skipping any whose text is already taken (by any survey); returns the codes
 * that went in, so the caller can draw new ones for the rest.
 */
export async function insertCodes(
  db: Db,
  rows: readonly (typeof surveyCodes.$inferInsert)[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const done = await db
      .insert(surveyCodes)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing({ target: surveyCodes.code })
      .returning({ code: surveyCodes.code });
    for (const row of done) inserted.add(row.code);
  }
  return inserted;
}

export interface CodeFilter {
  unitId?: string | undefined;
  answered?: boolean | undefined;
  codes?: readonly string[] | undefined;
}

export type CodeWithUnit = SurveyCodeRow & { unitName: string };

export async function listCodes(
  db: Db,
  surveyId: string,
  filter: CodeFilter = {},
): Promise<CodeWithUnit[]> {
  const { codes } = filter;
  if (codes !== undefined && codes.length > CHUNK) {
    // Large draws: look the codes up a chunk at a time, then order them as one list.
    const parts: CodeWithUnit[] = [];
    for (let i = 0; i < codes.length; i += CHUNK) {
      parts.push(
        ...(await listCodes(db, surveyId, { ...filter, codes: codes.slice(i, i + CHUNK) })),
      );
    }
    return parts.sort(
      (a, b) =>
        a.unitId.localeCompare(b.unitId) ||
        a.issuedAt.getTime() - b.issuedAt.getTime() ||
        (a.respondentName ?? '').localeCompare(b.respondentName ?? ''),
    );
  }
  const conditions = [eq(surveyCodes.surveyId, surveyId)];
  if (filter.unitId !== undefined) conditions.push(eq(surveyCodes.unitId, filter.unitId));
  if (filter.answered === true) conditions.push(isNotNull(surveyCodes.answeredOn));
  if (filter.answered === false) conditions.push(isNull(surveyCodes.answeredOn));
  if (codes !== undefined) {
    if (codes.length === 0) return [];
    conditions.push(inArray(surveyCodes.code, [...codes]));
  }
  const rows = await db
    .select({ code: surveyCodes, unitName: units.name })
    .from(surveyCodes)
    .innerJoin(units, eq(units.id, surveyCodes.unitId))
    .where(and(...conditions))
    .orderBy(asc(surveyCodes.unitId), asc(surveyCodes.issuedAt), asc(surveyCodes.respondentName));
  return rows.map((r) => ({ ...r.code, unitName: r.unitName }));
}

export async function listLinks(db: Db, surveyId: string): Promise<SurveyLinkRow[]> {
  return db
    .select()
    .from(surveyLinks)
    .where(eq(surveyLinks.surveyId, surveyId))
    .orderBy(asc(surveyLinks.unitId));
}

/** The unit's open link with a new token (a re-post rotates it: the old QR stops working). */
export async function upsertLink(
  db: Db,
  values: { surveyId: string; unitId: string; token: string; createdAt: Date },
): Promise<SurveyLinkRow> {
  const [row] = await db
    .insert(surveyLinks)
    .values({ ...values, active: true })
    .onConflictDoUpdate({
      target: [surveyLinks.surveyId, surveyLinks.unitId],
      set: { token: values.token, active: true, createdAt: values.createdAt },
    })
    .returning();
  if (!row) throw new Error('upsert returned nothing');
  return row;
}

/** Sets how many answers the unit's link takes a day (null: no cap); undefined if no link. */
export async function setLinkDailyCap(
  db: Db,
  key: { surveyId: string; unitId: string },
  dailyCap: number | null,
): Promise<SurveyLinkRow | undefined> {
  const [row] = await db
    .update(surveyLinks)
    .set({ dailyCap })
    .where(and(eq(surveyLinks.surveyId, key.surveyId), eq(surveyLinks.unitId, key.unitId)))
    .returning();
  return row;
}

/** Whether units are attached to the survey (targets, codes, links, frame): they pin its unit type. */
export async function hasUnitsAttached(db: Db, surveyId: string): Promise<boolean> {
  const tables = [
    db
      .select({ x: surveyTargets.unitId })
      .from(surveyTargets)
      .where(eq(surveyTargets.surveyId, surveyId)),
    db
      .select({ x: surveyCodes.unitId })
      .from(surveyCodes)
      .where(eq(surveyCodes.surveyId, surveyId)),
    db
      .select({ x: surveyLinks.unitId })
      .from(surveyLinks)
      .where(eq(surveyLinks.surveyId, surveyId)),
    db
      .select({ x: surveyFrame.unitId })
      .from(surveyFrame)
      .where(eq(surveyFrame.surveyId, surveyId)),
  ];
  for (const query of tables) {
    if ((await query.limit(1)).length > 0) return true;
  }
  return false;
}

/**
 * A period's surveys as ids and versions (the row's xmin: any write to a survey makes a new
 * one), in listSurveys' order: what a reader of parsed questionnaires checks its cache with.
 */
export async function listSurveyVersions(
  db: Db,
  periodId: string,
): Promise<{ id: string; version: string }[]> {
  return db
    .select({ id: surveys.id, version: sql<string>`${surveys}.xmin::text` })
    .from(surveys)
    .where(eq(surveys.periodId, periodId))
    .orderBy(asc(surveys.ratedUnitType), asc(surveys.respondentGroup), asc(surveys.name));
}

/** Surveys by id with their versions (xmin), for what the cache lacks. */
export async function surveysWithVersions(
  db: Db,
  ids: readonly string[],
): Promise<{ row: SurveyRow; version: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ row: surveys, version: sql<string>`${surveys}.xmin::text` })
    .from(surveys)
    .where(inArray(surveys.id, [...ids]));
}

/** The mirror of `listSurveyVersions` (and the rows read for them), decision 0051. */
export const PERIOD_SURVEYS_READ = xminFingerprint('surveys', 'surveys', 't.period_id = $1');
