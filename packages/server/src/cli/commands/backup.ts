import { join, resolve } from 'node:path';
import { formatCount, formatVietnamTime } from '@chiso/core';
import { readConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { configuredStore } from '../../storage/configured-store.js';
import { createBackup } from '../../backup/create-backup.js';
import { restoreBackup } from '../../backup/restore-backup.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/**
 * `chiso backup --out <tệp>`: the configured database (DATABASE_URL, or PGlite in
 * CHISO_DATA_DIR, which must not be in use by a running server) and its evidence files.
 */
export async function runBackup(options: { out?: string | undefined }, io: CliIo): Promise<void> {
  if (!options.out) throw new UsageError('cần --out <tệp sao lưu, ví dụ chiso-2026-12-02.tar.gz>');
  const config = readConfig(process.env);
  // The evidence where the server keeps it: the bucket of CHISO_S3_*, or the folder (0056).
  const evidence = await configuredStore(config);
  await evidence.check();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    const out = resolve(options.out);
    const { manifest, bytes } = await createBackup(database, evidence.store, out, new Date());
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    io.stdout(
      `Đã sao lưu vào ${out} (${megabytes(bytes)}): ${manifest.tables.length} bảng, ${formatCount(rows)} dòng, ` +
        `${manifest.files.length} tệp kiểm chứng; mức di chuyển ${manifest.migration.level} (${manifest.migration.tag}).\n`,
    );
  } finally {
    await database.close();
    evidence.close();
  }
}

/**
 * `chiso restore <tệp>`: into the configured target, which must be empty (a new PostgreSQL
 * database, or a CHISO_DATA_DIR without data and evidence).
 */
export async function runRestore(file: string | undefined, io: CliIo): Promise<void> {
  if (!file) throw new UsageError('dùng: chiso restore <tệp sao lưu>');
  const config = readConfig(process.env);
  const path = resolve(file);
  // With CHISO_S3_* the files go into the bucket, by their keys, as the servers will read them.
  const evidence = config.objectStorage ? await configuredStore(config) : undefined;
  await evidence?.check();
  const { manifest, kind } = await restoreBackup(path, {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    evidenceDir: join(config.dataDir, 'evidence'),
    objectStore: evidence?.store,
  }).finally(() => evidence?.close());
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  const where = kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  io.stdout(
    `Đã phục hồi ${path} (tạo lúc ${formatVietnamTime(Date.parse(manifest.createdAt))}) vào ${where}: ${manifest.tables.length} bảng, ` +
      `${formatCount(rows)} dòng, ${manifest.files.length} tệp kiểm chứng đã kiểm SHA-256 vào ${evidence ? evidence.store.description : `thư mục ${join(config.dataDir, 'evidence')}`}.\n`,
  );
}
