import type { UseCaseContext } from '../../context.js';
import { countUnusedRecoveryCodes } from '../../repositories/second-factor.js';
import { findUserById } from '../../repositories/users.js';
import { requireActor } from '../authorize.js';
import { isOffered } from './totp-account.js';

/** Where the signed-in person's two-factor sign-in stands. */
export async function getTotpStatus(ctx: UseCaseContext) {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.deps.db, actor.userId);
  const enabledAt = user?.totpEnabledAt ?? null;
  return {
    offered: isOffered(actor.role),
    enabled: enabledAt !== null,
    enabledAt,
    recoveryCodesLeft: enabledAt ? await countUnusedRecoveryCodes(ctx.deps.db, actor.userId) : 0,
  };
}
