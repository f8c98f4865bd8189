import type { OidcRefusal } from '@chiso/contract';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  ProviderError,
  ProviderRefusal,
  redeemCallback,
  type ProviderIdentity,
} from '../../oidc/oidc-client.js';
import type { OidcConfig } from '../../oidc/oidc-config.js';
import {
  FLOW_LIFETIME_MS,
  flowChecks,
  flowRecordKey,
  sameState,
  type Flow,
} from '../../oidc/oidc-flow.js';
import { spendOnceKey } from '../../repositories/rate-counters.js';
import { insertSession } from '../../repositories/sessions.js';
import {
  findLinkedUser,
  findUsersByEmail,
  insertIdentity,
  linkedSubject,
  touchIdentity,
} from '../../repositories/user-identities.js';
import { actorOf, findUserByUsername, type UserRow } from '../../repositories/users.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import { requireOidc } from './start-oidc-sign-in.js';

export interface OidcRefused {
  kind: 'refused';
  reason: OidcRefusal;
  /** The name the provider gave (username or e-mail), for the sign-in page's sentence. */
  account?: string | undefined;
  /** For the server's log: what the library said. */
  detail?: string;
}

export type OidcFinish =
  | { kind: 'signedIn'; token: string; csrfToken: string; expiresAt: Date; returnTo: string }
  | OidcRefused;

type Found = { kind: 'found'; user: UserRow; linked: boolean } | OidcRefused;

const refused = (reason: OidcRefusal, account?: string): OidcRefused => ({
  kind: 'refused',
  reason,
  account,
});

/**
 * The provider's callback: the flow this browser began (its cookie), spent once; the code
 * redeemed and the ID token checked by the library; the account found by its link, or by the
 * configured claim and then linked; a session opened as a password sign-in opens one. Accounts
 * are never created here: the administrator gives each its role and unit (decision 0037).
 */
export async function finishOidcSignIn(
  ctx: UseCaseContext,
  input: { flow: Flow | undefined; query: string; userAgent: string | undefined },
): Promise<OidcFinish> {
  const oidc = requireOidc(ctx);
  const { db, config } = ctx.deps;
  const { flow } = input;
  if (!flow) return audited(ctx, refused('expired'));
  const checks = flowChecks(flow.key);
  if (!sameState(checks.state, new URLSearchParams(input.query).get('state') ?? undefined)) {
    return audited(ctx, refused('state-mismatch'));
  }
  // Spent before anything else: a replayed callback, or one past 10 minutes, goes no further.
  const notBefore = new Date(ctx.now.getTime() - FLOW_LIFETIME_MS);
  if (!(await spendOnceKey(db, flowRecordKey(flow.key), notBefore))) {
    return audited(ctx, refused('expired'));
  }
  let identity: ProviderIdentity;
  try {
    identity = await redeemCallback(oidc, input.query, checks);
  } catch (error) {
    if (error instanceof ProviderRefusal) return audited(ctx, refused('provider-refused'));
    if (error instanceof ProviderError) {
      return audited(ctx, { ...refused('provider-failed'), detail: error.message });
    }
    throw error;
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now.getTime() + config.sessionHours * 3_600_000);
  const outcome = await db.transaction(async (tx): Promise<OidcRefused | undefined> => {
    const found = await findAccount(tx, oidc, identity);
    if (found.kind === 'refused') return found;
    const { user } = found;
    const asUser = { ...ctx, actor: actorOf(user) };
    if (found.linked) {
      await touchIdentity(tx, identity.issuer, identity.subject, ctx.now);
    } else {
      const link = { userId: user.id, issuer: identity.issuer, subject: identity.subject };
      if (!(await insertIdentity(tx, { ...link, now: ctx.now }))) {
        // Linked by a sign-in running beside this one: let the next one find the link.
        return refused('provider-failed', identity.account);
      }
      await recordAudit(tx, asUser, {
        action: 'auth.oidc.linked',
        entityType: 'user',
        entityId: user.id,
        after: { issuer: identity.issuer, subject: identity.subject, claim: oidc.claim },
      });
    }
    // No chiso TOTP here: the provider authenticates, with its own second factor (0037).
    await insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      createdAt: ctx.now,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent ?? null,
      method: 'oidc',
    });
    await recordAudit(tx, asUser, {
      action: 'auth.signIn',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'oidc', issuer: identity.issuer },
    });
    return undefined;
  });
  if (outcome) return audited(ctx, outcome, identity);
  return { kind: 'signedIn', token, csrfToken, expiresAt, returnTo: flow.returnTo };
}

/** The account an identity signs in as: by its link, else by the configured claim. */
async function findAccount(tx: Db, oidc: OidcConfig, identity: ProviderIdentity): Promise<Found> {
  const linked = await findLinkedUser(tx, identity.issuer, identity.subject);
  if (linked) {
    return linked.active
      ? { kind: 'found', user: linked, linked: true }
      : refused('inactive-account', linked.username);
  }
  const { account } = identity;
  // An unverified address at the provider could be anyone's: it names no account.
  if (!account || (oidc.claim === 'email' && !identity.emailVerified)) {
    return refused('claim-missing', account);
  }
  let user: UserRow | undefined;
  if (oidc.claim === 'email') {
    const candidates = (await findUsersByEmail(tx, account)).filter((u) => u.active);
    if (candidates.length > 1) return refused('ambiguous-account', account);
    user = candidates[0];
  } else {
    user = await findUserByUsername(tx, account);
  }
  if (!user) return refused('unknown-account', account);
  if (!user.active) return refused('inactive-account', account);
  // One identity per account at a provider: another subject with the same name is not taken over.
  if ((await linkedSubject(tx, user.id, identity.issuer)) !== undefined) {
    return refused('linked-elsewhere', account);
  }
  return { kind: 'found', user, linked: false };
}

/** A refusal, audited as a failed sign-in (who the provider said it was, and why). */
async function audited(
  ctx: UseCaseContext,
  refusal: OidcRefused,
  identity?: ProviderIdentity,
): Promise<OidcRefused> {
  await ctx.deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'auth.signIn.failed',
      entityType: 'user',
      entityId: refusal.account ?? identity?.subject ?? 'oidc',
      after: {
        method: 'oidc',
        reason: refusal.reason,
        ...(identity ? { issuer: identity.issuer, subject: identity.subject } : {}),
      },
    }),
  );
  return refusal;
}
