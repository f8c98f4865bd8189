import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findUserById } from '../../repositories/users.js';
import { channelsOf } from '../../reminders/preferences.js';
import { requireActor } from '../authorize.js';

/** The signed-in person's channels per kind, and whether e-mail can be chosen at all. */
export async function getPreferences(ctx: UseCaseContext) {
  const actor = requireActor(ctx);
  const emailAvailable = ctx.deps.mailer !== undefined;
  const channels = await channelsOf(ctx.deps.db, actor.userId, emailAvailable);
  const user = await findUserById(ctx.deps.db, actor.userId);
  return {
    emailAvailable,
    email: user?.email ?? null,
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABELS[kind],
      ...channels[kind],
    })),
  };
}
