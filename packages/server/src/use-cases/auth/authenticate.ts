import type { CurrentActor, Deps } from '../../context.js';
import { findLiveSession } from '../../repositories/sessions.js';
import { isRole } from '../../repositories/users.js';
import { tokenHash } from '../../security/tokens.js';

export interface Authenticated {
  actor: CurrentActor;
  csrfToken: string;
  expiresAt: Date;
  /** The session's key (SHA-256 of its token): a second factor or a password change names it. */
  tokenHash: string;
  /** The password was right, the second factor is still owed: the session opens nothing else. */
  pendingSecondFactor: boolean;
  /** An administrator set the password: its owner must change it before anything else. */
  mustChangePassword: boolean;
  /** The database's snapshot when the session was read (decision 0061). */
  snapshot: string;
}

/**
 * The actor behind a session cookie, if the session is live and the account active. A session
 * still owing its second factor is answered only where `allowPending` says so (the second
 * factor's own route, sign-out, the session's state); everywhere else it is no session at all.
 */
export async function authenticate(
  deps: Deps,
  token: string,
  now: Date,
  allowPending = false,
): Promise<Authenticated | undefined> {
  const hash = tokenHash(token);
  const found = await findLiveSession(deps.db, hash, now, deps.config.preparedStatements);
  if (!found) return undefined;
  if (found.pendingSecondFactor && !allowPending) return undefined;
  return {
    actor: {
      userId: found.userId,
      username: found.username,
      fullName: found.fullName,
      // As presentUser reads it: a role the program does not know opens no more than a viewer's.
      role: isRole(found.role) ? found.role : 'viewer',
      unitId: found.unitId ?? undefined,
      officeId: found.officeId ?? undefined,
    },
    csrfToken: found.csrfToken,
    expiresAt: found.expiresAt,
    tokenHash: hash,
    pendingSecondFactor: found.pendingSecondFactor,
    mustChangePassword: found.mustChangePassword,
    snapshot: found.snapshot,
  };
}
