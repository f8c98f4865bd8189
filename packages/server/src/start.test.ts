import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  call,
  healthy,
  ROOT,
  startServer,
  stopServer,
  type Server,
} from './test-support/chiso-process.js';

// What `npm start` runs (decision 0062): dist/start.js takes the folder's lock, starts PGlite,
// then loads the server from dist/server.bundle.cjs with V8's code cache. These start it as a
// process, as a new user's machine does, and read what only a bundle could get wrong: the
// folders found beside the code (web app, migrations, template), the packages left outside it.

const started: Server[] = [];
afterAll(async () => {
  for (const server of started.reverse()) await stopServer(server);
});

async function start(name: string, dataDir: string, env: Record<string, string> = {}) {
  const server = await startServer(name, { LOG_LEVEL: 'info', ...env }, dataDir);
  started.push(server);
  return server;
}

async function exited(server: Server): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  return new Promise((resolve) => server.child.once('exit', (code) => resolve(code)));
}

describe('npm start (dist/start.js)', () => {
  it('runs a bundle stamped with its hash, in strict mode as its modules were written', async () => {
    const [stamp, strict] = (
      await readFile(join(ROOT, 'packages/server/dist/server.bundle.cjs'), 'latin1')
    ).split('\n', 2);
    expect(stamp).toMatch(/^\/\/ chiso-bundle [0-9a-f]{40}$/);
    // The directive must be the first statement, or the whole bundle runs sloppy.
    expect(strict).toBe('"use strict";');
  });

  it('serves an empty folder from the bundle, then the same folder again from its code cache', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chiso-start-'));
    const first = await start('first', dataDir);
    await healthy(first);
    // The web app from packages/web/dist, found from the bundle's place.
    const page = await call(first, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.raw.toString()).toContain('<div id="root">');
    // swagger-ui is bundled with its __dirname rewritten: its own files must still be found.
    const docs = await call(first, 'GET', '/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.raw.toString()).toContain('swagger');
    // The template was copied and migrated: a sign-in reads the accounts and counts the try.
    const wrong = await call(first, 'POST', '/api/auth/login', {
      body: { username: 'khong-co', password: 'sai-mat-khau-123' },
    });
    expect(wrong.status).toBe(401);
    expect(first.output()).toMatch(/Mã máy chủ nạp từ một gói: (biên dịch lần đầu|dùng bản)/);
    await stopServer(first, true);

    const again = await start('again', dataDir);
    await healthy(again);
    expect(again.output()).toContain('Mã máy chủ nạp từ một gói: dùng bản biên dịch đã lưu');
    expect((await call(again, 'GET', '/')).status).toBe(200);
  });

  it('refuses a folder another server holds, naming it, and leaves that server running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chiso-start-held-'));
    const holder = await start('holder', dataDir);
    await healthy(holder);
    const second = await start('second', dataDir);
    expect(await exited(second)).toBe(1);
    expect(second.output()).toContain(`Thư mục dữ liệu ${dataDir} đang được tiến trình`);
    expect((await call(holder, 'GET', '/healthz')).status).toBe(200);
  });
});
