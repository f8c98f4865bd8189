import type { Db } from '../../db/database.js';
import {
  listPublishedVersions,
  type PublishedVersionRow,
} from '../../repositories/public-results.js';

/**
 * The portal's copy of which periods are published, with their opening time and version in
 * force (decision 0022). Reading it from the database on every request cost more than the
 * rest of the answer (4,5 ms a query on PGlite under load, against 0,3 ms to send the cached
 * bytes), so the rows are kept in memory and read again:
 * - at once after this process publishes, moves an opening or issues an erratum (the use-cases
 *   call `publicStateChanged` once their transaction has committed);
 * - at the latest RECHECK_MS after the last read, for writes made by another process (a second
 *   server on the same PostgreSQL, the command line).
 * The embargo itself is decided per request against the request's instant (isPublicNow), so a
 * period opens at its exact time whatever the age of the copy.
 */
const RECHECK_MS = 5_000;

let generation = 0;
const copies = new WeakMap<
  Db,
  { generation: number; readAt: number; rows: Promise<PublishedVersionRow[]> }
>();

/** Called after a committed write that changes what is published or when it opens. */
export function publicStateChanged(): void {
  generation += 1;
}

export function publishedVersions(db: Db): Promise<PublishedVersionRow[]> {
  const now = performance.now();
  const copy = copies.get(db);
  if (copy && copy.generation === generation && now - copy.readAt < RECHECK_MS) return copy.rows;
  // The generation as it was before reading: a write committed meanwhile reads again next time.
  const rows = listPublishedVersions(db);
  copies.set(db, { generation, readAt: now, rows });
  rows.catch(() => copies.delete(db));
  return rows;
}
