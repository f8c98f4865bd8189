import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-support/test-app.js';

// Headers are the same on PostgreSQL; PGlite is enough here.
describe('security headers (decision 0033)', () => {
  let plain: TestApp;
  let https: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    plain = await startTestApp('pglite');
    https = await startTestApp('pglite', { env: { CHISO_PUBLIC_URL: 'https://cchc.example.vn' } });
    proxied = await startTestApp('pglite', { env: { CHISO_TRUST_PROXY: '1' } });
  }, 60_000);
  afterAll(async () => {
    await plain.close();
    await https.close();
    await proxied.close();
  });

  it('sends the policies on every answer, errors included', async () => {
    for (const url of ['/healthz', '/api/auth/me', '/api/no-such-route', '/api/openapi.json']) {
      const { headers } = await plain.request('GET', url);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(headers['permissions-policy'], url).toContain('camera=()');
      expect(headers['permissions-policy'], url).toContain('microphone=()');
      expect(headers['permissions-policy'], url).toContain('geolocation=()');
      const csp = String(headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self';");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('puts a policy of its own on the API documentation, without eval or inline scripts', async () => {
    const entry = await plain.request('GET', '/api/docs');
    const page =
      entry.status === 302 ? await plain.request('GET', String(entry.headers.location)) : entry;
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('sends HSTS when the public address is https, or a trusted proxy says the hop was', async () => {
    const secure = await https.request('GET', '/healthz');
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const forwarded = await proxied.request('GET', '/healthz', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forwarded.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const overHttp = await proxied.request('GET', '/healthz');
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    // Without a trusted proxy the header is the client's word, not taken.
    const untrusted = await plain.request('GET', '/healthz', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
  });
});
