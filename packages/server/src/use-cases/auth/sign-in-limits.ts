import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  bumpCounter,
  deleteStaleCounters,
  releaseCounter,
  type Counter,
} from '../../repositories/rate-counters.js';

const MINUTE = 60_000;
const WINDOW_MS = 15 * MINUTE;
/** Wrong passwords checked per account in 15 minutes, from anywhere (decision 0031). */
export const PER_ACCOUNT = 5;
/** Wrong passwords or unknown usernames checked per client address in 15 minutes. */
export const PER_ADDRESS = 50;
/** Counters hold addresses and usernames: they are forgotten a day after their window began. */
const KEEP_MS = 24 * 60 * MINUTE;

/** The counters one sign-in attempt holds a place in. */
export interface SignInClaim {
  accountKey: string;
  addressKey: string;
}

function tooMany(ctx: UseCaseContext, counter: Counter, fromAddress: boolean): DomainError {
  const minutes = Math.max(
    1,
    Math.ceil((counter.windowStart.getTime() + WINDOW_MS - ctx.now.getTime()) / MINUTE),
  );
  return new DomainError(
    ERROR_CODES.RATE_LIMITED,
    fromAddress
      ? `Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau ${minutes} phút.`
      : `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
}

/**
 * Counts the attempt BEFORE its password is checked, each counter in one atomic upsert, so that
 * however many arrive at once no more than the limit are checked. The address counts first; an
 * attempt the account refuses gives its place at the address back (it checked nothing), so one
 * person hammering their own account does not lock their office out.
 */
export async function claimSignInAttempt(
  ctx: UseCaseContext,
  username: string,
): Promise<SignInClaim> {
  const { db } = ctx.deps;
  const claim = { accountKey: `sign-in:account:${username}`, addressKey: `sign-in:ip:${ctx.ip}` };
  const atAddress = await bumpCounter(db, claim.addressKey, ctx.now, WINDOW_MS);
  if (atAddress.count > PER_ADDRESS) throw tooMany(ctx, atAddress, true);
  const atAccount = await bumpCounter(db, claim.accountKey, ctx.now, WINDOW_MS);
  if (atAccount.count > PER_ACCOUNT) {
    await releaseCounter(db, claim.addressKey);
    throw tooMany(ctx, atAccount, false);
  }
  return claim;
}

/**
 * A right password gives both places back: the counters then hold the wrong passwords (and the
 * attempts still being checked), so signing in often never locks anyone out, and a success
 * cannot wipe out guesses running beside it.
 */
export async function releaseSignInAttempt(tx: Db, claim: SignInClaim): Promise<void> {
  await releaseCounter(tx, claim.accountKey);
  await releaseCounter(tx, claim.addressKey);
}

/** A wrong password keeps its places; old counters are forgotten meanwhile. */
export async function forgetOldSignInCounters(tx: Db, ctx: UseCaseContext): Promise<void> {
  await deleteStaleCounters(tx, new Date(ctx.now.getTime() - KEEP_MS));
}
