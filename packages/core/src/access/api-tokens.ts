/**
 * API tokens of source systems (issue 12): what a token may do and whether it still works at
 * an instant. Pure: instants are epoch milliseconds passed in by the caller.
 */

/** The closed set of scopes a token can carry. */
export const API_TOKEN_SCOPES = ['statistics:write', 'statistics:read'] as const;

export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Readonly<Record<ApiTokenScope, string>> = {
  'statistics:write': 'Gửi số liệu thống kê TTHC',
  'statistics:read': 'Đọc số liệu thống kê TTHC đã gửi',
};

/** Days an old token keeps working after a rotation unless the call says otherwise. */
export const DEFAULT_ROTATION_GRACE_DAYS = 7;
export const MAX_ROTATION_GRACE_DAYS = 90;

/**
 * - active: works;
 * - rotating: replaced by a newer token, still works until its grace period ends;
 * - rotated: replaced, its grace period over;
 * - expired: past its expiry;
 * - revoked: revoked by hand (or rotated with no grace).
 */
export type ApiTokenStatus = 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';

export const API_TOKEN_STATUS_LABELS: Readonly<Record<ApiTokenStatus, string>> = {
  active: 'Đang dùng',
  rotating: 'Đã thay, còn dùng được trong thời gian chuyển tiếp',
  rotated: 'Đã thay',
  expired: 'Hết hạn',
  revoked: 'Đã thu hồi',
};

export interface ApiTokenState {
  expiresAt: number | null;
  revokedAt: number | null;
  /** Whether a newer token was issued in its place. */
  replaced: boolean;
}

export function apiTokenStatus(token: ApiTokenState, now: number): ApiTokenStatus {
  if (token.revokedAt !== null && token.revokedAt <= now) return 'revoked';
  const over = token.expiresAt !== null && token.expiresAt <= now;
  if (token.replaced) return over ? 'rotated' : 'rotating';
  return over ? 'expired' : 'active';
}

/** Whether the token is accepted at the instant: active, or inside its rotation grace. */
export function apiTokenWorks(token: ApiTokenState, now: number): boolean {
  const status = apiTokenStatus(token, now);
  return status === 'active' || status === 'rotating';
}

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return (API_TOKEN_SCOPES as readonly string[]).includes(value);
}

/** The token's stored scopes back to the closed set; unknown ones dropped. */
export function scopesOf(json: unknown): ApiTokenScope[] {
  if (!Array.isArray(json)) return [];
  return API_TOKEN_SCOPES.filter((scope) => json.includes(scope));
}

/** Secrets look like `chiso_1a2b3c4d_<43 characters of base64url>`; the prefix is the first part. */
const SECRET = /^(chiso_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

/** The prefix of a well-formed secret, undefined for anything else. */
export function apiTokenPrefix(secret: string): string | undefined {
  return SECRET.exec(secret)?.[1];
}
