import {
  API_TOKEN_SCOPE_LABELS,
  apiTokenPrefix,
  apiTokenWorks,
  DomainError,
  ERROR_CODES,
  scopesOf,
  type ApiTokenScope,
} from '@chiso/core';
import type { Deps } from '../../context.js';
import { findApiTokenByHash } from '../../repositories/api-tokens.js';
import { bumpCounter } from '../../repositories/rate-counters.js';
import { periodChain } from '../../repositories/unit-chains.js';
import { tokenHash } from '../../security/tokens.js';

/** A source system, as the push use-cases see it: its token, never its secret. */
export interface ApiTokenActor {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  ownerUnitId: string | null;
}

/** One sentence for a missing, malformed, unknown, revoked or expired token: no hint which. */
const REFUSED = 'Mã API không hợp lệ hoặc đã bị thu hồi';

/** Requests one token may make per minute before it is slowed down. */
export const TOKEN_RATE = { limit: 120, windowMs: 60_000 };

/**
 * The token of an `Authorization: Bearer chiso_…` header, if it works now (not revoked, not
 * past its expiry or its rotation grace); 401 otherwise. It is found by the SHA-256 of the
 * secret (a unique index), so no secret is ever compared character by character. Each
 * authenticated request counts against the token's rate limit (429 past it).
 */
export async function authenticateApiToken(
  deps: Deps,
  authorization: string | undefined,
  now: Date,
): Promise<ApiTokenActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const secret = match?.[1] ?? '';
  const prefix = apiTokenPrefix(secret);
  const refused = () => new DomainError(ERROR_CODES.UNAUTHENTICATED, REFUSED);
  if (prefix === undefined) throw refused();
  const row = await findApiTokenByHash(deps.db, tokenHash(secret));
  const state = row && {
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
    replaced: false,
  };
  if (!row || !state || row.prefix !== prefix || !apiTokenWorks(state, now.getTime())) {
    throw refused();
  }
  const counter = await bumpCounter(deps.db, `api-token:${row.id}`, now, TOKEN_RATE.windowMs);
  if (counter.count > TOKEN_RATE.limit) {
    throw new DomainError(
      ERROR_CODES.RATE_LIMITED,
      `Mã API ${row.prefix} đã gửi quá ${TOKEN_RATE.limit} yêu cầu trong một phút. Vui lòng thử lại sau 1 phút.`,
    );
  }
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: scopesOf(row.scopes),
    ownerUnitId: row.ownerUnitId,
  };
}

/**
 * Refuses (403) a token without the scope, or one whose owner's subtree does not hold the
 * period (a district's token and the province's period, or a sibling district's).
 */
export async function authorizeToken(
  deps: Deps,
  token: ApiTokenActor,
  scope: ApiTokenScope,
  periodId: string,
): Promise<void> {
  if (!token.scopes.includes(scope)) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      `Mã API ${token.prefix} không có quyền "${API_TOKEN_SCOPE_LABELS[scope]}"`,
    );
  }
  if (token.ownerUnitId === null) return;
  const chain = await periodChain(deps.db, periodId);
  if (!chain.includes(token.ownerUnitId)) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      `Mã API ${token.prefix} không được dùng cho kỳ đánh giá này: kỳ không thuộc phạm vi của đơn vị cấp mã`,
    );
  }
}

/** How an audit row names a token that acted. */
export function tokenActorName(token: ApiTokenActor): string {
  return `Mã API "${token.name}" (${token.prefix})`;
}
