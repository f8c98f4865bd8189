import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/dist/app.js';
import { readConfig } from '../../server/dist/config.js';
import type { Deps } from '../../server/dist/context.js';
import { jobRegistry } from '../../server/dist/jobs/catalogue.js';
import { localQueue } from '../../server/dist/jobs/local-queue.js';
import { findImportJob } from '../../server/dist/repositories/import-jobs.js';
import { actorOf, insertUser } from '../../server/dist/repositories/users.js';
import { hashPassword } from '../../server/dist/security/passwords.js';
import { localEvidenceStore } from '../../server/dist/storage/evidence-store.js';
import { onImportStep } from '../../server/dist/use-cases/imports/import-progress.js';
import { queueImport } from '../../server/dist/use-cases/imports/queue-import.js';
import { vn } from './cli-bench.js';
import { percentile } from './http-load.js';
import { openBenchDatabase } from './survey-world.js';

export const IDLE_MS = 3000;

/** A units file of `rows` communes under one district, as an office would keep it. */
function unitsCsv(rows: number): Buffer {
  const lines = ['Mã đơn vị;Tên đơn vị;Loại đơn vị;Đơn vị cấp trên', 'HB;UBND huyện Bench;huyện;'];
  for (let i = 1; i < rows; i++) lines.push(`XB${i};UBND xã Bench số ${i};xã;HB`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Sequential GETs of `url` until `until` says stop; the times in ms, sorted. */
export const failures = { count: 0 };

export async function sample(
  url: string,
  until: () => Promise<boolean> | boolean,
  cookie?: string,
): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; !(await until()); n++) {
    const started = performance.now();
    // A request the server dropped (its request timeout) counts with the time it waited.
    const status = await fetch(url, cookie === undefined ? {} : { headers: { cookie } })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })
      .catch(() => 0);
    if (status !== 200) failures.count++;
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export const line = (label: string, sorted: number[]) =>
  `  ${label}: p50 ${vn(percentile(sorted, 0.5), 1)} ms, p99 ${vn(percentile(sorted, 0.99), 1)} ms, tối đa ${vn(sorted.at(-1) ?? 0, 1)} ms (${vn(sorted.length)} lần)`;

async function signIn(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('chiso_session='));
  if (response.status !== 200 || cookie === undefined)
    throw new Error(`login → ${response.status}: ${await response.text()}`);
  return cookie;
}

/**
 * /healthz sampled by one client, and the import's page poll (`GET /api/imports/:id`, signed in:
 * session, account and the job's row) by another, while a 100.000-row units import runs as a job on the same
 * server (the local queue polling, as `serve` runs it), beside /healthz idle in the same run;
 * PGlite, and PostgreSQL when CHISO_BENCH_DATABASE_URL names a server.
 */
