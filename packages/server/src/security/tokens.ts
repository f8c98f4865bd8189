import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a cookie or a form. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token, so that a leaked table opens nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
