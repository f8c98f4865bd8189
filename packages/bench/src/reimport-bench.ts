import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
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
import { IDLE_MS, failures, line, sample } from './import-job-bench.js';
import { openBenchDatabase } from './survey-world.js';

/** `rows` communes under one district, each named `name` and its number. */
function unitsCsv(rows: number, name: string): Buffer {
  const lines = [
    'Mã đơn vị;Tên đơn vị;Loại đơn vị;Đơn vị cấp trên',
    `HB;UBND huyện ${name};huyện;`,
  ];
  for (let i = 1; i < rows; i++) lines.push(`XB${i};UBND xã ${name} số ${i};xã;HB`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

const load = () => vn(loadavg()[0] ?? 0, 1);

/**
 * Decision 0057: on PGlite, 100.000 units imported, then imported again with every name
 * changed. Prints the re-import's last step (from the flip's `applied_at` to the job's next
 * pause, or its end), the folding after it, the longest time between two pauses while saving,
 * and /healthz sampled during the re-import beside /healthz idle in the same run.
 */
export async function benchUnitsReimport(): Promise<string> {
  const rows = process.env.CHISO_BENCH_QUICK === '1' ? 10_000 : 100_000;
  const out = [`Nhập lại ${vn(rows)} đơn vị đã có, đổi tên cả (quyết định 0057), PGlite`];
  const bench = await openBenchDatabase(undefined);
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-reimport-'));
  const deps: Deps = {
    db: bench.database.db,
    clock: () => new Date(),
    storage: localEvidenceStore(join(dir, 'evidence')),
    config: readConfig({ CHISO_DATA_DIR: dir, LOG_LEVEL: 'silent' }),
  };
  const queue = localQueue(deps, jobRegistry(), { pollMs: 200 });
  deps.jobs = queue;
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await queue.work();
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const admin = await insertUser(deps.db, {
      username: 'bench.admin',
      fullName: 'Quản trị đo',
      passwordHash: await hashPassword('mat-khau-do-nhap-lai'),
      role: 'administrator',
      unitId: null,
    });
    const ctx = { actor: actorOf(admin), ip: '127.0.0.1', now: new Date(), deps };
    const run = async (name: string) => {
      const job = await queueImport(ctx, 'units', {
        stream: Readable.from([unitsCsv(rows, name)]),
        fileName: 'don-vi.csv',
        maxBytes: 10 * 1024 * 1024,
      });
      return job.id;
    };
    const ended = async (id: string) => {
      const state = (await findImportJob(deps.db, id))?.state;
      return state !== 'queued' && state !== 'running';
    };
    const first = await run('Bench');
    while (!(await ended(first))) await new Promise((resolve) => setTimeout(resolve, 500));
    const idleEnd = performance.now() + IDLE_MS;
    const idle = await sample(`${base}/healthz`, () => performance.now() > idleEnd);
    failures.count = 0;
    const loadBefore = load();
    // Wall-clock instants of the job's pauses once decided, to set beside `applied_at`.
    const pauses: number[] = [];
    let longest = 0;
    let lastPause = performance.now();
    onImportStep((_id, _phase, _done, decided) => {
      const now = performance.now();
      if (decided) {
        pauses.push(Date.now());
        longest = Math.max(longest, now - lastPause);
      }
      lastPause = now;
    });
    const started = Date.now();
    const second = await run('Bench đổi tên');
    let checks = 0;
    let over = false;
    const during = await sample(`${base}/healthz`, async () => {
      if (checks++ % 5 === 0) over = await ended(second);
      return over;
    });
    onImportStep(undefined);
    const done = await findImportJob(deps.db, second);
    if (done?.state !== 'succeeded' || !done.appliedAt || !done.finishedAt)
      throw new Error(`re-import ended ${done?.state}`);
    const applied = done.appliedAt.getTime();
    const finished = done.finishedAt.getTime();
    const next = pauses.find((at) => at > applied) ?? finished;
    // Before 0057 the last step was the job's last statement: no pause followed it.
    longest = Math.max(longest, finished - (pauses.at(-1) ?? finished));
    out.push(
      `  tải (uptime) ${loadBefore} → ${load()}; nhập lại xong sau ${vn((finished - started) / 1000, 1)} s (${JSON.stringify(done.result)})`,
      `  bước cuối: từ applied_at đến lần nghỉ sau hoặc khi việc kết thúc ${vn(next - applied, 0)} ms; gộp vào bảng sau đó ${vn(finished - next, 0)} ms`,
      `  lâu nhất giữa hai lần nghỉ khi đã quyết định ghi: ${vn(longest, 0)} ms`,
      line('/healthz khi rảnh (cùng lượt đo)', idle),
      line('/healthz trong lúc nhập lại', during),
      `  không trả lời được trong lúc nhập lại: ${vn(failures.count)} lần`,
    );
  } finally {
    await queue.stop();
    await app.close();
    await bench.drop();
  }
  return out.join('\n');
}
