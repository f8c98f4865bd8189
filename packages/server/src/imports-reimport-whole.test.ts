import type { ImportJob } from '@chiso/contract';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from './backup/catalog.js';
import { jobRegistry } from './jobs/catalogue.js';
import { localQueue } from './jobs/local-queue.js';
import { onImportStep } from './use-cases/imports/import-progress.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { subtreeUnitIds, unitChain } from './repositories/unit-chains.js';
import { unitRows } from './repositories/unit-rows.js';
import { holdImportAt } from './test-support/hold-import.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// Decision 0057: a units import that changes units which exist is seen whole too. On PGlite the
// changes wait as change rows until the import's flip, the view shows them from then on, and
// they are folded into the units' rows a chunk per transaction — readers see the old names
// everywhere until the flip, the new ones everywhere after, the same during the folding.

const COUNT = 1200;

/** Units `prefix`0… named `name(i)`, and Sở Nội vụ named `snv`. */
const unitsFile = (prefix: string, name: (i: number) => string, snv: string) =>
  toCsv([
    ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị'],
    ...Array.from({ length: COUNT }, (_, i) => [`${prefix}${i}`, name(i), 'xã']),
    ['SNV', snv, 'Sở'],
  ]);
const oldName = (i: number) => `UBND xã số ${i}`;
const newName = (i: number) => `UBND xã số ${i} (tên mới)`;

interface UnitsAnswer {
  units: { id: string; name: string }[];
}

/** A step hook that holds import `id` at its first pause after the flip, until released. */
function holdWhileFolding(t: TestApp, id: string) {
  let release: (error?: Error) => void = () => undefined;
  const held = new Promise<void>((resolve, reject) => {
    release = (error) => (error ? reject(error) : resolve());
  });
  held.catch(() => undefined);
  let reach: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  let once = false;
  onImportStep(async (importId, _phase, _done, decided) => {
    if (once || importId !== id || !decided) return;
    const [job] = await queryRows<{ applied: boolean }>(
      t.deps.db,
      sql`select applied_at is not null as applied from import_jobs where id = ${id}::uuid`,
    );
    if (!job?.applied) return;
    once = true;
    reach();
    await held;
  });
  return { reached, release };
}

