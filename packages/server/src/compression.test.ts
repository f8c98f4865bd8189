import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-support/test-app.js';

/** A built web app as Vite and its precompress step leave it: hashed assets with .br and .gz. */
async function builtWebApp(): Promise<{ root: string; files: Record<string, Buffer> }> {
  const root = await mkdtemp(join(tmpdir(), 'chiso-web-'));
  await mkdir(join(root, 'assets'));
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"Sở ${i}"`).join(',')}];\n`;
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>chiso</title>${'<link rel="modulepreload" href="/assets/index-B1x9Qk3a.js">'.repeat(30)}</head><body><div id="root"></div></body></html>`,
    ),
    'assets/index-B1x9Qk3a.js': Buffer.from(script),
    'assets/index-Cq2Lm0Zt.css': Buffer.from('.mantine-Button { color: red }\n'.repeat(100)),
  };
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(join(root, name), bytes);
    await writeFile(join(root, `${name}.br`), brotliCompressSync(bytes));
    await writeFile(join(root, `${name}.gz`), gzipSync(bytes));
  }
  return { root, files };
}

// The same plugins on PostgreSQL; PGlite is enough here.
describe('compressed answers and cache headers (decision 0049)', () => {
  let t: TestApp;
  let web: Awaited<ReturnType<typeof builtWebApp>>;

  beforeAll(async () => {
    web = await builtWebApp();
    t = await startTestApp('pglite', { webRoot: web.root });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(web.root, { recursive: true, force: true });
  });

  it('sends a built asset as its .br or .gz copy when asked, as it is otherwise, cached for good', async () => {
    for (const name of ['assets/index-B1x9Qk3a.js', 'assets/index-Cq2Lm0Zt.css']) {
      const original = web.files[name]!;
      const plain = await t.request('GET', `/${name}`);
      expect(plain.status, name).toBe(200);
      expect(plain.headers['content-encoding'], name).toBeUndefined();
      expect(plain.raw.equals(original), name).toBe(true);
      expect(plain.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');

      const br = await t.request('GET', `/${name}`, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding'], name).toBe('br');
      expect(String(br.headers.vary), name).toMatch(/accept-encoding/i);
      expect(br.raw.length, name).toBeLessThan(original.length);
      expect(brotliDecompressSync(br.raw).equals(original), name).toBe(true);
      expect(br.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');

      const gz = await t.request('GET', `/${name}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], name).toBe('gzip');
      expect(gunzipSync(gz.raw).equals(original), name).toBe(true);
    }
    const js = await t.request('GET', '/assets/index-B1x9Qk3a.js', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(js.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
  });

  it('sends the page compressed but never cached, at its address and at any page of the app', async () => {
    const original = web.files['index.html']!;
    for (const url of ['/', '/dang-nhap', '/ky-danh-gia/abc']) {
      const page = await t.request('GET', url, {
        headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' },
      });
      expect(page.status, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(page.raw).equals(original), url).toBe(true);
      const plain = await t.request('GET', url, { headers: { accept: 'text/html' } });
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.raw.equals(original), url).toBe(true);
    }
  });

  it('compresses API JSON on the fly above the threshold, and leaves small answers alone', async () => {
    const plain = await t.request('GET', '/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.length).toBeGreaterThan(10_000);
    const br = await t.request('GET', '/api/openapi.json', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.raw.length).toBeLessThan(plain.raw.length / 5);
    expect(brotliDecompressSync(br.raw).equals(plain.raw)).toBe(true);
    const gz = await t.request('GET', '/api/openapi.json', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).equals(plain.raw)).toBe(true);
    // An encoding it does not make, or one refused, leaves the answer as it is.
    const deflate = await t.request('GET', '/api/openapi.json', {
      headers: { 'accept-encoding': 'deflate' },
    });
    expect(deflate.headers['content-encoding']).toBeUndefined();
    expect(deflate.raw.equals(plain.raw)).toBe(true);

    const small = await t.request('GET', '/healthz', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toEqual({ status: 'ok' });
  });

  it('does not inflate a compressed request body', async () => {
    const r = await t.request('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ username: 'admin', password: 'x' })),
    });
    expect(r.status).toBe(400);
  });
});
