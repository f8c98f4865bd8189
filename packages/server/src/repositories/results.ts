import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periods, publishedResults } from '../db/schema.js';

export type PublishedRow = typeof publishedResults.$inferSelect;

export async function listPublished(db: Db, periodId: string): Promise<PublishedRow[]> {
  return db.select().from(publishedResults).where(eq(publishedResults.periodId, periodId));
}

export async function insertPublished(
  db: Db,
  rows: (typeof publishedResults.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(publishedResults).values(rows);
}

/** The most recent published period before a year: "last year" for rank and % changes. */
export async function previousPublishedPeriod(db: Db, year: number) {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.status, 'published'), lt(periods.year, year)))
    .orderBy(desc(periods.year))
    .limit(1);
  return row;
}