export async function benchImportJob(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const rows = process.env.CHISO_BENCH_QUICK === '1' ? 10_000 : 100_000;
  const file = unitsCsv(rows);
  const out = [`Nhập ${vn(rows)} đơn vị chạy nền (quyết định 0034): /healthz trong lúc nhập`];
  for (const target of url === undefined ? [undefined] : [url, undefined]) {
    const bench = await openBenchDatabase(target);
    const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-import-'));
    const deps: Deps = {
      db: bench.database.db,
      clock: () => new Date(),
      storage: localEvidenceStore(join(dir, 'evidence')),
      // The server tells PostgreSQL (a pool: the save in one transaction) from PGlite (one
      // connection: the save staged, decision 0045) by its configuration, as `serve` has it.
      config: readConfig({
        CHISO_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        ...(bench.url === undefined ? {} : { DATABASE_URL: bench.url }),
      }),
    };
    const queue = localQueue(deps, jobRegistry(), { pollMs: 200 });
    deps.jobs = queue;
    const app = await buildApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await queue.work();
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const password = 'mat-khau-do-nhap-tep';
      const admin = await insertUser(deps.db, {
        username: 'bench.admin',
        fullName: 'Quản trị đo',
        passwordHash: await hashPassword(password),
        role: 'administrator',
        unitId: null,
      });
      const ctx = { actor: actorOf(admin), ip: '127.0.0.1', now: new Date(), deps };
      const cookie = await signIn(base, 'bench.admin', password);
      // A job to poll while idle: a one-row import, finished before the idle sampling starts.
      const small = await queueImport(ctx, 'units', {
        stream: Readable.from([unitsCsv(1)]),
        fileName: 'mot.csv',
        maxBytes: 10 * 1024 * 1024,
      });
      await queue.tick();
      const idleEnd = performance.now() + IDLE_MS;
      const idleUntil = () => performance.now() > idleEnd;
      const [idle, idlePage] = await Promise.all([
        sample(`${base}/healthz`, idleUntil),
        sample(`${base}/api/imports/${small.id}`, idleUntil, cookie),
      ]);
      failures.count = 0;
      const started = performance.now();
      const job = await queueImport(ctx, 'units', {
        stream: Readable.from([file]),
        fileName: 'don-vi.csv',
        maxBytes: 10 * 1024 * 1024,
      });
      let state = job.state as string;
      let checks = 0;
      // The save starts after the last pause of the check (the table's end) and ends with the
      // job: on PGlite the row cannot be read while the save's transaction holds the connection.
      let checkedAt = started;
      // The longest time between two pauses of the job, per phase: what a request can wait for
      // (PGlite runs on this thread, so a statement holds the event loop as well).
      const longest = new Map<string, number>();
      let lastPause = started;
      onImportStep((_id, phase, _done, decided) => {
        const now = performance.now();
        if (phase === 'checking') checkedAt = now;
        const key = decided ? `${phase}, ghi` : phase;
        longest.set(key, Math.max(longest.get(key) ?? 0, now - lastPause));
        lastPause = now;
      });
      const running = async () => {
        if (checks++ % 5 === 0) state = (await findImportJob(deps.db, job.id))?.state ?? 'lost';
        return state !== 'queued' && state !== 'running';
      };
      const [during, duringPage] = await Promise.all([
        sample(`${base}/healthz`, running),
        sample(
          `${base}/api/imports/${job.id}`,
          () => state !== 'queued' && state !== 'running',
          cookie,
        ),
      ]);
      onImportStep(undefined);
      const ended = performance.now();
      const seconds = (ended - started) / 1000;
      const saving = (ended - checkedAt) / 1000;
      const done = await findImportJob(deps.db, job.id);
      if (done?.state !== 'succeeded') throw new Error(`import ended ${done?.state}`);
      out.push(
        `[${bench.kind}] nhập xong sau ${vn(seconds, 1)} s, trong đó lưu ${vn(saving, 1)} s (${JSON.stringify(done.result)})`,
        line('/healthz khi rảnh (cùng lượt đo)', idle),
        line('/healthz trong lúc nhập', during),
        line('GET /api/imports/:id khi rảnh', idlePage),
        line('GET /api/imports/:id trong lúc nhập', duringPage),
        `  không trả lời được (quá thời hạn yêu cầu) trong lúc nhập: ${vn(failures.count)} lần`,
        `  lâu nhất giữa hai lần nghỉ của việc nhập: ${[...longest].map(([k, ms]) => `${k} ${vn(ms, 0)} ms`).join('; ')}`,
      );
      // Decision 0054: the last step (changes to existing units, then the flip that shows the
      // created ones) starts at applied_at, the database's now() of its transaction; the job
      // ends just after its commit.
      if (done.appliedAt && done.finishedAt)
        out.push(
          `  bước cuối (hiện cả lần nhập), đến khi việc kết thúc: ${vn(done.finishedAt.getTime() - done.appliedAt.getTime(), 0)} ms`,
        );
    } finally {
      await queue.stop();
      await app.close();
      await bench.drop();
    }
  }
  return out.join('\n');
}
