import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  surveyCodes,
  surveyDevices,
  surveyDrafts,
  surveyLinks,
  surveyRechecks,
  surveyResponses,
  surveys,
} from '../db/schema.js';

export type ResponseRow = typeof surveyResponses.$inferSelect;
export type DraftRow = typeof surveyDrafts.$inferSelect;
export type RecheckRow = typeof surveyRechecks.$inferSelect;

/** Channels whose forms carry a number and may be re-checked. */
export const FORM_CHANNELS = ['paper', 'import'] as const;

export async function findCode(db: Db, code: string) {
  const [row] = await db.select().from(surveyCodes).where(eq(surveyCodes.code, code));
  return row;
}

/**
 * Marks a code used on this day, if nobody did first: the conditional update is the lock, so of
 * two submissions at once exactly one gets `true`.
 */
export async function markCodeAnswered(db: Db, codeId: string, day: string): Promise<boolean> {
  const rows = await db
    .update(surveyCodes)
    .set({ answeredOn: day })
    .where(and(eq(surveyCodes.id, codeId), isNull(surveyCodes.answeredOn)))
    .returning({ id: surveyCodes.id });
  return rows.length === 1;
}

export async function findActiveLink(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(surveyLinks)
    .where(and(eq(surveyLinks.token, token), eq(surveyLinks.active, true)));
  return row;
}

export async function findDraft(db: Db, tokenHash: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.tokenHash, tokenHash));
  return row;
}

export async function saveDraft(db: Db, draft: typeof surveyDrafts.$inferInsert): Promise<void> {
  await db
    .insert(surveyDrafts)
    .values(draft)
    .onConflictDoUpdate({
      target: surveyDrafts.tokenHash,
      set: { answers: draft.answers, updatedAt: draft.updatedAt },
    });
}

export async function deleteDraft(db: Db, tokenHash: string): Promise<void> {
  await db.delete(surveyDrafts).where(eq(surveyDrafts.tokenHash, tokenHash));
}

/** Records that a device answered for a unit; false when it already had. */
/** Whether a device (its hash, as `addDevice` stores it) already answered for the unit. */
export async function hasDevice(
  db: Db,
  surveyId: string,
  unitId: string,
  deviceHash: string,
): Promise<boolean> {
  const rows = await db
    .select({ deviceHash: surveyDevices.deviceHash })
    .from(surveyDevices)
    .where(
      and(
        eq(surveyDevices.surveyId, surveyId),
        eq(surveyDevices.unitId, unitId),
        eq(surveyDevices.deviceHash, deviceHash),
      ),
    )
    .limit(1);
  return rows.length === 1;
}

export async function addDevice(
  db: Db,
  surveyId: string,
  unitId: string,
  deviceHash: string,
): Promise<boolean> {
  const rows = await db
    .insert(surveyDevices)
    .values({ surveyId, unitId, deviceHash })
    .onConflictDoNothing()
    .returning({ deviceHash: surveyDevices.deviceHash });
  return rows.length === 1;
}

/** One response; undefined when its form number is already taken in the survey. */
export async function insertResponse(
  db: Db,
  values: typeof surveyResponses.$inferInsert,
): Promise<string | undefined> {
  const [row] = await db
    .insert(surveyResponses)
    .values(values)
    .onConflictDoNothing({ target: [surveyResponses.surveyId, surveyResponses.formNumber] })
    .returning({ id: surveyResponses.id });
  return row?.id;
}

export interface ImportedRows {
  unitIds: string[];
  formNumbers: string[];
  batches: (string | null)[];
  /** Answers as PostgreSQL array literals: "{1,2,0}". */
  answers: string[];
}

/**
 * Many responses of one survey in one statement: columns travel as arrays and are unnested by
 * the database (a handful of parameters however many rows). Returns how many were inserted;
 * fewer than given means a form number was taken meanwhile.
 */
