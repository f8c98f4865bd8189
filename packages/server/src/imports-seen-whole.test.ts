import type { ImportJob } from '@chiso/contract';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from './db/schema.js';
import { jobRegistry } from './jobs/catalogue.js';
import { localQueue } from './jobs/local-queue.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { holdImportAt, storedUnitsLike } from './test-support/hold-import.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// Decision 0054: a units import is seen whole or not at all. While it is applied (on PGlite a
// chunk per transaction, on PostgreSQL one transaction) readers see no unit it creates and no
// change it makes; after its last step they see all of it.

const RENAMED = 'Sở Nội vụ tỉnh (tên mới)';
const RENAMED_AGAIN = 'Sở Nội vụ tỉnh (tên mới nhất)';

/** `count` new communes and a new name for Sở Nội vụ, which the world has already. */
const importFile = (count: number, prefix: string, name: string) =>
  toCsv([
    ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'],
    ...Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `UBND xã số ${i}`, 'xã']),
    ['SNV', name, 'Sở'],
  ]);

interface UnitsAnswer {
  units: { id: string; name: string }[];
}

describe.each(DATABASE_KINDS)('readers during a units import (%s)', (kind) => {
  let t: TestApp;
  let w: World;

  vi.setConfig({ testTimeout: 120_000 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  const queueFile = async (rows: number, prefix: string, name: string) => {
    const body = multipart('don-vi.csv', importFile(rows, prefix, name));
    const r = await t.request('POST', '/api/units/import', {
      as: w.sessions.admin,
      payload: body.payload,
      headers: body.headers,
    });
    expect(r.status).toBe(202);
    return (r.body as ImportJob).id;
  };
  const read = async (id: string) =>
    (await t.request('GET', `/api/imports/${id}`, { as: w.sessions.admin })).body as ImportJob;
  /** What the tree, the period page and a unit's assessment page say of the import. */
  const seen = async (prefix: string, renamed = RENAMED) => {
    const tree = (await t.request('GET', '/api/units', { as: w.sessions.admin }))
      .body as UnitsAnswer;
    const pages = await Promise.all(
      [`/api/periods/${w.periodId}`, `/api/periods/${w.periodId}/units/SNV/assessment`].map(
        async (url) => {
          const r = await t.request('GET', url, { as: w.sessions.admin });
          expect(r.status, url).toBe(200);
          return JSON.stringify(r.body);
        },
      ),
    );
    return {
      created: tree.units.filter((u) => u.id.startsWith(prefix)).length,
      snv: tree.units.find((u) => u.id === 'SNV')?.name,
      renamedOnPages: pages.filter((page) => page.includes(renamed)).length,
    };
  };
  const before = { created: 0, snv: 'Sở Nội vụ', renamedOnPages: 0 };
  const snvAudits = async () =>
    t.deps.db
      .select({ action: auditLog.action, before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, 'SNV'), like(auditLog.action, 'unit.update')));

  it('shows no created and no changed unit until its last step, then all of it', async () => {
    const id = await queueFile(2999, 'WA', RENAMED);
    // PGlite: after the first applied chunk; PostgreSQL: inside its one transaction.
    const held = holdImportAt(
      id,
      (phase, done, decided) => phase === 'saving' && done > 0 && (kind !== 'pglite' || decided),
    );
    const ticking = t.queue.tick();
    await held.reached;
    expect(await seen('WA')).toEqual(before);
    if (kind === 'pglite') {
      expect(await storedUnitsLike(t.deps.db, 'WA')).toBeGreaterThan(0);
    }
    held.release();
    await ticking;
    expect(await read(id)).toMatchObject({
      state: 'succeeded',
      result: { created: 2999, updated: 1 },
    });
    expect(await seen('WA')).toEqual({ created: 2999, snv: RENAMED, renamedOnPages: 2 });
    const audits = await snvAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.before).toMatchObject({ name: 'Sở Nội vụ' });
  });

  it.runIf(kind === 'pglite')(
    'crashed during its apply, shows nothing until the next start has completed it whole',
    async () => {
      const id = await queueFile(2999, 'WB', RENAMED_AGAIN);
      const held = holdImportAt(id, (_phase, _done, decided) => decided);
      const ticking = t.queue.tick();
      await held.reached;
      // The process is gone; until the next start the readers see the table as it was.
      const old = { created: 0, snv: RENAMED, renamedOnPages: 0 };
      expect(await seen('WB', RENAMED_AGAIN)).toEqual(old);
      const next = localQueue(t.deps, jobRegistry());
      await recoverImports({ ...t.deps, jobs: next });
      expect(await seen('WB', RENAMED_AGAIN)).toEqual(old);
      await next.tick();
      expect(await read(id)).toMatchObject({
        state: 'succeeded',
        result: { created: 2999, updated: 1 },
      });
      const whole = { created: 2999, snv: RENAMED_AGAIN, renamedOnPages: 2 };
      expect(await seen('WB', RENAMED_AGAIN)).toEqual(whole);
      expect(await snvAudits()).toHaveLength(2);
      held.release(new Error('tiến trình đã dừng'));
      await ticking;
      expect(await seen('WB', RENAMED_AGAIN)).toEqual(whole);
    },
  );
});
