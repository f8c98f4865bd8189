import { DomainError, ERROR_CODES, FORM_TOKEN_SPENT } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { issueOnceKey, spendOnceKey } from '../../repositories/rate-counters.js';
import { newToken, tokenHash } from '../../security/tokens.js';

/** A form token lasts as long as counters are kept (a day); opening the link again gives a new one. */
const LIFETIME_MS = 24 * 60 * 60_000;

type Link = { surveyId: string; unitId: string };

/** Only the token's SHA-256 is kept, under the link's survey and unit; no address, no answers. */
const keyOf = (link: Link, formToken: string) =>
  `survey-form:${link.surveyId}:${link.unitId}:${tokenHash(formToken)}`;

/** A random single-use token handed out with the open link's form (decision 0031). */
export async function issueFormToken(ctx: UseCaseContext, link: Link): Promise<string> {
  const formToken = newToken();
  await issueOnceKey(ctx.deps.db, keyOf(link, formToken), ctx.now);
  return formToken;
}

/**
 * Spends the form's token inside the response's transaction: a response refused later in it
 * (a device that answered, a missing answer) gives the token back with the rollback.
 */
export async function spendFormToken(
  tx: Db,
  ctx: UseCaseContext,
  link: Link,
  formToken: string,
): Promise<void> {
  const notBefore = new Date(ctx.now.getTime() - LIFETIME_MS);
  if (!(await spendOnceKey(tx, keyOf(link, formToken), notBefore))) {
    throw new DomainError(ERROR_CODES.CONFLICT, FORM_TOKEN_SPENT);
  }
}
