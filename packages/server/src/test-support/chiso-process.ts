import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_PASSWORD, type Session, type TestResponse } from './test-app.js';

/** The repository's root and what `npm start` runs: the server from its bundle (0062). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const START = join(ROOT, 'packages/server/dist/start.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Server {
  name: string;
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * A real chiso process (`node packages/server/dist/start.js`, as `npm start` runs it) on a free
 * loopback port, in a new data folder unless one is given.
 */
export async function startServer(
  name: string,
  env: Record<string, string>,
  given?: string,
): Promise<Server> {
  const port = await freePort();
  const dataDir = given ?? (await mkdtemp(join(tmpdir(), `chiso-${name}-`)));
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'Asia/Ho_Chi_Minh',
      HOST: '127.0.0.1',
      PORT: String(port),
      CHISO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // A failed start prints its stack into the test's failure message.
      CHISO_DEBUG: '1',
      CHISO_VALIDATE_RESPONSES: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { name, url: `http://127.0.0.1:${port}`, dataDir, child, output: () => output };
}

export async function healthy(server: Server): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) {
      throw new Error(`${server.name} exited ${server.child.exitCode}: ${server.output()}`);
    }
    const ok = await fetch(`${server.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.name} did not answer /healthz: ${server.output()}`);
}

/** Stops the process (SIGTERM, as a service manager does) and removes its folder unless kept. */
export async function stopServer(server: Server, keep = false): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  if (!keep) await rm(server.dataDir, { recursive: true, force: true });
}

export async function call(
  server: Server,
  method: string,
  url: string,
  options: {
    as?: Session;
    body?: unknown;
    payload?: Buffer | string;
    headers?: Record<string, string>;
  } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) {
    headers.cookie = options.as.cookie;
    headers['x-csrf-token'] = options.as.csrf;
  }
  let body: Buffer | string | undefined = options.payload;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${server.url}${url}`, { method, headers, body });
  const raw = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: response.status,
    body: json ? (JSON.parse(raw.toString()) as unknown) : raw,
    headers: Object.fromEntries(response.headers),
    raw,
  };
}

export async function signIn(server: Server, username: string, password = TEST_PASSWORD) {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string; user?: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('chiso_session='));
  return { status: response.status, body, cookie, csrf: body.csrfToken };
}
