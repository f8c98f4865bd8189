import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeMigrations } from '../backup/catalog.js';
import { checkLevel, verifyBackup } from '../backup/read-backup.js';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/database.js';
import { units } from '../db/schema.js';
import { captureIo, tempDir } from '../test-support/files.js';
import { runCli } from './run-cli.js';
import { unitRows } from '../repositories/unit-rows.js';

const saved = { ...process.env };

/** The command line as an operator runs it, with CHISO_DATA_DIR pointing at `dataDir`. */
async function cli(args: string[], dataDir: string) {
  process.env.CHISO_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const capture = captureIo();
  const status = await runCli(args, capture.io);
  return { status, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe('chiso backup and chiso restore (PGlite in CHISO_DATA_DIR)', () => {
  let dir: string;
  let source: string;

  beforeAll(async () => {
    dir = await tempDir();
    source = join(dir, 'nguon');
    const database = await openDatabase({ dataDir: source });
    await database.db
      .insert(unitRows)
      .values({ id: 'SNV', name: 'Sở Nội vụ', type: 'so', peerGroup: 'so' });
    await database.close();
  }, 60_000);
  afterEach(() => {
    process.env = { ...saved };
  });

  it('backs up, refuses to overwrite, and restores into an empty folder only', async () => {
    const file = join(dir, 'sao-luu.tar.gz');
    let r = await cli(['backup', '--out', file], source);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Đã sao lưu vào .*sao-luu\.tar\.gz \(\d+,\d MB\): \d+ bảng, \d+ dòng/,
    );
    expect((await verifyBackup(file)).tables.find((t) => t.name === 'unit_rows')?.rows).toBe(1);

    r = await cli(['backup', '--out', file], source);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('đã có: chọn một tên tệp khác');

    const target = join(dir, 'dich');
    r = await cli(['restore', file], target);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Đã phục hồi .* vào PGlite trong .*dich: \d+ bảng, \d+ dòng, 0 tệp/);
    const restored = await openDatabase({ dataDir: target });
    expect(await restored.db.select().from(units)).toMatchObject([
      { id: 'SNV', name: 'Sở Nội vụ' },
    ]);
    await restored.close();

    r = await cli(['restore', file], target);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('đã có cơ sở dữ liệu: chỉ phục hồi vào thư mục trống');
  }, 60_000);

  it('refuses a folder a running server holds, and takes over a dead process lock', async () => {
    const held = await openDatabase({ dataDir: source });
    try {
      const r = await cli(['backup', '--out', join(dir, 'khi-dang-chay.tar.gz')], source);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('hãy dừng máy chủ trước rồi chạy lại');
    } finally {
      await held.close();
    }
    // Another live process (the test runner's parent) holds it: refused, naming the process.
    await writeFile(join(source, 'pgdata.lock'), `${process.ppid}\n`);
    let r = await cli(['backup', '--out', join(dir, 'khoa.tar.gz')], source);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`tiến trình ${process.ppid}`);
    // A process that is gone (killed, machine restarted) left it: taken over.
    await writeFile(join(source, 'pgdata.lock'), '2147483646\n');
    r = await cli(['backup', '--out', join(dir, 'khoa.tar.gz')], source);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    await expect(readFile(join(source, 'pgdata.lock'))).rejects.toThrow();
  }, 60_000);

  it('refuses a backup from a newer migration level than the code', async () => {
    const manifest = await verifyBackup(join(dir, 'sao-luu.tar.gz'));
    const code = codeMigrations(MIGRATIONS_FOLDER);
    expect(() => checkLevel(manifest, code)).not.toThrow();
    expect(() => checkLevel(manifest, code.slice(0, -1))).toThrow(
      /mới hơn phiên bản chiso này \(mức \d+.*hãy cập nhật chiso rồi phục hồi/,
    );
    const other = code.map((step, i) => (i === 2 ? { ...step, hash: '0'.repeat(64) } : step));
    expect(() => checkLevel(manifest, other)).toThrow(/di chuyển thứ 3/);
  });

  it('says how to call restore', async () => {
    const r = await cli(['restore'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dùng: chiso restore <tệp sao lưu>');
    expect((await cli(['backup'], dir)).stderr).toContain('cần --out');
  });
});
