import { buildFramework, policySchema } from '@chiso/core';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { frameworkNodes, frameworks } from '../db/schema.js';
import { BoundedCache } from '../http/bounded-cache.js';
import { frameworkInputOf, type StoredFramework } from './frameworks.js';

/**
 * A framework's version as PostgreSQL keeps it, with no column of ours: the row's xmin (the
 * transaction that wrote this version of it: a policy, a name, a review) and, over its nodes,
 * how many there are and the sum and the largest of their xmins. Every insert, update or
 * delete of a node by any writer (use-case, command line, plain SQL) changes one of the three:
 * a new transaction's id is larger than any already in a row, so an update raises the sum and a
 * delete lowers the count. Read in the same query as what names the framework, it is the
 * version that request sees, on every server alike.
 */
export function frameworkVersionSql(frameworkId: SQL | AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(
    SELECT f.xmin::text || ':' || count(n.code) || ':'
           || coalesce(sum(n.xmin::text::bigint), 0) || ':' || coalesce(max(n.xmin::text::bigint), 0)
      FROM ${frameworks} AS f LEFT JOIN ${frameworkNodes} AS n ON n.framework_id = f.id
     WHERE f.id = ${frameworkId}
     GROUP BY f.xmin)`;
}

/** The same version from rows read with their xmins (what a load stores its framework under). */
function versionOf(rowXmin: string, nodeXmins: readonly string[]): string {
  let sum = 0n;
  let max = 0n;
  for (const text of nodeXmins) {
    const xmin = BigInt(text);
    sum += xmin;
    if (xmin > max) max = xmin;
  }
  return `${rowXmin}:${nodeXmins.length}:${sum}:${max}`;
}

/**
 * Built frameworks by id and version, shared by every request of this process. A version's
 * rows never change (a write makes a new version), so an entry is never stale, only unused:
 * the least recently used go first. 64 frameworks is a province's years of unit types.
 */
const built = new BoundedCache<StoredFramework>({ maxEntries: 64, maxSize: 64 });

/** Reads the framework's row and nodes with their xmins; undefined if there is no such row. */
async function loadVersioned(
  db: Db,
  id: string,
): Promise<{ version: string; stored: StoredFramework } | undefined> {
  const [row] = await db
    .select({ row: frameworks, xmin: sql<string>`${frameworks}.xmin::text` })
    .from(frameworks)
    .where(eq(frameworks.id, id));
  if (!row) return undefined;
  const nodes = await db
    .select({ node: frameworkNodes, xmin: sql<string>`${frameworkNodes}.xmin::text` })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, id))
    .orderBy(asc(frameworkNodes.position));
  const rows = nodes.map((n) => n.node);
  return {
    version: versionOf(
      row.xmin,
      nodes.map((n) => n.xmin),
    ),
    stored: {
      row: row.row,
      framework: buildFramework(frameworkInputOf(row.row, rows)),
      policy: policySchema.parse(row.row.policy),
    },
  };
}

/**
 * Read-only transactions that write nothing (the assessment page built in one snapshot,
 * decision 0051): no row of theirs carries their own xid, so what they read may fill the caches.
 */
const readOnly = new WeakSet<object>();

export function markReadOnly(db: Db): void {
  readOnly.add(db);
}

/**
 * Whether the handle is a transaction that may have written (a boolean, so that `db` keeps its
 * type); a read-only one (markReadOnly) counts as none.
 */
export function inTransaction(db: Db): boolean {
  return db instanceof PgTransaction && !readOnly.has(db);
}

/** Loads in progress by the version asked for: a crowd arriving together builds once. */
const loading = new Map<string, Promise<StoredFramework | undefined>>();

/**
 * The framework at `version` (read by the caller with frameworkVersionSql): built once per
 * version. Only reads outside a transaction fill the cache, since only they see nothing but
 * committed versions; a transaction takes what is there, and a version it wrote itself (its
 * own xid in the key) is never there, so it builds that one for itself.
 */
export async function frameworkAt(
  db: Db,
  id: string,
  version: string,
): Promise<StoredFramework | undefined> {
  const key = `${id}@${version}`;
  const hit = built.get(key);
  if (hit) return hit;
  if (inTransaction(db)) return (await loadVersioned(db, id))?.stored;
  const pending = loading.get(key);
  if (pending) return pending;
  const load = loadVersioned(db, id)
    .then((loaded) => {
      // A write may have landed since the caller's read: the rows are kept under the version
      // they are, never under the one asked for, and this request takes them.
      if (loaded) built.set(`${id}@${loaded.version}`, loaded.stored);
      return loaded?.stored;
    })
    .finally(() => loading.delete(key));
  loading.set(key, load);
  return load;
}

/** For the tests: how many built frameworks the process holds. */
export function builtFrameworks(): number {
  return built.size.entries;
}
