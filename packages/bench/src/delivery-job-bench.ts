import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../server/dist/app.js';
import { users } from '../../server/dist/db/schema.js';
import { jobRegistry } from '../../server/dist/jobs/catalogue.js';
import { localQueue } from '../../server/dist/jobs/local-queue.js';
import { findImportJob } from '../../server/dist/repositories/import-jobs.js';
import { hashPassword } from '../../server/dist/security/passwords.js';
import { writeResponsesXlsx } from './survey-files.js';
import { openBenchDatabase, surveyWorld } from './survey-world.js';

const run = promisify(execFile);
const mb = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 });
const seconds = (ms: number) =>
  (ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The post office's delivery (100.000 forms × 30 answers, .xlsx) through the server as a user
 * sends it (decision 0055): uploaded by curl (another process, streaming the file from disk) to
 * the route, then run by the server's job queue; the server's resident memory sampled every
 * 10 ms from before the upload to the job's end, and its peak (`maxRSS`) if it rose meanwhile.
 * The file is written by a separate process first (CHISO_BENCH_DELIVERY_FILE), so that its
 * writing does not set this process's peak. PostgreSQL (CHISO_BENCH_DATABASE_URL) or PGlite.
 */
export async function benchDeliveryJob(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL;
  const forms = process.env.CHISO_BENCH_QUICK === '1' ? 10_000 : 100_000;
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-delivery-job-'));
  let file = process.env.CHISO_BENCH_DELIVERY_FILE;
  if (file === undefined) {
    file = join(dir, 'phieu-buu-dien.xlsx');
    await writeResponsesXlsx(file, forms);
  }
  const world = await surveyWorld(await openBenchDatabase(url), ['Nhập']);
  const { deps } = world;
  const queue = localQueue(deps, jobRegistry(), { pollMs: 50 });
  deps.jobs = queue;
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await deps.db
      .update(users)
      .set({ passwordHash: await hashPassword('mat-khau-do-dac-2026') })
      .where(eq(users.username, 'quantri'));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri', password: 'mat-khau-do-dac-2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    await queue.work();
    const surveyId = world.surveyIds.get('Nhập') ?? '';
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    let sampled = baseline;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    // execFile does not block this process's loop: the server answers curl meanwhile.
    const { stdout } = await run('curl', [
      '-s',
      '-H',
      `cookie: ${cookie}`,
      '-H',
      `x-csrf-token: ${csrfToken}`,
      '-F',
      `file=@${file};filename=phieu-buu-dien.xlsx`,
      `${base}/api/surveys/${surveyId}/responses/import`,
    ]);
    const uploaded = performance.now();
    const { id } = JSON.parse(stdout) as { id: string };
    if (!id) throw new Error(`upload → ${stdout.slice(0, 300)}`);
    let job = await findImportJob(deps.db, id);
    while (job?.state === 'queued' || job?.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await findImportJob(deps.db, id);
    }
    const ended = performance.now();
    clearInterval(sampler);
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    if (job?.state !== 'succeeded')
      throw new Error(`import ${job?.state}: ${JSON.stringify(job?.problems)}`);
    const size = (await stat(file)).size;
    return [
      `Phiếu bưu điện ${forms.toLocaleString('vi-VN')} × 30 (.xlsx, ${mb(size)} MB) tải lên qua curl rồi nhập bằng việc chạy nền [${url === undefined ? 'PGlite' : 'PostgreSQL'}]`,
      `  tải lên ${seconds(uploaded - started)} s, việc nhập ${seconds(ended - uploaded)} s, cả hai ${seconds(ended - started)} s (${JSON.stringify(job.result)})`,
      `  RSS trước ${mb(baseline)} MB, cao nhất đo mỗi 10 ms ${mb(sampled)} MB (+${mb(sampled - baseline)} MB), maxRSS ${mb(peakBefore)} → ${mb(peakAfter)} MB`,
    ].join('\n');
  } finally {
    await queue.stop();
    await app.close();
    await world.close();
    await rm(dir, { recursive: true, force: true });
  }
}
