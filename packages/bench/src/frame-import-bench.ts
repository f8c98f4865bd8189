import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/dist/app.js';
import { jobRegistry } from '../../server/dist/jobs/catalogue.js';
import { localQueue } from '../../server/dist/jobs/local-queue.js';
import { findImportJob } from '../../server/dist/repositories/import-jobs.js';
import { onImportStep } from '../../server/dist/use-cases/imports/import-progress.js';
import { queueImport } from '../../server/dist/use-cases/imports/queue-import.js';
import { parseTables } from '../../server/dist/spreadsheet/read-table.js';
import { vn } from './cli-bench.js';
import { failures, IDLE_MS, line, sample } from './import-job-bench.js';
import { openBenchDatabase, surveyWorld, unitId } from './survey-world.js';

/** A sampling frame of `rows` people spread over the rated departments. */
function frameCsv(rows: number): Buffer {
  const lines = ['Mã đơn vị;Họ và tên;Liên hệ;Thủ tục;Ngày hoàn thành'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${unitId(i)};Người dân số ${i + 1};09${String(i).padStart(8, '0')};Cấp phép;03/03/2026`,
    );
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * /healthz sampled by one client while a 100.000-person sampling frame is imported as a job
 * (decision 0042), beside /healthz idle in the same run; PGlite, and PostgreSQL when
 * CHISO_BENCH_DATABASE_URL names a server. The check runs outside the save's transaction.
 */
export async function benchFrameImportJob(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL;
  const rows = process.env.CHISO_BENCH_QUICK === '1' ? 10_000 : 100_000;
  const file = frameCsv(rows);
  const out = [
    `Nhập danh sách chọn mẫu ${vn(rows)} người chạy nền (quyết định 0042): /healthz trong lúc nhập`,
  ];
  for (const target of url === undefined ? [undefined] : [url, undefined]) {
    const world = await surveyWorld(await openBenchDatabase(target), ['Khung mẫu']);
    const { deps } = world;
    const queue = localQueue(deps, jobRegistry(), { pollMs: 200 });
    deps.jobs = queue;
    const app = await buildApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await queue.work();
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const idleEnd = performance.now() + IDLE_MS;
      const idle = await sample(`${base}/healthz`, () => performance.now() > idleEnd);
      // The file's parse alone, in the same run: what the job's first stretch is compared with.
      const parseStarted = performance.now();
      await parseTables(file, 'danh-sach.csv');
      const parseMs = performance.now() - parseStarted;
      failures.count = 0;
      const started = performance.now();
      const surveyId = world.surveyIds.get('Khung mẫu') ?? '';
      const job = await queueImport(
        world.ctx,
        'surveyFrame',
        { stream: Readable.from([file]), fileName: 'danh-sach.csv', maxBytes: 10 * 1024 * 1024 },
        { surveyId },
      );
      let state = job.state as string;
      let checks = 0;
      // The save starts after the check's last pause; on PGlite the row cannot be read during it.
      let checkedAt = started;
      // The longest stretch the job ran without a pause, per phase (past the decision: applying).
      const stretches = new Map<string, number>();
      let last = started;
      onImportStep((_id, phase, _done, decided) => {
        const now = performance.now();
        const key = decided ? 'applying' : phase;
        stretches.set(key, Math.max(stretches.get(key) ?? 0, now - last));
        last = now;
        if (phase === 'checking') checkedAt = now;
      });
      const during = await sample(`${base}/healthz`, async () => {
        if (checks++ % 5 === 0) state = (await findImportJob(deps.db, job.id))?.state ?? 'lost';
        return state !== 'queued' && state !== 'running';
      });
      onImportStep(undefined);
      const ended = performance.now();
      const done = await findImportJob(deps.db, job.id);
      if (done?.state !== 'succeeded') throw new Error(`import ended ${done?.state}`);
      out.push(
        `[${target === undefined ? 'PGlite' : 'PostgreSQL'}] nhập xong sau ${vn((ended - started) / 1000, 1)} s, trong đó lưu ${vn((ended - checkedAt) / 1000, 1)} s (${JSON.stringify(done.result)})`,
        line('/healthz khi rảnh (cùng lượt đo)', idle),
        line('/healthz trong lúc nhập', during),
        `  /healthz không trả lời được (quá thời hạn yêu cầu): ${vn(failures.count)} lần`,
        `  đọc tệp (parseTables) một mình, cùng lượt đo: ${vn(parseMs, 0)} ms`,
        `  quãng chạy dài nhất giữa hai lần dừng: ${[...stretches]
          .map(([phase, ms]) => `${phase} ${vn(ms, 0)} ms`)
          .join(', ')}`,
      );
    } finally {
      await queue.stop();
      await app.close();
      await world.close();
    }
  }
  return out.join('\n');
}
