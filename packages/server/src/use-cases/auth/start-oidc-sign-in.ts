import { DomainError, ERROR_CODES } from '@chiso/core';
import type { OidcRefusal } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import { authorizationUrl, ProviderError } from '../../oidc/oidc-client.js';
import type { OidcConfig } from '../../oidc/oidc-config.js';
import {
  FLOW_LIFETIME_MS,
  flowChecks,
  flowRecordKey,
  newFlowKey,
  safeReturnPath,
  type Flow,
} from '../../oidc/oidc-flow.js';
import { bumpCounter, issueOnceKey } from '../../repositories/rate-counters.js';
import { deleteStaleFlows } from '../../repositories/user-identities.js';

/**
 * Sign-ins begun per client address in 10 minutes (decision 0037): each keeps a row for 10
 * minutes, so this bounds what one address can make the server hold, while an office of a few
 * hundred people behind one address signing in at 7:30 stays well below it.
 */
export const STARTS_PER_ADDRESS = 300;

export type OidcStart =
  { kind: 'redirect'; to: URL; flow: Flow } | { kind: 'refused'; reason: OidcRefusal };

/** The provider's settings, or 404 as for a route that does not exist when the way is off. */
export function requireOidc(ctx: UseCaseContext): OidcConfig {
  const { oidc } = ctx.deps.config;
  if (!oidc) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      'Đăng nhập qua hệ thống định danh (OpenID Connect) chưa được bật trên máy chủ này',
    );
  }
  return oidc;
}

/** Begins a sign-in through the provider: a new flow and the provider's address to go to. */
export async function startOidcSignIn(
  ctx: UseCaseContext,
  input: { returnTo: string | undefined },
): Promise<OidcStart> {
  const oidc = requireOidc(ctx);
  const { db } = ctx.deps;
  const starts = await bumpCounter(db, `oidc-start:ip:${ctx.ip}`, ctx.now, FLOW_LIFETIME_MS);
  if (starts.count > STARTS_PER_ADDRESS) return { kind: 'refused', reason: 'rate-limited' };
  const key = newFlowKey();
  let to: URL;
  try {
    to = await authorizationUrl(oidc, flowChecks(key));
  } catch (error) {
    if (error instanceof ProviderError) return { kind: 'refused', reason: 'provider-failed' };
    throw error;
  }
  await db.transaction(async (tx) => {
    await deleteStaleFlows(tx, new Date(ctx.now.getTime() - FLOW_LIFETIME_MS));
    await issueOnceKey(tx, flowRecordKey(key), ctx.now);
  });
  return { kind: 'redirect', to, flow: { key, returnTo: safeReturnPath(input.returnTo) } };
}