describe.each(DATABASE_KINDS)('a units re-import changing existing units (%s)', (kind) => {
  let t: TestApp;
  let w: World;

  vi.setConfig({ testTimeout: 180_000 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => onImportStep(undefined));

  const queueFile = async (csv: string) => {
    const body = multipart('don-vi.csv', csv);
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
  /** How many of the prefix's units the tree shows renamed, and Sở Nội vụ's name on its page. */
  const seen = async (prefix: string) => {
    const tree = (await t.request('GET', '/api/units', { as: w.sessions.admin }))
      .body as UnitsAnswer;
    const mine = tree.units.filter((u) => u.id.startsWith(prefix));
    const page = await t.request('GET', `/api/periods/${w.periodId}/units/SNV/assessment`, {
      as: w.sessions.admin,
    });
    expect(page.status).toBe(200);
    return {
      units: mine.length,
      renamed: mine.filter((u) => u.name.endsWith('(tên mới)')).length,
      snvOnPage: (page.body as { unit: { name: string } }).unit.name,
    };
  };
  const changeRows = async () =>
    (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from unit_changes`))[0]
      ?.n ?? 0;
  const importWhole = async (csv: string) => {
    const id = await queueFile(csv);
    await t.queue.tick();
    expect((await read(id)).state).toBe('succeeded');
  };

  it('shows the old names everywhere until the flip, the new ones everywhere after', async () => {
    await importWhole(unitsFile('RA', oldName, 'Sở Nội vụ'));
    const old = { units: COUNT, renamed: 0, snvOnPage: 'Sở Nội vụ' };
    const renamed = { units: COUNT, renamed: COUNT, snvOnPage: 'Sở Nội vụ (tên mới)' };
    expect(await seen('RA')).toEqual(old);

    const id = await queueFile(unitsFile('RA', newName, 'Sở Nội vụ (tên mới)'));
    // PGlite: after the first applied chunk; PostgreSQL: inside its one transaction.
    const applying = holdImportAt(
      id,
      (phase, done, decided) => phase === 'saving' && done > 0 && (kind !== 'pglite' || decided),
    );
    const ticking = t.queue.tick();
    await applying.reached;
    expect(await seen('RA')).toEqual(old);
    if (kind === 'pglite') {
      expect(await changeRows()).toBeGreaterThan(0);
      // The next pause past the flip: some changes are folded, some are not yet.
      onImportStep(undefined);
      const folding = holdWhileFolding(t, id);
      applying.release();
      await folding.reached;
      const left = await changeRows();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(COUNT + 1);
      expect(await seen('RA')).toEqual(renamed);
      // An edit by hand of a unit whose change is not folded yet: it is kept, over the change.
      const edited = await t.request('PUT', '/api/units/RA999', {
        as: w.sessions.admin,
        body: { name: 'Sửa tay trong lúc gộp', type: 'xa' },
      });
      expect(edited.status).toBe(200);
      folding.release();
    } else {
      applying.release();
    }
    await ticking;
    expect(await read(id)).toMatchObject({
      state: 'succeeded',
      result: { created: 0, updated: COUNT + 1 },
    });
    expect(await changeRows()).toBe(0);
    const tree = (await t.request('GET', '/api/units', { as: w.sessions.admin }))
      .body as UnitsAnswer;
    if (kind === 'pglite') {
      expect(tree.units.find((u) => u.id === 'RA999')?.name).toBe('Sửa tay trong lúc gộp');
      expect(await seen('RA')).toEqual({ ...renamed, renamed: COUNT - 1 });
    } else {
      expect(await seen('RA')).toEqual(renamed);
    }
    // What the table holds is what the readers saw: the folding changed nothing they see.
    const [stored] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from unit_rows where id like 'RA%' and name like '%(tên mới)'`,
    );
    expect(stored?.n).toBe(kind === 'pglite' ? COUNT - 1 : COUNT);
  });

  it.runIf(kind === 'pglite')(
    'crashed while folding, shows the new names throughout; the next start folds the rest',
    async () => {
      await importWhole(unitsFile('RB', oldName, 'Sở Nội vụ'));
      const id = await queueFile(unitsFile('RB', newName, 'Sở Nội vụ (tên mới)'));
      const folding = holdWhileFolding(t, id);
      const ticking = t.queue.tick();
      await folding.reached;
      const renamed = { units: COUNT, renamed: COUNT, snvOnPage: 'Sở Nội vụ (tên mới)' };
      // The process is gone; until the next start the readers see the import whole.
      expect(await changeRows()).toBeGreaterThan(0);
      expect(await seen('RB')).toEqual(renamed);
      const next = localQueue(t.deps, jobRegistry());
      await recoverImports({ ...t.deps, jobs: next });
      expect(await seen('RB')).toEqual(renamed);
      await next.tick();
      expect(await read(id)).toMatchObject({
        state: 'succeeded',
        result: { created: 0, updated: COUNT + 1 },
      });
      expect(await changeRows()).toBe(0);
      expect(await seen('RB')).toEqual(renamed);
      folding.release(new Error('tiến trình đã dừng'));
      await ticking.catch(() => undefined);
      expect(await seen('RB')).toEqual(renamed);
    },
  );
  it('finds a unit under the parent its change names, from the flip on only', async () => {
    const db = t.deps.db;
    await db.insert(unitRows).values([
      { id: 'MV-A', name: 'Huyện A', type: 'huyen', peerGroup: 'huyen' },
      { id: 'MV-B', name: 'Huyện B', type: 'huyen', peerGroup: 'huyen' },
      { id: 'MV-X', name: 'Xã X', type: 'xa', peerGroup: 'xa', parentId: 'MV-A' },
    ]);
    const [job] = await queryRows<{ id: string }>(
      db,
      sql`insert into import_jobs (kind, state, requested_by, file_name, committed_at)
          values ('units', 'running', ${w.ids.admin}::uuid, 'chuyen.csv', now()) returning id`,
    );
    await db.execute(sql`
      insert into unit_changes (unit_id, import_id, name, type, parent_id, peer_group)
      values ('MV-X', ${job?.id}::uuid, 'Xã X', 'xa', 'MV-B', 'xa')`);
    const under = async () => ({
      a: await subtreeUnitIds(db, 'MV-A'),
      b: await subtreeUnitIds(db, 'MV-B'),
      chain: await unitChain(db, 'MV-X'),
    });
    // Decided, not applied: the change is not seen.
    expect(await under()).toEqual({ a: ['MV-A', 'MV-X'], b: ['MV-B'], chain: ['MV-X', 'MV-A'] });
    await db.execute(sql`update import_jobs set applied_at = now() where id = ${job?.id}::uuid`);
    const moved = { a: ['MV-A'], b: ['MV-B', 'MV-X'], chain: ['MV-X', 'MV-B'] };
    expect(await under()).toEqual(moved);
    await db.execute(sql`update import_jobs set state = 'succeeded' where id = ${job?.id}::uuid`);
    // A start as on PostgreSQL (a restored backup's change rows) folds them: still the same.
    const shared = { ...t.deps.config, databaseUrl: 'postgres://khong-dung-toi' };
    await recoverImports({ ...t.deps, config: shared });
    expect(await changeRows()).toBe(0);
    expect(await under()).toEqual(moved);
  });
});
