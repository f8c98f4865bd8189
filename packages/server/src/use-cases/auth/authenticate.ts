import type { CurrentActor, Deps } from '../../context.js';
import { findLiveSession } from '../../repositories/sessions.js';
import { actorOf } from '../../repositories/users.js';
import { tokenHash } from '../../security/tokens.js';

export interface Authenticated {
  actor: CurrentActor;
  csrfToken: string;
  expiresAt: Date;
}

/** The actor behind a session cookie, if the session is live and the account active. */
export async function authenticate(
  deps: Deps,
  token: string,
  now: Date,
): Promise<Authenticated | undefined> {
  const found = await findLiveSession(deps.db, tokenHash(token), now);
  if (!found) return undefined;
  return {
    actor: actorOf(found.user),
    csrfToken: found.session.csrfToken,
    expiresAt: found.session.expiresAt,
  };
}
