import type { ResultsJson } from '@chiso/core';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { periods, publications, publishedResults } from '../db/schema.js';

export type PublishedUnitJson = ResultsJson['units'][number];

/** A published framework as stored with its results (the API's framework view). */
export interface PublishedFrameworkJson {
  id?: string;
  year?: number;
  nodes: { code: string; isLeaf: boolean }[];
}

export interface LastPublication {
  periodId: string;
  year: number;
  framework: PublishedFrameworkJson;
  /** The units asked for that have a published result, as published. */
  units: PublishedUnitJson[];
}

/**
 * The results last published before a year for one unit type (the publication in force, after
 * any erratum), for the given units only (the database picks them out of the stored JSON). The single place that reads published results
 * for "last year's points": pointing it at another storage of publications changes nothing
 * else.
 */
export async function lastPublishedUnits(
  db: Db,
  query: { beforeYear: number; unitType: string; unitIds: readonly string[] },
): Promise<LastPublication | undefined> {
  const ids = sql.param([...query.unitIds]);
  // A JSON path filter reads the stored value once; expanding the array into rows costs two
  // orders of magnitude more on a thousand-unit publication (seconds against milliseconds).
  const units = sql<PublishedUnitJson[]>`jsonb_path_query_array(
    ${publishedResults.results}, '$.units[*] ? (@.id == $ids[*])',
    jsonb_build_object('ids', to_jsonb(${ids}::text[])))`;
  const [row] = await db
    .select({
      periodId: publishedResults.periodId,
      year: periods.year,
      framework: publishedResults.framework,
      units,
    })
    .from(publishedResults)
    .innerJoin(periods, eq(periods.id, publishedResults.periodId))
    // The version in force: an erratum replaces what "last year" means.
    .innerJoin(
      publications,
      and(
        eq(publications.periodId, publishedResults.periodId),
        eq(publications.version, publishedResults.version),
      ),
    )
    .where(
      and(
        isNull(publications.supersededAt),
        eq(periods.status, 'published'),
        lt(periods.year, query.beforeYear),
        eq(publishedResults.unitType, query.unitType),
        // Last year may have several published periods: the one that ranked these units.
        sql`jsonb_path_exists(${publishedResults.results}, '$.units[*] ? (@.id == $ids[*])',
          jsonb_build_object('ids', to_jsonb(${ids}::text[])))`,
      ),
    )
    .orderBy(desc(periods.year), desc(publishedResults.publishedAt))
    .limit(1);
  if (!row) return undefined;
  return { ...row, framework: row.framework as PublishedFrameworkJson };
}

/**
 * The mirror of `lastPublishedUnits` for a cached answer (decision 0051): the publications,
 * results and periods it joins, all of them (the same three as the lower units' feed reads).
 */
export const LAST_PUBLICATION_READS = [
  xminFingerprint('publications', 'publications', 'true'),
  xminFingerprint('published results', 'published_results', 'true'),
  xminFingerprint('periods', 'periods', 'true'),
];
