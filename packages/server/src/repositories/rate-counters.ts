import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rateCounters } from '../db/schema.js';

export interface Counter {
  windowStart: Date;
  count: number;
}

/** The counter under a key if its window (starting at most `windowMs` ago) is still running. */
export async function readCounter(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<Counter | undefined> {
  const [row] = await db.select().from(rateCounters).where(eq(rateCounters.key, key));
  if (!row || now.getTime() - row.windowStart.getTime() >= windowMs) return undefined;
  return { windowStart: row.windowStart, count: row.count };
}

/**
 * Adds one to the counter in a single statement (two API nodes cannot both read the old count);
 * a window that has run out starts again at 1. Returns the counter after the addition.
 */
export async function bumpCounter(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<Counter> {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const expired = sql`${rateCounters.windowStart} <= ${cutoff}::timestamptz`;
  const [row] = await db
    .insert(rateCounters)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        windowStart: sql`case when ${expired} then excluded.window_start else ${rateCounters.windowStart} end`,
        count: sql`case when ${expired} then 1 else ${rateCounters.count} + 1 end`,
      },
    })
    .returning({ windowStart: rateCounters.windowStart, count: rateCounters.count });
  if (!row) throw new Error('counter upsert returned nothing');
  return row;
}

/** Forgets counters whose window ended long ago (they hold addresses: keep them no longer). */
export async function deleteStaleCounters(db: Db, before: Date): Promise<void> {
  await db.delete(rateCounters).where(lt(rateCounters.windowStart, before));
}

/** Takes one back from the counter (an attempt that turned out not to count), in one statement. */
export async function releaseCounter(db: Db, key: string): Promise<void> {
  await db
    .update(rateCounters)
    .set({ count: sql`greatest(${rateCounters.count} - 1, 0)` })
    .where(eq(rateCounters.key, key));
}

/** Keeps a single-use key, unspent (count 0), from now. */
export async function issueOnceKey(db: Db, key: string, now: Date): Promise<void> {
  await db.insert(rateCounters).values({ key, windowStart: now, count: 0 });
}

/**
 * Spends a single-use key issued after `notBefore`, in one statement: of two requests spending
 * it at once, one gets true. False if it was never issued, is too old or was spent.
 */
export async function spendOnceKey(db: Db, key: string, notBefore: Date): Promise<boolean> {
  const rows = await db
    .update(rateCounters)
    .set({ count: 1 })
    .where(
      sql`${rateCounters.key} = ${key} and ${rateCounters.count} = 0 and ${rateCounters.windowStart} > ${notBefore.toISOString()}::timestamptz`,
    )
    .returning({ key: rateCounters.key });
  return rows.length === 1;
}

/** Every counter whose key begins with `prefix` (a link's bursts, one row per unit). */
export async function countersByPrefix(db: Db, prefix: string): Promise<Map<string, Counter>> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select()
    .from(rateCounters)
    .where(sql`${rateCounters.key} like ${`${escaped}%`}`);
  return new Map(
    rows.map((r) => [r.key.slice(prefix.length), { windowStart: r.windowStart, count: r.count }]),
  );
}
