import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periods, publications, publishedResults } from '../db/schema.js';

export type PublishedRow = typeof publishedResults.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;

/** The publications of a period, newest first: the first is current, the others superseded. */
export async function listPublications(db: Db, periodId: string): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(eq(publications.periodId, periodId))
    .orderBy(desc(publications.version));
}

/** The publication in force: the one no later version superseded. */
export async function currentPublication(
  db: Db,
  periodId: string,
): Promise<PublicationRow | undefined> {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.periodId, periodId), isNull(publications.supersededAt)))
    .orderBy(desc(publications.version))
    .limit(1);
  return row;
}

/** Frozen results of one publication of a period; without a version, of the current one. */
export async function listPublished(
  db: Db,
  periodId: string,
  version?: number,
): Promise<PublishedRow[]> {
  const chosen = version ?? (await currentPublication(db, periodId))?.version;
  if (chosen === undefined) return [];
  return db
    .select()
    .from(publishedResults)
    .where(and(eq(publishedResults.periodId, periodId), eq(publishedResults.version, chosen)));
}

export async function insertPublication(
  db: Db,
  publication: typeof publications.$inferInsert,
  rows: (typeof publishedResults.$inferInsert)[],
): Promise<void> {
  await db.insert(publications).values(publication);
  if (rows.length > 0) await db.insert(publishedResults).values(rows);
}

export async function supersedePublication(
  db: Db,
  periodId: string,
  version: number,
  at: Date,
): Promise<void> {
  await db
    .update(publications)
    .set({ supersededAt: at })
    .where(and(eq(publications.periodId, periodId), eq(publications.version, version)));
}

/** The most recent published period before a year: "last year" for rank and % changes. */
/**
 * The published periods of the latest year before `year`, the most recently published first.
 * A year may have several (a district's own index beside the province's, a period run again):
 * last year's result of a unit is taken from the first of them that ranked it.
 */
export async function previousPublishedPeriods(db: Db, year: number) {
  const [latest] = await db
    .select({ year: periods.year })
    .from(periods)
    .where(and(eq(periods.status, 'published'), lt(periods.year, year)))
    .orderBy(desc(periods.year))
    .limit(1);
  if (!latest) return [];
  return db
    .select()
    .from(periods)
    .where(and(eq(periods.status, 'published'), eq(periods.year, latest.year)))
    .orderBy(desc(periods.publishedAt));
}
