import { DomainError, ERROR_CODES, vietnamDate } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  bumpCounter,
  deleteStaleCounters,
  readCounter,
  type Counter,
} from '../../repositories/rate-counters.js';

const MINUTE = 60_000;

/** Codes and links looked up in vain, per address: guessing codes is slowed to a crawl. */
const LOOKUPS = { limit: 30, windowMs: 15 * MINUTE };
/** Responses through one open link, per address. */
const LINK_RESPONSES = { limit: 20, windowMs: 60 * MINUTE };
/** More answers than this from one address through one link in 10 minutes is a suspicious burst. */
export const BURST = { answers: 5, windowMs: 10 * MINUTE };
/** Drafts started through one open link, per address. */
const LINK_DRAFTS = { limit: 60, windowMs: 60 * MINUTE };
/**
 * Forms fetched through one open link, per address: each fetch stores a form token, so an
 * address reloading in a loop would fill the table. Six times the answers allowed, for the
 * reloads and the people behind one office address.
 */
export const LINK_FORMS = { limit: 120, windowMs: 60 * MINUTE };
/** Counters hold addresses: they are forgotten a day after their window began. */
const KEEP_MS = 24 * 60 * MINUTE;

function rateLimited(ctx: UseCaseContext, counter: Counter, windowMs: number, what: string) {
  const minutes = Math.max(
    1,
    Math.ceil((counter.windowStart.getTime() + windowMs - ctx.now.getTime()) / MINUTE),
  );
  return new DomainError(ERROR_CODES.RATE_LIMITED, `${what} Vui lòng thử lại sau ${minutes} phút.`);
}

const lookupKey = (ctx: UseCaseContext) => `survey-lookup:${ctx.ip}`;

/** Where a link's suspicious bursts are counted: per survey, then the unit (no address). */
export const burstsPrefix = (surveyId: string) => `survey-link-bursts:${surveyId}:`;

/** Refuses an address that looked up too many wrong codes or links lately. */
export async function guardLookups(ctx: UseCaseContext): Promise<void> {
  const counter = await readCounter(ctx.deps.db, lookupKey(ctx), ctx.now, LOOKUPS.windowMs);
  if (counter && counter.count >= LOOKUPS.limit) {
    throw rateLimited(
      ctx,
      counter,
      LOOKUPS.windowMs,
      'Đã nhập sai mã hoặc đường dẫn khảo sát quá nhiều lần.',
    );
  }
}

/** Counts one code or link that did not exist. */
export async function countFailedLookup(ctx: UseCaseContext): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await deleteStaleCounters(tx, new Date(ctx.now.getTime() - KEEP_MS));
    await bumpCounter(tx, lookupKey(ctx), ctx.now, LOOKUPS.windowMs);
  });
}

/** Inside the response's transaction: one more response from this address through the link. */
export async function countLinkResponse(
  tx: Db,
  ctx: UseCaseContext,
  link: { surveyId: string; unitId: string; dailyCap: number | null },
): Promise<void> {
  await deleteStaleCounters(tx, new Date(ctx.now.getTime() - KEEP_MS));
  const key = `survey-link:${link.surveyId}:${link.unitId}:${ctx.ip}`;
  const counter = await bumpCounter(tx, key, ctx.now, LINK_RESPONSES.windowMs);
  if (counter.count > LINK_RESPONSES.limit) {
    throw rateLimited(
      ctx,
      counter,
      LINK_RESPONSES.windowMs,
      'Đã có quá nhiều phiếu gửi từ địa chỉ mạng này cho đơn vị này.',
    );
  }
  await countBurst(tx, ctx, link);
  await countLinkDay(tx, ctx, link);
}

/**
 * The link's answers today (Vietnam time) against the cap its administrator set. Counted with
 * or without a cap: a cap set at noon counts the morning's answers too.
 */
async function countLinkDay(
  tx: Db,
  ctx: UseCaseContext,
  link: { surveyId: string; unitId: string; dailyCap: number | null },
): Promise<void> {
  const key = `survey-link-day:${link.surveyId}:${link.unitId}:${vietnamDate(ctx.now.getTime())}`;
  const counter = await bumpCounter(tx, key, ctx.now, KEEP_MS);
  if (link.dailyCap !== null && counter.count > link.dailyCap) {
    throw new DomainError(
      ERROR_CODES.RATE_LIMITED,
      `Đường dẫn khảo sát của đơn vị này đã nhận đủ ${link.dailyCap} phiếu hôm nay (giới hạn do quản trị đặt). Vui lòng quay lại vào ngày mai.`,
    );
  }
}

/**
 * Counts, for the administrator, each time an address passes BURST's answers in 10 minutes
 * through the link (once per burst). The count is the link's, kept a day like the counters.
 */
async function countBurst(
  tx: Db,
  ctx: UseCaseContext,
  link: { surveyId: string; unitId: string },
): Promise<void> {
  const key = `survey-link-burst:${link.surveyId}:${link.unitId}:${ctx.ip}`;
  const fromAddress = await bumpCounter(tx, key, ctx.now, BURST.windowMs);
  if (fromAddress.count === BURST.answers + 1)
    await bumpCounter(tx, `${burstsPrefix(link.surveyId)}${link.unitId}`, ctx.now, KEEP_MS);
}

/** One more draft started through the link from this address. */
export async function countLinkDraft(
  ctx: UseCaseContext,
  link: { surveyId: string; unitId: string },
): Promise<void> {
  const key = `survey-link-draft:${link.surveyId}:${link.unitId}:${ctx.ip}`;
  const counter = await bumpCounter(ctx.deps.db, key, ctx.now, LINK_DRAFTS.windowMs);
  if (counter.count > LINK_DRAFTS.limit) {
    throw rateLimited(
      ctx,
      counter,
      LINK_DRAFTS.windowMs,
      'Đã có quá nhiều phiếu lưu tạm từ địa chỉ mạng này.',
    );
  }
}

/** One more form fetched through the link from this address, before its token is issued. */
export async function countLinkForm(
  ctx: UseCaseContext,
  link: { surveyId: string; unitId: string },
): Promise<void> {
  const key = `survey-link-form:${link.surveyId}:${link.unitId}:${ctx.ip}`;
  const counter = await bumpCounter(ctx.deps.db, key, ctx.now, LINK_FORMS.windowMs);
  if (counter.count > LINK_FORMS.limit) {
    throw rateLimited(
      ctx,
      counter,
      LINK_FORMS.windowMs,
      'Đã mở phiếu khảo sát của đơn vị này quá nhiều lần từ địa chỉ mạng này.',
    );
  }
}
