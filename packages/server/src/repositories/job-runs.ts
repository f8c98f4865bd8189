import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jobRuns } from '../db/schema.js';

// The in-process queue's table (decision 0017): claims use FOR UPDATE SKIP LOCKED, so two
// servers on one PostgreSQL never take the same job; PGlite has one connection anyway.

export type JobRunRow = typeof jobRuns.$inferSelect;

/** Adds a job unless its name and key are taken; true when it was added. */
export async function insertJobRun(
  db: Db,
  values: Pick<JobRunRow, 'name' | 'version' | 'key' | 'payload' | 'maxAttempts' | 'runAfter'> & {
    createdAt: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(jobRuns)
    .values({ ...values, state: 'created' })
    .onConflictDoNothing({ target: [jobRuns.name, jobRuns.key] })
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/** Takes the next due job, marking it active and counting the attempt. */
export async function claimDueJobRun(
  db: Db,
  now: Date,
  names: readonly string[],
): Promise<JobRunRow | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(
        and(
          inArray(jobRuns.state, ['created', 'retry']),
          lte(jobRuns.runAfter, now),
          inArray(jobRuns.name, [...names]),
        ),
      )
      .orderBy(asc(jobRuns.runAfter), asc(jobRuns.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return undefined;
    const [row] = await tx
      .update(jobRuns)
      .set({ state: 'active', attempts: sql`${jobRuns.attempts} + 1`, startedAt: now })
      .where(eq(jobRuns.id, due.id))
      .returning();
    return row;
  });
}

export async function completeJobRun(db: Db, id: string, now: Date): Promise<void> {
  await db.update(jobRuns).set({ state: 'completed', finishedAt: now }).where(eq(jobRuns.id, id));
}

/** A failed attempt: retried at `retryAt`, or failed for good when there is none. */
export async function failJobRun(
  db: Db,
  id: string,
  now: Date,
  error: string,
  retryAt: Date | undefined,
): Promise<void> {
  await db
    .update(jobRuns)
    .set(
      retryAt
        ? { state: 'retry', runAfter: retryAt, lastError: error }
        : { state: 'failed', finishedAt: now, lastError: error },
    )
    .where(eq(jobRuns.id, id));
}

/** Jobs left active by a server that stopped mid-run, started before `startedBefore`. */
export async function listStaleJobRuns(db: Db, startedBefore: Date): Promise<JobRunRow[]> {
  return db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.state, 'active'), lt(jobRuns.startedAt, startedBefore)));
}

export async function listJobRuns(
  db: Db,
  options: { failedOnly: boolean; limit: number },
): Promise<JobRunRow[]> {
  return db
    .select()
    .from(jobRuns)
    .where(options.failedOnly ? eq(jobRuns.state, 'failed') : undefined)
    .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
    .limit(options.limit);
}

export async function findJobRun(db: Db, id: string): Promise<JobRunRow | undefined> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  return row;
}

/** A failed job queued again now, its attempts counted from zero; false when not failed. */
export async function requeueFailedJobRun(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ state: 'retry', attempts: 0, runAfter: now, finishedAt: null })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.state, 'failed')))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}