export async function insertResponseRows(
  db: Db,
  common: { surveyId: string; channel: string; submittedOn: string; enteredBy: string | null },
  rows: ImportedRows,
): Promise<number> {
  const result = await db.execute(sql`
    insert into survey_responses
      (survey_id, unit_id, channel, answers, form_number, batch, submitted_on, entered_by)
    select ${common.surveyId}::uuid, r.unit_id, ${common.channel}, r.answers::smallint[],
      r.form_number, r.batch, ${common.submittedOn}::date, ${common.enteredBy}::uuid
    from unnest(${sql.param(rows.unitIds)}::text[], ${sql.param(rows.formNumbers)}::text[],
      ${sql.param(rows.batches)}::text[], ${sql.param(rows.answers)}::text[])
      as r(unit_id, form_number, batch, answers)
    on conflict on constraint survey_responses_form do nothing`);
  return affectedRows(result);
}

/** Rows written by `execute`: node-postgres says `rowCount`, PGlite `affectedRows`. */
function affectedRows(result: unknown): number {
  const { rowCount, affectedRows } = result as { rowCount?: number | null; affectedRows?: number };
  return rowCount ?? affectedRows ?? 0;
}

/** Form numbers already used in the survey. */
export async function formNumbersOf(db: Db, surveyId: string): Promise<Set<string>> {
  const rows = await db
    .select({ formNumber: surveyResponses.formNumber })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return new Set(rows.flatMap((r) => (r.formNumber === null ? [] : [r.formNumber])));
}

export async function findFormResponse(
  db: Db,
  surveyId: string,
  formNumber: string,
): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.surveyId, surveyId),
        eq(surveyResponses.formNumber, formNumber),
        inArray(surveyResponses.channel, [...FORM_CHANNELS]),
      ),
    );
  return row;
}

export async function findResponse(db: Db, id: string): Promise<ResponseRow | undefined> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
  return row;
}

export async function updateResponseAnswers(db: Db, id: string, answers: number[]): Promise<void> {
  await db.update(surveyResponses).set({ answers }).where(eq(surveyResponses.id, id));
}

/** Paper and imported forms of a survey with their re-check status, by batch and number. */
export async function listForms(db: Db, surveyId: string, batch?: string) {
  return db
    .select({
      id: surveyResponses.id,
      formNumber: surveyResponses.formNumber,
      batch: surveyResponses.batch,
      unitId: surveyResponses.unitId,
      submittedOn: surveyResponses.submittedOn,
      recheck: surveyRechecks.status,
    })
    .from(surveyResponses)
    .leftJoin(surveyRechecks, eq(surveyRechecks.responseId, surveyResponses.id))
    .where(
      and(
        eq(surveyResponses.surveyId, surveyId),
        inArray(surveyResponses.channel, [...FORM_CHANNELS]),
        batch === undefined ? undefined : eq(surveyResponses.batch, batch),
      ),
    )
    .orderBy(asc(surveyResponses.batch), asc(surveyResponses.formNumber));
}

/** Re-check rows of a survey with the form they re-check (first entry's answers included). */
export async function listRechecks(db: Db, surveyId: string) {
  return db
    .select({
      responseId: surveyRechecks.responseId,
      formNumber: surveyResponses.formNumber,
      first: surveyResponses.answers,
      second: surveyRechecks.answers,
      differences: surveyRechecks.differences,
      status: surveyRechecks.status,
    })
    .from(surveyRechecks)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyRechecks.responseId))
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(surveyResponses.formNumber));
}

export async function findRecheck(db: Db, responseId: string): Promise<RecheckRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyRechecks)
    .where(eq(surveyRechecks.responseId, responseId))
    .for('update');
  return row;
}

/** The second entry of a form; false when one was already saved. */
export async function insertRecheck(
  db: Db,
  values: typeof surveyRechecks.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(surveyRechecks)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: surveyRechecks.responseId });
  return rows.length === 1;
}

export async function resolveRecheck(
  db: Db,
  responseId: string,
  by: { resolvedBy: string; resolvedAt: Date },
): Promise<void> {
  await db
    .update(surveyRechecks)
    .set({ status: 'resolved', ...by })
    .where(eq(surveyRechecks.responseId, responseId));
}

/**
 * The survey, share-locked for the rest of the transaction: responses may be added side by side,
 * but its status cannot change until they are in.
 */
export async function shareSurvey(db: Db, id: string) {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id)).for('share');
  return row;
}
