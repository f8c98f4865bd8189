import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from './reliability/server-process.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** What `npm start` runs: PGlite started first, the server from its bundle (decision 0062). */
const START = join(ROOT, 'packages', 'server', 'dist', 'start.js');
/** The same server from its compiled modules, one file each: what the bundle saves. */
const MODULES = join(ROOT, 'packages', 'server', 'dist', 'main.js');

/** Targets of issue 14, item 5. */
const EMPTY_TARGET_MS = 2000;
const EXISTING_TARGET_MS = 1000;

/** The floor: a bare node process that starts an empty Fastify and answers /healthz. */
const FLOOR = `import Fastify from 'fastify';
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

/** Milliseconds from spawn to the first 200 on /healthz; the process is then stopped. */
async function startUp(script: string, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'Asia/Ho_Chi_Minh',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${errors}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error(`no /healthz: ${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

/**
 * Start-up to the first /healthz (process spawn to 200), median of a few runs, on an empty PGlite
 * folder, the same folder again, and an existing PostgreSQL database, beside the floor measured
 * in the same run. CHISO_BENCH_QUICK=1 runs each once.
 */
export async function benchStartUp(): Promise<string> {
  const runs = process.env.CHISO_BENCH_QUICK === '1' ? 1 : 3;
  const work = await mkdtemp(join(tmpdir(), 'chiso-start-'));
  const floorScript = join(ROOT, 'packages', 'bench', 'dist', 'start-floor.mjs');
  await writeFile(floorScript, FLOOR);
  const rows: [label: string, ms: number, target?: number][] = [];
  try {
    const floor: number[] = [];
    const empty: number[] = [];
    const existing: number[] = [];
    const modules: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await startUp(floorScript, {}));
      const dataDir = join(work, `data-${i}`);
      empty.push(await startUp(START, { CHISO_DATA_DIR: dataDir }));
      existing.push(await startUp(START, { CHISO_DATA_DIR: dataDir }));
      modules.push(await startUp(MODULES, { CHISO_DATA_DIR: dataDir }));
    }
    rows.push(['Sàn: node + Fastify rỗng trả /healthz', median(floor)]);
    rows.push(['PGlite, thư mục rỗng (lần chạy đầu)', median(empty), EMPTY_TARGET_MS]);
    rows.push(['PGlite, thư mục đã có dữ liệu', median(existing), EXISTING_TARGET_MS]);
    rows.push(['  như trên, từ từng tệp đã biên dịch (không gói)', median(modules)]);
    const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
    if (url) {
      const name = `chiso_start_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const target = new URL(url);
        target.pathname = `/${name}`;
        const env = { DATABASE_URL: target.toString(), CHISO_DATA_DIR: join(work, 'pg') };
        rows.push([
          'PostgreSQL, cơ sở dữ liệu rỗng (di chuyển lần đầu)',
          await startUp(START, env),
        ]);
        const again: number[] = [];
        for (let i = 0; i < runs; i++) again.push(await startUp(START, env));
        rows.push(['PostgreSQL, đã có dữ liệu', median(again), EXISTING_TARGET_MS]);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
    const base = median(floor);
    const load = loadavg()
      .map((l) => l.toFixed(2).replace('.', ','))
      .join(' ');
    return [
      `Khởi động đến /healthz đầu tiên (trung vị ${runs} lần; tải máy ${load}):`,
      ...rows.map(([label, ms, target]) => {
        const verdict =
          target === undefined
            ? ''
            : `  mục tiêu ${seconds(target)}: ${ms <= target ? 'đạt' : 'CHƯA ĐẠT'}`;
        return `  ${label.padEnd(52)} ${seconds(ms).padStart(8)}  (×${(ms / base).toFixed(1).replace('.', ',')} sàn)${verdict}`;
      }),
    ].join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(floorScript, { force: true });
  }
}
