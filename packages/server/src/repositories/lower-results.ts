import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { periods, publications, publishedResults } from '../db/schema.js';

/** One publication of a period that holds results of a unit type, with its period's name. */
export interface TypePublication {
  periodId: string;
  periodName: string;
  version: number;
  publishedAt: Date;
  supersededAt: Date | null;
  results: unknown;
}

/**
 * Every publication (all versions, newest first) holding results of `unitType`, of one exact
 * period or of the periods of a year: the lower units' results a higher leaf takes.
 */
export async function listTypePublications(
  db: Db,
  unitType: string,
  where: { periodId: string } | { year: number },
): Promise<TypePublication[]> {
  const chosen =
    'periodId' in where ? eq(periods.id, where.periodId) : eq(periods.year, where.year);
  return db
    .select({
      periodId: publications.periodId,
      periodName: periods.name,
      version: publications.version,
      publishedAt: publications.publishedAt,
      supersededAt: publications.supersededAt,
      results: publishedResults.results,
    })
    .from(publications)
    .innerJoin(periods, eq(periods.id, publications.periodId))
    .innerJoin(
      publishedResults,
      and(
        eq(publishedResults.periodId, publications.periodId),
        eq(publishedResults.version, publications.version),
        eq(publishedResults.unitType, unitType),
      ),
    )
    .where(and(chosen, isNotNull(publications.publishedAt)))
    .orderBy(desc(publications.publishedAt), desc(publications.version));
}

/**
 * The mirror of `listTypePublications` for a cached answer (decision 0051): every publication,
 * result and period (a few rows per period), as any unit type or year may be a source.
 */
export const PUBLICATIONS_READS = [
  xminFingerprint('publications', 'publications', 'true'),
  xminFingerprint('published results', 'published_results', 'true'),
  xminFingerprint('periods', 'periods', 'true'),
];
