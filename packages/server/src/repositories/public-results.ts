import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periods, publications } from '../db/schema.js';

/** A published period with its publication in force: all the portal's embargo check reads. */
export interface PublishedVersionRow {
  id: string;
  name: string;
  year: number;
  status: string;
  publicFrom: Date | null;
  version: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  reason: string | null;
  publishedAt: Date;
}

/**
 * Every published period and the version in force, oldest year first, in one small query:
 * a province has a handful of periods, so the portal asks it on every request and the embargo
 * and the version (which keys the cached answers) are exact, whichever process changed them.
 */
export async function listPublishedVersions(db: Db): Promise<PublishedVersionRow[]> {
  return db
    .select({
      id: periods.id,
      name: periods.name,
      year: periods.year,
      status: periods.status,
      publicFrom: periods.publicFrom,
      version: publications.version,
      decisionNumber: publications.decisionNumber,
      decisionDate: publications.decisionDate,
      reason: publications.reason,
      publishedAt: publications.publishedAt,
    })
    .from(periods)
    .innerJoin(
      publications,
      and(eq(publications.periodId, periods.id), isNull(publications.supersededAt)),
    )
    .where(eq(periods.status, 'published'))
    .orderBy(asc(periods.year), asc(periods.name));
}
