import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { bumpCounter, releaseCounter, type Counter } from '../../repositories/rate-counters.js';

const MINUTE = 60_000;
const WINDOW_MS = 15 * MINUTE;
/** Wrong codes or current passwords checked per account (and per waiting session) in 15 minutes. */
export const CODE_ATTEMPTS = 5;

function tooMany(ctx: UseCaseContext, counter: Counter, what: string): DomainError {
  const minutes = Math.max(
    1,
    Math.ceil((counter.windowStart.getTime() + WINDOW_MS - ctx.now.getTime()) / MINUTE),
  );
  return new DomainError(
    ERROR_CODES.RATE_LIMITED,
    `Nhập sai ${what} quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
}

/**
 * Counts an attempt at a secret (a two-factor code, one's current password) BEFORE it is
 * checked, each counter in one atomic upsert as sign-in does (decision 0031): however many
 * arrive at once, no more than the limit are checked. Returns the keys to give back on success.
 */
export async function claimCodeAttempt(
  ctx: UseCaseContext,
  keys: string[],
  what: string,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const key of keys) {
    const counter = await bumpCounter(ctx.deps.db, key, ctx.now, WINDOW_MS);
    claimed.push(key);
    if (counter.count > CODE_ATTEMPTS) {
      for (const earlier of claimed.slice(0, -1)) await releaseCounter(ctx.deps.db, earlier);
      throw tooMany(ctx, counter, what);
    }
  }
  return claimed;
}

/** A right answer gives its places back: the counters hold the wrong ones only. */
export async function releaseCodeAttempt(tx: Db, keys: string[]): Promise<void> {
  for (const key of keys) await releaseCounter(tx, key);
}
