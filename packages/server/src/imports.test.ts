import type { ImportJob } from '@chiso/contract';
import { eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, importJobs, units, users } from './db/schema.js';
import { markCancelledHere, onImportStep } from './use-cases/imports/import-progress.js';
import { importAndWait } from './test-support/import-jobs.js';
import { countImportFileChunks } from './repositories/import-files.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

const UNITS_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'];
const manyUnits = (count: number, prefix: string) =>
  toCsv([
    UNITS_HEADER,
    ...Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `UBND xã số ${i}`, 'xã']),
  ]);

describe.each(DATABASE_KINDS)('imports as background jobs (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const unitsLike = async (prefix: string) =>
    (
      await t.deps.db
        .select({ id: units.id })
        .from(units)
        .where(like(units.id, `${prefix}%`))
    ).length;
  const post = (url: string, name: string, content: string, as = w.sessions.admin!) => {
    const body = multipart(name, content);
    return t.request('POST', url, { as, payload: body.payload, headers: body.headers });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  it('answers 202 with the job, runs it after the client has gone, then gives the answer', async () => {
    const r = await post('/api/units/import', 'don-vi.csv', manyUnits(3, 'JA'));
    expect(r.status).toBe(202);
    const queued = r.body as ImportJob;
    expect(queued).toMatchObject({ kind: 'units', state: 'queued', fileName: 'don-vi.csv' });
    // The client is gone: nobody polls, the queue runs the job on its own.
    expect(await unitsLike('JA')).toBe(0);
    await t.queue.tick();
    expect(await unitsLike('JA')).toBe(3);
    const read = await t.request('GET', `/api/imports/${queued.id}`, { as: w.sessions.admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      state: 'succeeded',
      phase: 'saving',
      doneRows: 3,
      totalRows: 3,
      result: { created: 3, updated: 0 },
      problems: null,
    });
    expect(await countImportFileChunks(t.deps.db, queued.id)).toBe(0);
    const audit = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, queued.id));
    expect(audit.map((a) => a.action)).toEqual(['import.queue']);
  });

  it('fails a refused file with the problems named by sheet, row and column; nothing saved', async () => {
    const { job } = await importAndWait(
      t,
      '/api/units/import',
      {
        name: 'don-vi.csv',
        content: toCsv([
          UNITS_HEADER,
          ['JB1', 'UBND xã Một', 'xã'],
          ['JB2', 'x'.repeat(301), 'xã'],
          ['JB3', 'UBND xã\u0007 Ba', 'xã'],
        ]),
      },
      w.sessions.admin!,
    );
    expect(job?.state).toBe('failed');
    expect(job?.result).toBeNull();
    expect(job?.problems?.details).toEqual([
      'Trang "don-vi.csv", dòng 4, cột B: ô chứa ký tự điều khiển U+0007, không được phép',
    ]);
    const long = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.csv', content: toCsv([UNITS_HEADER, ['JB2', 'x'.repeat(301), 'xã']]) },
      w.sessions.admin!,
    );
    expect(long.job?.problems?.details).toEqual([
      'Trang "don-vi.csv", dòng 2, cột B (Tên đơn vị): dài 301 ký tự, tối đa 300 ký tự',
    ]);
    const huge = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.csv', content: toCsv([UNITS_HEADER, ['JB4', 'x'.repeat(90_000), 'xã']]) },
      w.sessions.admin!,
    );
    expect(huge.job?.problems?.details).toEqual([
      'Trang "don-vi.csv", dòng 2, cột B: ô dài 90.000 ký tự, quá giới hạn 20.000 ký tự',
    ]);
    expect(await unitsLike('JB')).toBe(0);
  });

  it('refuses accounts with an over-long name or a control character, naming the cell', async () => {
    const header = ['Tên đăng nhập', 'Họ và tên', 'Vai trò'];
    const long = await importAndWait(
      t,
      '/api/users/import',
      { name: 'tk.csv', content: toCsv([header, ['jc.1', 'H'.repeat(201), 'người xem']]) },
      w.sessions.admin!,
    );
    expect(long.job?.problems?.details).toEqual([
      'Trang "tk.csv", dòng 2, cột B (Họ và tên): dài 201 ký tự, tối đa 200 ký tự',
    ]);
    const control = await importAndWait(
      t,
      '/api/users/import',
      { name: 'tk.csv', content: toCsv([header, ['jc.2', 'Lê\u001b An', 'người xem']]) },
      w.sessions.admin!,
    );
    expect(control.job?.problems?.details).toEqual([
      'Trang "tk.csv", dòng 2, cột B: ô chứa ký tự điều khiển U+001B, không được phép',
    ]);
    const made = await t.deps.db.select().from(users).where(like(users.username, 'jc.%'));
    expect(made).toEqual([]);
  });

  it('is cancelled when asked before its second batch, and saves nothing', async () => {
    const r = await post('/api/units/import', 'don-vi.csv', manyUnits(6000, 'JD'));
    const id = (r.body as ImportJob).id;
    const seen: string[] = [];
    onImportStep(async (importId, phase, done) => {
      seen.push(`${phase} ${done}`);
      if (importId !== id || phase !== 'checking' || done !== 2000) return;
      const cancel = await t.request('POST', `/api/imports/${id}/cancel`, {
        as: w.sessions.admin,
      });
      expect(cancel.body).toMatchObject({ state: 'running', cancelRequested: true });
    });
    await t.queue.tick();
    // The parse pauses too (decision 0055), then the cell rules, then the check.
    expect(seen).toEqual(['reading 5000', 'reading 5000', 'checking 2000']);
    const read = await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin });
    expect(read.body).toMatchObject({ state: 'cancelled', result: null, problems: null });
    expect(await unitsLike('JD')).toBe(0);
    const again = await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions.admin });
    expect(again.status).toBe(409);
  });

  it('rolls back the batches already written when cancelled while saving', async () => {
    const r = await post('/api/units/import', 'don-vi.csv', manyUnits(3000, 'JE'));
    const id = (r.body as ImportJob).id;
    onImportStep((importId, phase, done) => {
      // Inside the write transaction PGlite answers nobody else: the flag a cancel on this
      // server sets first is what the job hears there.
      if (importId === id && phase === 'saving' && done === 1000) markCancelledHere(id);
    });
    await t.queue.tick();
    expect(
      ((await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin })).body as ImportJob)
        .state,
    ).toBe('cancelled');
    expect(await unitsLike('JE')).toBe(0);
  });

  it('cancels a queued import at once', async () => {
    const r = await post('/api/units/import', 'don-vi.csv', manyUnits(2, 'JF'));
    const id = (r.body as ImportJob).id;
    const cancel = await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions.admin });
    expect(cancel.body).toMatchObject({ state: 'cancelled' });
    await t.queue.tick();
    expect(await unitsLike('JF')).toBe(0);
  });

  it('shows and stops an import only for its requester and administrators of the same reach', async () => {
    const r = await post('/api/units/import', 'don-vi.csv', manyUnits(1, 'JG'));
    const id = (r.body as ImportJob).id;
    for (const who of ['cb.snv', 'td1', 'xem']) {
      const read = await t.request('GET', `/api/imports/${id}`, { as: w.sessions[who] });
      expect(read.status, who).toBe(403);
      expect(Object.keys(read.body as object)).toEqual(['error']);
      const stop = await t.request('POST', `/api/imports/${id}/cancel`, { as: w.sessions[who] });
      expect(stop.status, who).toBe(403);
    }
    expect((await t.request('GET', `/api/imports/${id}`)).status).toBe(401);
    await t.createAccount('admin2', 'administrator');
    const admin2 = await t.login('admin2');
    expect((await t.request('GET', `/api/imports/${id}`, { as: admin2 })).status).toBe(200);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', `/api/imports/${missing}`, { as: admin2 })).status).toBe(404);
    await t.queue.tick();
  });

  it('gives first passwords once, to the requester only', async () => {
    const body = toCsv([
      ['Tên đăng nhập', 'Họ và tên', 'Vai trò'],
      ['jh.1', 'Phạm Văn Hùng', 'người xem'],
    ]);
    const { job } = await importAndWait(
      t,
      '/api/users/import',
      { name: 'tk.csv', content: body },
      w.sessions.admin!,
    );
    const created = (job?.result as { created: { initialPassword?: string }[] }).created;
    expect(created[0]?.initialPassword).toMatch(/^[a-km-np-z2-9]{12}$/);
    const again = await t.request('GET', `/api/imports/${job?.id}`, { as: w.sessions.admin });
    expect((again.body as ImportJob).result).toMatchObject({ passwordsShown: true });
    expect(JSON.stringify(again.body)).not.toContain(created[0]?.initialPassword);
    const [row] = await t.deps.db
      .select({ result: importJobs.result })
      .from(importJobs)
      .where(eq(importJobs.id, job?.id ?? ''));
    expect(JSON.stringify(row?.result)).not.toContain(created[0]?.initialPassword);
  });
});
