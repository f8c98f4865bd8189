import { describe, expect, it } from 'vitest';
import {
  flowChecks,
  flowCookieValue,
  flowRecordKey,
  newFlowKey,
  readFlowCookie,
  safeReturnPath,
  sameState,
} from './oidc-flow.js';

describe('a sign-in flow through the provider', () => {
  it('keeps the key and the return path in its cookie, and reads nothing else', () => {
    const key = newFlowKey();
    const value = flowCookieValue({ key, returnTo: '/ky-danh-gia/1?tab=2' });
    expect(readFlowCookie(value)).toEqual({ key, returnTo: '/ky-danh-gia/1?tab=2' });
    for (const bad of [undefined, '', 'abc', `${key}`, `${key}.x.y`, `short.${'x'}`]) {
      expect(readFlowCookie(bad), String(bad)).toBeUndefined();
    }
  });

  it('leads back only to a path of this site', () => {
    expect(safeReturnPath('/ket-qua')).toBe('/ket-qua');
    for (const path of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil',
      '/a b',
    ]) {
      expect(safeReturnPath(path), String(path)).toBe('/');
    }
    const key = newFlowKey();
    const forged = `${key}.${Buffer.from('//evil.example').toString('base64url')}`;
    expect(readFlowCookie(forged)?.returnTo).toBe('/');
  });

  it('derives a distinct state, nonce and PKCE verifier per key, and stores only a hash', () => {
    const key = newFlowKey();
    const checks = flowChecks(key);
    expect(flowChecks(key)).toEqual(checks);
    expect(new Set(Object.values(checks)).size).toBe(3);
    // RFC 7636: 43 to 128 characters of the unreserved set.
    expect(checks.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(flowChecks(newFlowKey()).state).not.toBe(checks.state);
    expect(flowRecordKey(key)).toMatch(/^oidc-flow:[0-9a-f]{64}$/);
    expect(flowRecordKey(key)).not.toContain(key);
  });

  it('compares the state exactly', () => {
    const { state } = flowChecks(newFlowKey());
    expect(sameState(state, state)).toBe(true);
    expect(sameState(state, undefined)).toBe(false);
    expect(sameState(state, `${state}x`)).toBe(false);
    expect(
      sameState(
        state,
        state.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBe(false);
  });
});
