import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './backup/catalog.js';
import { createBackup } from './backup/create-backup.js';
import { runCli } from './cli/run-cli.js';
import { readConfig, type ObjectStorageConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { s3Client, s3EvidenceStore } from './storage/s3-evidence-store.js';
import { captureIo, tempDir } from './test-support/files.js';
import { startTestS3, type TestS3 } from './test-support/s3.js';
import { sampleJpeg } from './test-support/sample-files.js';
import { multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { PDF, seedWorld } from './test-support/world.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const saved = { ...process.env };

// Decisions 0056, 0058: with CHISO_S3_* set, `chiso restore` (the command, as an operator runs
// it) puts each evidence file by its key in the bucket (the real s3rver process of the S3
// tests), not in the local folder. One target database only: where the files go does not
// depend on it (the restore puts them through the same store either way), and the loading of
// tables into PostgreSQL is covered by backup-restore.test.ts on both databases.
describe('chiso restore with evidence in an S3 bucket', () => {
  let dir: string;
  let s3: TestS3;
  let config: ObjectStorageConfig;
  let t: TestApp;
  let backup: string;
  const hashes: string[] = [];

  beforeAll(async () => {
    dir = await tempDir();
    s3 = await startTestS3();
    const objectStorage = readConfig({ ...s3.env, CHISO_S3_PREFIX: 'chiso' }).objectStorage;
    if (!objectStorage) throw new Error('CHISO_S3_* read as no bucket');
    config = objectStorage;
    t = await startTestApp('pglite');
    const w = await seedWorld(t);
    for (const [unitId, name, bytes, as] of [
      ['SNV', 'ke-hoach-cchc-2022.pdf', PDF, w.sessions['cb.snv']],
      ['SYT', 'ảnh chụp quyết định.jpg', sampleJpeg(), w.sessions['cb.syt']],
    ] as const) {
      const file = multipart(name, bytes);
      const r = await t.request('POST', `/api/periods/${w.periodId}/units/${unitId}/evidence`, {
        as,
        payload: file.payload,
        headers: file.headers,
      });
      expect(r.status).toBe(201);
      hashes.push(sha256(bytes));
    }
    hashes.sort();
    backup = join(dir, 'chiso.tar.gz');
    await createBackup({ db: t.deps.db, kind: t.kind }, t.deps.storage, backup, t.deps.clock());
  }, 120_000);
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  const objects = async () => {
    const client = s3Client(config);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    client.destroy();
    return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
  };
  const keyOf = (hash: string) => `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;

  /**
   * `chiso restore` into a new empty CHISO_DATA_DIR, CHISO_S3_* naming the bucket; answers the
   * restored evidence keys and what the command printed.
   */
  async function restoreInto(name: string) {
    const folder = join(dir, name);
    process.env = { ...saved, ...s3.env, CHISO_S3_PREFIX: 'chiso', CHISO_DATA_DIR: folder };
    delete process.env.DATABASE_URL;
    const capture = captureIo();
    const status = await runCli(['restore', backup], capture.io);
    expect(capture.stderr()).toBe('');
    expect(status).toBe(0);
    const restored = await openDatabase({ dataDir: folder });
    try {
      const rows = await queryRows<{ key: string }>(
        restored.db,
        sql`select distinct storage_key as key from evidence_files order by storage_key`,
      );
      return { keys: rows.map((row) => row.key), folder, stdout: capture.stdout() };
    } finally {
      await restored.close();
    }
  }

  it('puts every file by its key in the bucket, the same bytes, and nothing in the folder', async () => {
    expect(await objects()).toEqual([]);
    const { keys, folder, stdout } = await restoreInto('first');
    expect(stdout).toMatch(
      /^Đã phục hồi .* vào PGlite trong .*first: \d+ bảng, \d+ dòng, 2 tệp kiểm chứng đã kiểm SHA-256 vào /,
    );
    expect(keys).toEqual(hashes.map(keyOf));
    expect(await objects()).toEqual(hashes.map((hash) => `chiso/${keyOf(hash)}`));
    const store = s3EvidenceStore(config, join(folder, 'tmp'));
    try {
      for (const key of keys) {
        const chunks: Buffer[] = [];
        for await (const chunk of store.open(key) as AsyncIterable<Buffer>) chunks.push(chunk);
        expect(sha256(Buffer.concat(chunks)), key).toBe(key.split('/').pop());
      }
    } finally {
      store.close();
    }
    const local = await readdir(join(folder, 'evidence')).catch(() => []);
    expect(local).toEqual([]);
    // The staging file of each file was removed once it was put.
    expect(await readdir(join(folder, 'tmp'))).toEqual([]);
  }, 120_000);

  it('restores again while the bucket already holds the files (the database lost, not the bucket)', async () => {
    const { keys } = await restoreInto('second');
    expect(keys).toEqual(hashes.map(keyOf));
    expect(await objects()).toEqual(hashes.map((hash) => `chiso/${keyOf(hash)}`));
  }, 120_000);
});
