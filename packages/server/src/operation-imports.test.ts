import type { ImportJob } from '@chiso/contract';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, importJobs, procedureStatistics, tasks } from './db/schema.js';
import { markCancelledHere, onImportStep } from './use-cases/imports/import-progress.js';
import { importAndWait } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

const DISPATCH_HEADER = ['Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn'];
const STATISTICS_HEADER = ['Đơn vị', 'Số hồ sơ đã giải quyết', 'Đúng hạn'];
const MAPPING = encodeURIComponent(
  JSON.stringify({ headerRow: 1, columns: { A: 'unit', B: 'resolved', C: 'resolvedOnTime' } }),
);

/** Decision 0043: the task dispatch, statistics and plan imports as background jobs. */
describe.each(DATABASE_KINDS)('operations imports as background jobs (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  let district: Session;
  const dispatchUrl = `/api/task-dispatches/import?authority=${encodeURIComponent('UBND tỉnh')}`;
  const statisticsUrl = () => `/api/periods/${w.periodId}/statistics`;
  const tasksTitled = async (title: string) =>
    (await t.deps.db.select({ n: count() }).from(tasks).where(eq(tasks.title, title)))[0]!.n;
  const statisticsRows = async () =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(procedureStatistics)
        .where(eq(procedureStatistics.periodId, w.periodId))
    )[0]!.n;
  const jobRows = async () => (await t.deps.db.select({ n: count() }).from(importJobs))[0]!.n;
  const post = (url: string, name: string, content: string, as: Session) => {
    const body = multipart(name, content);
    return t.request('POST', url, { as, payload: body.payload, headers: body.headers });
  };
  const read = async (id: string) =>
    (await t.request('GET', `/api/imports/${id}`, { as: admin })).body as ImportJob;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    admin = w.sessions.admin!;
    await t.createAccount('qt.h01', 'administrator', 'H01');
    district = await t.login('qt.h01');
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('queues a dispatch with 202, gives the tasks once the job has run, and audits it', async () => {
    const csv = toCsv([
      DISPATCH_HEADER,
      ['Rà soát TTHC nội bộ', 'SNV', '30/01/2023'],
      ['Rà soát TTHC nội bộ', 'SYT', '30/01/2023'],
    ]);
    const r = await post(dispatchUrl, 'giao.csv', csv, admin);
    expect(r.status).toBe(202);
    const queued = r.body as ImportJob;
    expect(queued).toMatchObject({ kind: 'taskDispatch', state: 'queued', fileName: 'giao.csv' });
    expect(await tasksTitled('Rà soát TTHC nội bộ')).toBe(0);
    await t.queue.tick();
    expect(await tasksTitled('Rà soát TTHC nội bộ')).toBe(2);
    const job = await read(queued.id);
    expect(job).toMatchObject({
      state: 'succeeded',
      phase: 'checking',
      doneRows: 2,
      totalRows: 2,
      problems: null,
      result: {
        preview: false,
        tasks: [
          expect.objectContaining({ row: 2, unitName: 'Sở Nội vụ' }),
          expect.objectContaining({ row: 3, unitName: 'Sở Y tế' }),
        ],
      },
    });
    const audit = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, queued.id));
    expect(audit.map((a) => a.action)).toEqual(['import.queue']);
    const given = (job.result as { tasks: { id: string }[] }).tasks.map((task) => task.id);
    const audited = await t.deps.db
      .select({ entityId: auditLog.entityId, unitId: auditLog.unitId, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'task.dispatch'));
    expect(audited.filter((a) => given.includes(a.entityId))).toEqual([
      expect.objectContaining({ entityId: given[0], unitId: 'SNV' }),
      expect.objectContaining({ entityId: given[1], unitId: 'SYT' }),
    ]);
  });

  it('fails a refused statistics file naming sheet, row and column, and stores nothing', async () => {
    const { job } = await importAndWait(
      t,
      `${statisticsUrl()}/import?mapping=${MAPPING}`,
      {
        name: 'thong-ke.csv',
        content: toCsv([STATISTICS_HEADER, ['SNV', '596', '574'], ['SYT', '40', 'bốn mươi']]),
      },
      admin,
    );
    expect(job).toMatchObject({ kind: 'statistics', state: 'failed', result: null });
    expect(job?.problems).toMatchObject({
      code: 'IMPORT_REJECTED',
      issues: [{ sheet: 'thong-ke.csv', row: 3, column: 'C', field: 'Đúng hạn' }],
    });
    expect(job?.problems?.details[0]).toMatch(/^Trang "thong-ke\.csv", dòng 3, cột C/);
    expect(await statisticsRows()).toBe(0);
    const control = await importAndWait(
      t,
      dispatchUrl,
      {
        name: 'giao.csv',
        content: toCsv([DISPATCH_HEADER, ['Báo\u0007 cáo', 'SNV', '30/01/2023']]),
      },
      admin,
    );
    expect(control.job?.problems?.details).toEqual([
      'Trang "giao.csv", dòng 2, cột A: ô chứa ký tự điều khiển U+0007, không được phép',
    ]);
  });

  it('previews statistics as a job: the headers and the guessed mapping, nothing stored', async () => {
    const { job } = await importAndWait(
      t,
      `${statisticsUrl()}/preview`,
      { name: 'thong-ke.csv', content: toCsv([STATISTICS_HEADER, ['SNV', '596', '574']]) },
      admin,
    );
    expect(job).toMatchObject({
      kind: 'statisticsPreview',
      state: 'succeeded',
      result: {
        sheet: 'thong-ke.csv',
        headerRow: 1,
        mapping: { columns: { A: 'unit', B: 'resolved', C: 'resolvedOnTime' } },
        rows: 1,
        issues: [],
      },
    });
    expect(await statisticsRows()).toBe(0);
  });

  it('stops a statistics import asked to stop after its check: nothing stored', async () => {
    const r = await post(
      `${statisticsUrl()}/import?mapping=${MAPPING}`,
      'thong-ke.csv',
      toCsv([STATISTICS_HEADER, ['SNV', '596', '574'], ['SYT', '40', '40']]),
      admin,
    );
    const id = (r.body as ImportJob).id;
    onImportStep(async (importId, phase) => {
      if (importId !== id || phase !== 'checking') return;
      // Outside the write transaction: the request's own cancel, on both databases.
      const cancel = await t.request('POST', `/api/imports/${id}/cancel`, { as: admin });
      expect(cancel.body).toMatchObject({ state: 'running', cancelRequested: true });
    });
    await t.queue.tick();
    expect(await read(id)).toMatchObject({ state: 'cancelled', result: null, problems: null });
    expect(await statisticsRows()).toBe(0);
  });

  it('rolls back a statistics save cancelled at its last batch', async () => {
    const r = await post(
      `${statisticsUrl()}/import?mapping=${MAPPING}`,
      'thong-ke.csv',
      toCsv([STATISTICS_HEADER, ['SNV', '596', '574'], ['SYT', '40', '40']]),
      admin,
    );
    const id = (r.body as ImportJob).id;
    const seen: string[] = [];
    onImportStep((importId, phase, done) => {
      seen.push(`${phase} ${done}`);
      // Inside the write transaction PGlite answers nobody else: the flag is what is heard.
      if (importId === id && phase === 'saving') markCancelledHere(id);
    });
    await t.queue.tick();
    expect(seen).toEqual(['checking 2', 'saving 2']);
    expect((await read(id)).state).toBe('cancelled');
    expect(await statisticsRows()).toBe(0);
  });

  it('rolls back a dispatch cancelled between its batches: no task given', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [
      'Cập nhật cơ sở dữ liệu',
      i % 2 === 0 ? 'SNV' : 'SYT',
      '30/01/2023',
    ]);
    const r = await post(dispatchUrl, 'giao.csv', toCsv([DISPATCH_HEADER, ...rows]), admin);
    const id = (r.body as ImportJob).id;
    const seen: number[] = [];
    onImportStep((importId, phase, done) => {
      if (importId !== id || phase !== 'checking') return;
      seen.push(done);
      if (done === 100) markCancelledHere(id);
    });
    await t.queue.tick();
    expect(seen).toEqual([100]);
    expect((await read(id)).state).toBe('cancelled');
    expect(await tasksTitled('Cập nhật cơ sở dữ liệu')).toBe(0);
  });

  it('refuses at queue time whoever the import would refuse: nothing queued', async () => {
    const before = await jobRows();
    const csv = toCsv([DISPATCH_HEADER, ['Báo cáo', 'SNV', '30/01/2023']]);
    // A district's secretariat: the province's dispatch and the province's period are not its.
    const dispatched = await post(dispatchUrl, 'giao.csv', csv, district);
    expect(dispatched.status).toBe(403);
    for (const path of ['/preview', `/import?mapping=${MAPPING}`]) {
      const refused = await post(`${statisticsUrl()}${path}`, 'thong-ke.csv', csv, district);
      expect(refused.status, path).toBe(403);
    }
    // A unit's officer, on another unit's plan.
    const plan = await post(
      `/api/units/SYT/plans/${w.periodId}/import?preview=true`,
      'ke-hoach.csv',
      'Stt;Mục tiêu năm 2023\n1.1;1\n',
      w.sessions['cb.snv']!,
    );
    expect(plan.status).toBe(403);
    expect((plan.body as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const viewer = await post(dispatchUrl, 'giao.csv', csv, w.sessions.xem!);
    expect(viewer.status).toBe(403);
    expect(await jobRows()).toBe(before);
  });
});
