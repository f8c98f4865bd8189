import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FlowChecks } from './oidc-client.js';

/**
 * One sign-in through the provider, between the start and the callback (decision 0037): a
 * random 32-byte key in an HttpOnly cookie of this browser. The state, the nonce and the PKCE
 * code verifier are derived from it (HMAC-SHA-256 with a label each), so nothing secret is
 * stored on the server; the server keeps only the key's SHA-256 on rate_counters, single-use
 * and good for 10 minutes, so that a callback is redeemed once.
 */
export const FLOW_COOKIE = 'chiso_oidc';
export const FLOW_COOKIE_PATH = '/api/auth/oidc';
export const FLOW_LIFETIME_MS = 10 * 60_000;

export interface Flow {
  key: string;
  /** The path of this site to open after signing in. */
  returnTo: string;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new flow's key. */
export function newFlowKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Where a sign-in may lead back to: a path of this site only ("/x", never "//host" or "/\\host"). */
export function safeReturnPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  // Control characters and spaces have no business in a path the app builds.
  return /^[\x21-\x7e]+$/.test(path) ? path : '/';
}

/** The cookie's value: the key, then the return path (base64url so that no character needs quoting). */
export function flowCookieValue(flow: Flow): string {
  return `${flow.key}.${Buffer.from(flow.returnTo).toString('base64url')}`;
}

/** The flow a cookie holds, or undefined for anything not written by flowCookieValue. */
export function readFlowCookie(value: string | undefined): Flow | undefined {
  if (!value) return undefined;
  const [key, path, ...rest] = value.split('.');
  if (!key || path === undefined || rest.length > 0 || !KEY_PATTERN.test(key)) return undefined;
  return { key, returnTo: safeReturnPath(Buffer.from(path, 'base64url').toString('utf8')) };
}

const derive = (key: string, label: string) =>
  createHmac('sha256', Buffer.from(key, 'base64url')).update(label).digest('base64url');

/** The state, nonce and code verifier of a flow (43 base64url characters each). */
export function flowChecks(key: string): FlowChecks {
  return {
    state: derive(key, 'chiso oidc state'),
    nonce: derive(key, 'chiso oidc nonce'),
    codeVerifier: derive(key, 'chiso oidc pkce'),
  };
}

/** The rate_counters key that holds a flow unspent until its callback. */
export function flowRecordKey(key: string): string {
  return `oidc-flow:${createHash('sha256').update(key).digest('hex')}`;
}

/** Whether the callback's state is the flow's, compared in constant time. */
export function sameState(expected: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
