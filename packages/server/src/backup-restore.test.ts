import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from './backup/create-backup.js';
import { readTables, queryRows } from './backup/catalog.js';
import { restoreBackup, type RestoreTarget } from './backup/restore-backup.js';
import { fixTextSettings, readTableRows } from './backup/table-rows.js';
import { openDatabase, type Db } from './db/database.js';
import { importFileChunks, importJobs } from './db/schema.js';
import { sampleJpeg } from './test-support/sample-files.js';
import { tempDir } from './test-support/files.js';
import {
  DATABASE_KINDS,
  emptyPostgresDatabase,
  multipart,
  startTestApp,
  type TestApp,
} from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';
import { unitRows } from './repositories/unit-rows.js';

/** Every table, every row ordered by primary key, as the text PostgreSQL gives each value. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await fixTextSettings(tx);
    const out: Record<string, string> = {};
    for (const table of await readTables(tx)) {
      const lines: string[] = [];
      await readTableRows(tx, table, async (rows) => {
        for (const row of rows) lines.push(JSON.stringify(row));
      });
      out[table.name] = lines.join('\n');
    }
    return out;
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function evidenceHashes(db: Db, root: string): Promise<Record<string, string>> {
  const result = await queryRows<{ key: string }>(
    db,
    sql`select distinct storage_key as key from evidence_files order by storage_key`,
  );
  const out: Record<string, string> = {};
  for (const { key } of result) out[key] = sha256(await readFile(join(root, key)));
  return out;
}

/** Bytes of one tar entry changed in place, and the archive compressed again. */
function tamper(archive: Buffer, entryName: string): Buffer {
  const tar = gunzipSync(archive);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('ascii')
      .replace(/\0.*$/s, '');
    const size = parseInt(tar.subarray(offset + 124, offset + 136).toString('ascii'), 8);
    if (name === entryName) {
      const at = offset + 512 + Math.floor(size / 2);
      tar[at] = (tar[at] ?? 0) ^ 0xff;
      return gzipSync(tar);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no entry ${entryName}`);
}

const TARGETS = process.env.CHISO_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

describe.each(DATABASE_KINDS)('backup and restore (from %s)', (kind) => {
  let t: TestApp;
  let w: World;
  let dir: string;
  let backup: string;
  let source: Record<string, string>;
  const unit = (id: string) => `/api/periods/${w.periodId}/units/${id}`;

  beforeAll(async () => {
    dir = await tempDir();
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
    const officer = w.sessions['cb.snv'];
    for (const [code, body] of [
      ['1.1', { facts: { completedOn: '20/01/2022' }, version: 0 }],
      ['3.1', { facts: { numerator: 574, denominator: 596 }, version: 0 }],
      ['3.2', { points: '1,75', explanation: 'Đã công khai 95% TTHC', version: 0 }],
    ] as const) {
      const r = await t.request('PUT', `${unit('SNV')}/entries/${code}`, { as: officer, body });
      expect(r.status).toBe(200);
    }
    const uploads: [string, string, Buffer, typeof officer][] = [
      ['SNV', 'ke-hoach-cchc-2022.pdf', PDF, officer],
      ['SYT', 'ảnh chụp quyết định.jpg', sampleJpeg(), w.sessions['cb.syt']],
    ];
    for (const [unitId, name, bytes, as] of uploads) {
      const file = multipart(name, bytes);
      const r = await t.request('POST', `${unit(unitId)}/evidence`, {
        as,
        payload: file.payload,
        headers: file.headers,
      });
      expect(r.status).toBe(201);
      if (unitId === 'SNV') {
        const evidenceId = (r.body as { evidence: { id: string } }).evidence.id;
        const linked = await t.request('PUT', `${unit('SNV')}/entries/1.1/evidence`, {
          as,
          body: { evidenceId, pageRef: 'trang 2, mục II' },
        });
        expect(linked.status).toBe(200);
      }
    }
    // A child whose key sorts before its parent's, and a waiting import's raw bytes.
    await t.deps.db.insert(unitRows).values([
      { id: 'ZZ-HUYEN', name: 'UBND huyện Thanh Hà', type: 'huyen', peerGroup: 'huyen' },
      {
        id: 'AA-XA',
        name: 'UBND xã Thanh Lang',
        type: 'xa',
        peerGroup: 'xa',
        parentId: 'ZZ-HUYEN',
      },
    ]);
    const [waiting] = await t.deps.db
      .insert(importJobs)
      .values({
        kind: 'units',
        requestedBy: w.ids.admin ?? '',
        fileName: 'don-vi.xlsx',
        parameters: { sheet: 'Đơn vị', note: 'dòng "đầu"\n\\x' },
      })
      .returning();
    // Its file in two pieces (decision 0055), one a full 1 MB piece of every byte value.
    await t.deps.db.insert(importFileChunks).values([
      {
        importId: waiting?.id ?? '',
        n: 0,
        bytes: Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => i % 256)),
      },
      {
        importId: waiting?.id ?? '',
        n: 1,
        bytes: Buffer.from([0, 1, 2, 0x5c, 0x78, 255, 0x27, 0x22]),
      },
    ]);
    // A change row not folded yet (decision 0057): the backup takes it, the view shows it.
    await t.deps.db.execute(sql`
      insert into unit_changes (unit_id, import_id, name, type, parent_id, peer_group)
      values ('AA-XA', ${waiting?.id ?? ''}::uuid, 'UBND xã Thanh Lang (tên mới)', 'xa',
              'ZZ-HUYEN', 'xa')`);
    backup = join(dir, 'chiso.tar.gz');
    const summary = await createBackup(
      { db: t.deps.db, kind: t.kind },
      t.deps.storage,
      backup,
      t.deps.clock(),
    );
    expect(summary.manifest.files).toHaveLength(2);
    source = await snapshot(t.deps.db);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a manifest of every table and file, with the audit trail in it', async () => {
    const { verifyBackup } = await import('./backup/read-backup.js');
    const manifest = await verifyBackup(backup);
    const names = manifest.tables.map((table) => table.name);
    // The units' table is unit_rows under the units view (decision 0054); a view is not backed up.
    expect(names).not.toContain('units');
    expect(names.indexOf('unit_rows')).toBeGreaterThan(-1);
    expect(names.indexOf('unit_rows')).toBeLessThan(names.indexOf('periods'));
    expect(names.indexOf('evidence_files')).toBeLessThan(names.indexOf('entry_evidence'));
    expect(new Set(names)).toEqual(new Set(Object.keys(source)));
    const rows = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
    expect(rows.audit_log).toBeGreaterThan(5);
    expect(rows.entries).toBe(3);
    expect(rows.evidence_files).toBe(2);
    expect(rows.unit_changes).toBe(1);
    expect(manifest.migration.level).toBeGreaterThanOrEqual(14);
    expect(manifest.source).toBe(kind);
  });

  it.each(TARGETS)(
    'restores into an empty %s target, every row and every file alike',
    async (to) => {
      const folder = join(dir, `to-${to}`);
      const postgres = to === 'postgres' ? await emptyPostgresDatabase('chiso_restore') : undefined;
      const target: RestoreTarget = {
        databaseUrl: postgres?.url,
        dataDir: folder,
        evidenceDir: join(folder, 'evidence'),
      };
      try {
        await restoreBackup(backup, target);
        const restored = await openDatabase({
          databaseUrl: postgres?.url,
          dataDir: postgres ? undefined : folder,
        });
        try {
          const copy = await snapshot(restored.db);
          for (const name of Object.keys(source)) expect(copy[name], name).toBe(source[name]);
          expect(Object.keys(copy).sort()).toEqual(Object.keys(source).sort());
          const [changed] = await queryRows<{ name: string }>(
            restored.db,
            sql`select name from units where id = 'AA-XA'`,
          );
          expect(changed?.name).toBe('UBND xã Thanh Lang (tên mới)');
          const root = join(t.deps.config.dataDir, 'evidence');
          const files = await evidenceHashes(t.deps.db, root);
          expect(Object.keys(files)).toHaveLength(2);
          expect(await evidenceHashes(restored.db, target.evidenceDir)).toEqual(files);
          for (const [key, hash] of Object.entries(files)) expect(key.endsWith(hash)).toBe(true);
          // The trail goes on after the restored rows, and stays append-only.
          const next = await queryRows<{ id: string }>(
            restored.db,
            sql`insert into audit_log (at, action, entity_type, entity_id)
              values (now(), 'test', 'test', 'x') returning id::text as id`,
          );
          const last = await queryRows<{ id: string }>(
            t.deps.db,
            sql`select max(id)::text as id from audit_log`,
          );
          expect(Number(next[0]?.id)).toBe(Number(last[0]?.id) + 1);
          await expect(restored.db.execute(sql`delete from audit_log`)).rejects.toThrow();
        } finally {
          await restored.close();
        }
        // The same target again is not empty: refused, naming what is there.
        await expect(restoreBackup(backup, target)).rejects.toThrow(/đã có|chỉ phục hồi vào/);
        if (postgres) {
          await rm(target.evidenceDir, { recursive: true, force: true });
          await expect(restoreBackup(backup, target)).rejects.toThrow(
            /Cơ sở dữ liệu đích đã có \d+ bảng/,
          );
        }
      } finally {
        await postgres?.drop();
      }
    },
    120_000,
  );

  it('refuses a backup with one byte changed in a file, naming the file, and restores nothing', async () => {
    const { verifyBackup } = await import('./backup/read-backup.js');
    const manifest = await verifyBackup(backup);
    const evidence = manifest.files[0]?.entry ?? '';
    const bad = join(dir, 'tampered.tar.gz');
    await writeFile(bad, tamper(await readFile(backup), evidence));
    const folder = join(dir, 'tampered-target');
    const target = { dataDir: folder, evidenceDir: join(folder, 'evidence') };
    const error = await restoreBackup(bad, target).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'FILE_REJECTED',
      issues: [{ field: evidence, message: expect.stringMatching(/SHA-256/) as unknown }],
    });
    const table = manifest.tables.find((t) => t.name === 'entries')?.entry ?? '';
    await writeFile(bad, tamper(await readFile(backup), table));
    const other = await restoreBackup(bad, target).catch((e: unknown) => e);
    expect(other).toMatchObject({ issues: [{ field: table }] });
    // Nothing was created in the target.
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(folder).catch(() => [])).toEqual([]);
    // A damaged compressed stream names where it broke.
    const raw = await readFile(backup);
    raw[Math.floor(raw.length / 2)] = (raw[Math.floor(raw.length / 2)] ?? 0) ^ 0xff;
    await writeFile(bad, raw);
    await expect(restoreBackup(bad, target)).rejects.toThrow(
      /không phải bản sao lưu chiso đọc được hoặc đã hỏng/,
    );
  }, 60_000);
});
