import {
  DomainError,
  ERROR_CODES,
  SECRETARIAT_ROLES,
  type AccessTarget,
  type Action,
} from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../context.js';
import type { Db } from '../db/database.js';
import {
  frameworkChain,
  periodChain,
  surveyChain,
  subtreeUnitIds,
  unitChain,
} from '../repositories/unit-chains.js';
import { authorize, requireActor } from './authorize.js';

/**
 * Where a thing sits, for a secretariat's reach (decision 0024): inside a period (its owner's
 * chain; a survey is its period's), a framework (its keeper's), a unit (the unit's own chain), the install (nothing
 * below the install's secretariat reaches it), or the actor's own secretariat (what it creates).
 */
export type Place =
  | { periodId: string }
  | { frameworkId: string }
  | { surveyId: string }
  | { unitId: string }
  | 'install'
  | 'ownSecretariat';

/** Whether the actor is a unit's secretariat (an account of a secretariat role naming a unit). */
export function isSubtreeSecretariat(actor: CurrentActor): actor is CurrentActor & {
  unitId: string;
} {
  return actor.unitId !== undefined && SECRETARIAT_ROLES.includes(actor.role);
}

/**
 * The chain of unit ids from the place's owning unit to the root (policy's `within`). Inside a
 * transaction pass it as `db`: on the embedded database a query beside it would wait forever.
 */
export async function withinOf(
  ctx: UseCaseContext,
  place: Place,
  db: Db = ctx.deps.db,
): Promise<string[]> {
  const actor = requireActor(ctx);
  // Only a unit's secretariat reads the chain; skip the query for everyone else.
  if (!isSubtreeSecretariat(actor) || place === 'install') return [];
  if (place === 'ownSecretariat') return [actor.unitId];
  if ('periodId' in place) return periodChain(db, place.periodId);
  if ('surveyId' in place) return surveyChain(db, place.surveyId);
  if ('frameworkId' in place) return frameworkChain(db, place.frameworkId);
  return unitChain(db, place.unitId);
}

/** `authorize` with the place's chain as the target's `within`. */
export async function authorizeIn(
  ctx: UseCaseContext,
  action: Action,
  place: Place,
  target: AccessTarget = {},
): Promise<CurrentActor> {
  requireActor(ctx);
  return authorize(ctx, action, { ...target, within: await withinOf(ctx, place) });
}

/**
 * The units a secretariat reaches: its unit's subtree for a unit's secretariat, undefined
 * (everything) for the install's and for other roles, whose lists are shaped elsewhere.
 */
export async function reachOf(ctx: UseCaseContext): Promise<ReadonlySet<string> | undefined> {
  const actor = requireActor(ctx);
  if (!isSubtreeSecretariat(actor)) return undefined;
  return new Set(await subtreeUnitIds(ctx.deps.db, actor.unitId));
}

/** Whether a row owned by `ownerUnitId` (null: the install's) is within the reach. */
export function inReach(
  reach: ReadonlySet<string> | undefined,
  ownerUnitId: string | null | undefined,
): boolean {
  return reach === undefined || (typeof ownerUnitId === 'string' && reach.has(ownerUnitId));
}

/**
 * Refuses a unit's secretariat a period run outside its subtree (decision 0024), for the reads
 * that are open to several roles and so cannot ask `authorize` one action.
 */
export async function requirePeriodInReach(
  ctx: UseCaseContext,
  period: { ownerUnitId: string | null },
): Promise<void> {
  if (!inReach(await reachOf(ctx), period.ownerUnitId)) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      'Kỳ đánh giá này không do cơ quan thường trực của bạn hoặc cấp dưới tổ chức',
    );
  }
}
