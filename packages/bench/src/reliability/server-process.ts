import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
/** The production entry point, as an operator starts it: what `npm start` runs (0062). */
const MAIN = join(here, '../../../server/dist/start.js');

export type DatabaseKind = 'pglite' | 'postgres';

export const ADMIN = { username: 'quantri', password: 'Do-tin-cay-2026-kiem-thu' };

/** A database nobody used yet: a PGlite folder, or a new database on the PostgreSQL server. */
export interface FreshDatabase {
  kind: DatabaseKind;
  /** The server's environment for it (data folder, and DATABASE_URL on PostgreSQL). */
  env: Record<string, string>;
  dataDir: string;
  drop: () => Promise<void>;
}

export async function freshDatabase(kind: DatabaseKind, baseUrl?: string): Promise<FreshDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-reliability-'));
  if (kind === 'pglite') {
    return {
      kind,
      env: { CHISO_DATA_DIR: dataDir },
      dataDir,
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  if (!baseUrl) throw new Error('PostgreSQL needs CHISO_BENCH_DATABASE_URL');
  const name = `chiso_reliability_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { CHISO_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A loopback port nobody listens on now (the bench's processes each take one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** A chiso server process (`node packages/server/dist/start.js`, as `npm start` runs it) on loopback. */
export interface ServerProcess {
  pid: number;
  base: string;
  /** Milliseconds from the spawn to the first 200 of /healthz. */
  startMs: number;
  alive: () => boolean;
  /** The process's peak resident memory so far (VmHWM), in MiB. */
  peakRssMb: () => number;
  /** SIGKILL, then waits for the process to be gone. */
  kill9: () => Promise<void>;
  /** SIGTERM (the server's own shutdown), then waits. */
  stop: () => Promise<void>;
  /** What the process wrote to stderr (its last 4 KB). */
  stderr: () => string;
}

function vmHwmMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function startServer(
  database: FreshDatabase,
  extraEnv: Record<string, string> = {},
  readyTimeoutMs = 180_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const begin = performance.now();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'Asia/Ho_Chi_Minh',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      CHISO_ADMIN_USERNAME: ADMIN.username,
      CHISO_ADMIN_PASSWORD: ADMIN.password,
      ...database.env,
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4096);
  });
  const exited = once(child, 'exit');
  const pid = child.pid ?? 0;
  let peak = 0;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (!alive()) throw new Error(`chiso stopped while starting: ${stderr}`);
    if (performance.now() - begin > readyTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`chiso not ready within ${readyTimeoutMs} ms: ${stderr}`);
    }
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startMs = performance.now() - begin;
  const peakRssMb = () => {
    if (alive()) peak = Math.max(peak, vmHwmMb(pid));
    return peak;
  };
  return {
    pid,
    base,
    startMs,
    alive,
    peakRssMb,
    kill9: async () => {
      peakRssMb();
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      peakRssMb();
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    stderr: () => stderr,
  };
}
