import type { Tally } from '@chiso/core';
import { and, asc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { surveys, surveyTallies } from '../db/schema.js';

export type TallyRow = typeof surveyTallies.$inferSelect;

/** What the counting query needs of a questionnaire: how many options each question has. */
interface TallyShape {
  surveyId: string;
  /** Options per question, in questionnaire order. */
  options: readonly number[];
}

/** PostgreSQL takes at most 100 arguments per function call (jsonb_build_array). */
const ARGUMENTS = 100;

/**
 * The statement that counts one survey's answers into its tallies, generated for its shape.
 * Innermost, each stored array is copied once out of its on-disk (short-header) form, so that
 * reading it is cheap; then each question's answer is read once into a column; then every
 * (question, option) is a `count(*) FILTER` in a single pass grouped by unit, and PostgreSQL
 * assembles the counts into `[[…], …]` jsonb. `OFFSET 0` keeps the planner from folding the
 * inner steps back into the outer one (which would read each answer once per option).
 * Measured on 1,000,000 responses × 30 answers (`npm run bench`): 2.5–4× faster than
 * `unnest(answers) WITH ORDINALITY` or `generate_series` over positions, which push 30 rows
 * per response through a hash aggregate; work_mem does not matter, as there is one group per
 * unit. Only integers from the questionnaire are spliced into the text.
 */
function countingStatement(shape: TallyShape, computedAt: Date): SQL {
  const { options } = shape;
  if (options.length === 0 || options.some((n) => !Number.isInteger(n) || n < 1 || n > 100)) {
    throw new Error(`bad tally shape for survey ${shape.surveyId}`);
  }
  const columns = options.map((_n, q) => `t.a[${q + 1}] AS a${q + 1}`).join(', ');
  const perQuestion = options.map(
    (n, q) =>
      `to_jsonb(ARRAY[${Array.from(
        { length: n },
        (_x, o) => `count(*) FILTER (WHERE a${q + 1} = ${o + 1})`,
      ).join(', ')}]::int[])`,
  );
  const chunks: string[] = [];
  for (let i = 0; i < perQuestion.length; i += ARGUMENTS) {
    chunks.push(`jsonb_build_array(${perQuestion.slice(i, i + ARGUMENTS).join(', ')})`);
  }
  return sql`
    INSERT INTO survey_tallies (survey_id, unit_id, responses, counts, computed_at)
    SELECT ${shape.surveyId}::uuid, s.unit_id, count(*)::int, ${sql.raw(chunks.join(' || '))},
           ${computedAt.toISOString()}::timestamptz
    FROM (
      SELECT t.unit_id, ${sql.raw(columns)}
      FROM (
        SELECT r.unit_id, r.answers || '{}'::smallint[] AS a
        FROM survey_responses r
        WHERE r.survey_id = ${shape.surveyId}::uuid
        OFFSET 0
      ) t
      OFFSET 0
    ) s
    GROUP BY s.unit_id`;
}

/** The shape of a stored survey: option counts read from its questions (JSON as stored). */
function shapeOf(row: { id: string; questions: unknown }): TallyShape {
  const questions = Array.isArray(row.questions) ? row.questions : [];
  return {
    surveyId: row.id,
    options: questions.map((question: unknown) => {
      const options = (question as { options?: unknown } | null)?.options;
      return Array.isArray(options) ? options.length : 0;
    }),
  };
}

/**
 * Counts one survey's answers again: its tallies are replaced by one aggregation over
 * survey_responses. Run it inside a transaction so that readers see the old or the new
 * tallies, never a mix. Returns the number of responses counted (0 for an unknown survey).
 */
export async function recomputeSurveyTallies(
  db: Db,
  surveyId: string,
  computedAt: Date,
): Promise<number> {
  const [row] = await db
    .select({ id: surveys.id, questions: surveys.questions })
    .from(surveys)
    .where(eq(surveys.id, surveyId));
  return row ? recount(db, shapeOf(row), computedAt) : 0;
}

/**
 * Counts the answers of every survey of a period again, one aggregation per survey (each has
 * its own shape), all at the same `computedAt`. Run it inside a transaction.
 */
export async function recomputePeriodTallies(
  db: Db,
  periodId: string,
  computedAt: Date,
): Promise<{ surveys: number; responses: number }> {
  const rows = await db
    .select({ id: surveys.id, questions: surveys.questions })
    .from(surveys)
    .where(eq(surveys.periodId, periodId))
    .orderBy(asc(surveys.id));
  let responses = 0;
  for (const row of rows) responses += await recount(db, shapeOf(row), computedAt);
  return { surveys: rows.length, responses };
}

async function recount(db: Db, shape: TallyShape, computedAt: Date): Promise<number> {
  await db.delete(surveyTallies).where(eq(surveyTallies.surveyId, shape.surveyId));
  await db.execute(countingStatement(shape, computedAt));
  // Units with a target but no response yet get a tally of zeros: counted, and none came.
  const zeros = JSON.stringify(shape.options.map((n) => Array.from({ length: n }, () => 0)));
  await db.execute(sql`
    INSERT INTO survey_tallies (survey_id, unit_id, responses, counts, computed_at)
    SELECT t.survey_id, t.unit_id, 0, ${zeros}::jsonb, ${computedAt.toISOString()}::timestamptz
    FROM survey_targets t
    WHERE t.survey_id = ${shape.surveyId}::uuid
    ON CONFLICT DO NOTHING`);
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${surveyTallies.responses}), 0)` })
    .from(surveyTallies)
    .where(eq(surveyTallies.surveyId, shape.surveyId));
  return Number(row?.n ?? 0);
}

/** The tallies of some surveys, per survey and unit. */
export async function listTallies(db: Db, surveyIds: readonly string[]): Promise<TallyRow[]> {
  if (surveyIds.length === 0) return [];
  return db
    .select()
    .from(surveyTallies)
    .where(inArray(surveyTallies.surveyId, [...surveyIds]))
    .orderBy(asc(surveyTallies.surveyId), asc(surveyTallies.unitId));
}

/** One unit's tallies in some surveys. */
export async function listUnitTallies(
  db: Db,
  surveyIds: readonly string[],
  unitId: string,
): Promise<TallyRow[]> {
  if (surveyIds.length === 0) return [];
  return db
    .select()
    .from(surveyTallies)
    .where(and(inArray(surveyTallies.surveyId, [...surveyIds]), eq(surveyTallies.unitId, unitId)));
}

/** When the tallies of a period were last counted; null if never. */
export async function lastComputedAt(db: Db, periodId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(surveyTallies.computedAt) })
    .from(surveyTallies)
    .innerJoin(surveys, eq(surveys.id, surveyTallies.surveyId))
    .where(eq(surveys.periodId, periodId));
  return row?.at ?? null;
}

/** A stored tally as the core's Tally (counts as stored, jsonb `[[n, …], …]`). */
export function tallyOf(row: Pick<TallyRow, 'responses' | 'counts'>): Tally {
  const counts = Array.isArray(row.counts) ? (row.counts as unknown[]) : [];
  return {
    responses: row.responses,
    counts: counts.map((options) =>
      Array.isArray(options) ? options.map((n) => Number(n) || 0) : [],
    ),
  };
}

/** The mirror of `listUnitTallies` over the period's surveys, for a cached answer (0051). */
export const UNIT_TALLIES_READ = xminFingerprint(
  'survey tallies',
  'survey_tallies',
  't.unit_id = $2 AND t.survey_id IN (SELECT s.id FROM surveys AS s WHERE s.period_id = $1)',
);
