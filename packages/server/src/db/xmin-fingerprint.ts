/**
 * What a cached answer checks a source by (decision 0051): over the rows a loader reads (the
 * same WHERE), how many there are and the sum and the largest of their xmins, as the
 * framework's version is read (0047). Every insert, update or delete of one of those rows by
 * any writer changes one of the three. SQL text with the statement's own parameters, written
 * next to the loader it mirrors, so that nobody changes one without seeing the other:
 * $1 period, $2 unit, $3 the request's instant, $4 whether the framework takes lower units'
 * results, $5 the framework.
 */
export interface SourceFingerprint {
  /** Which loader it mirrors (named in a test's failure, never sent). */
  source: string;
  sql: string;
}

export function xminFingerprint(
  source: string,
  from: string,
  where: string,
  /** Further counts the answer depends on (rows past an instant), added to the three. */
  extra = '',
): SourceFingerprint {
  return {
    source,
    sql: `(SELECT count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0) || ':' || coalesce(max(t.xmin::text::bigint), 0)${extra} FROM ${from} AS t WHERE ${where})`,
  };
}
