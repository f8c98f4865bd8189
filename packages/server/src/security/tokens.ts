import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a cookie or a form. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token, so that a leaked table opens nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new API token's secret, `chiso_<8 hex>_<32 random bytes in base64url>`, and its prefix
 * (`chiso_<8 hex>`, shown in lists). Only the secret's SHA-256 (tokenHash) is stored.
 */
export function newApiSecret(): { secret: string; prefix: string } {
  const prefix = `chiso_${randomBytes(4).toString('hex')}`;
  return { secret: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}
