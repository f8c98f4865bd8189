import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { MIGRATIONS_FOLDER, type Database, type Db } from '../db/database.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { codeMigrations, migrationLevel, readTables, queryRows } from './catalog.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  chisoVersion,
  fileEntry,
  MANIFEST_ENTRY,
  tableEntry,
  type Manifest,
} from './manifest.js';
import { fixTextSettings, readTableRows } from './table-rows.js';
import { TarWriter } from './tar.js';

export interface BackupSummary {
  manifest: Manifest;
  bytes: number;
}

interface StoredKey {
  key: string;
  sha256: string;
  bytes: number;
}

/** Checks the applied migrations against the code's and gives the level (decision 0039). */
async function levelOf(db: Db): Promise<Manifest['migration']> {
  const applied = (await migrationLevel(db)) ?? [];
  const code = codeMigrations(MIGRATIONS_FOLDER);
  if (applied.length === 0) {
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Cơ sở dữ liệu chưa có dữ liệu chiso nào');
  }
  applied.forEach((hash, i) => {
    if (code[i]?.hash !== hash) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Cơ sở dữ liệu đã được nâng cấp bởi một phiên bản chiso khác (di chuyển thứ ${i + 1} không khớp với mã này): hãy sao lưu bằng phiên bản chiso đã chạy nó`,
      );
    }
  });
  const last = code[applied.length - 1];
  return { level: applied.length, tag: last?.tag ?? '', hashes: applied };
}

/**
 * Writes a backup of the whole database and every evidence file it names to `out`, a
 * gzip-compressed tar: the tables as JSON Lines in load order, the files by their storage
 * keys, `manifest.json` last. The tables are read in one REPEATABLE READ, read-only
 * transaction, so they are one consistent instant even with a server writing meanwhile; files
 * are never overwritten, so reading them after it is safe. The file appears under its name
 * only once complete; an existing file is never replaced.
 */
export async function createBackup(
  database: Pick<Database, 'db' | 'kind'>,
  storage: EvidenceStore,
  out: string,
  now: Date,
): Promise<BackupSummary> {
  if (
    await stat(out).then(
      () => true,
      () => false,
    )
  ) {
    throw new DomainError(ERROR_CODES.INVALID_STATE, `Tệp ${out} đã có: chọn một tên tệp khác`);
  }
  const work = await mkdtemp(join(dirname(out), `.${basename(out)}.`));
  try {
    const staged: { entry: string; path: string }[] = [];
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      chisoVersion: chisoVersion(),
      createdAt: now.toISOString(),
      source: database.kind,
      migration: { level: 0, tag: '', hashes: [] },
      tables: [],
      files: [],
    };
    const keys = await database.db.transaction(
      async (tx) => {
        await fixTextSettings(tx);
        manifest.migration = await levelOf(tx);
        const tables = await readTables(tx);
        for (const [index, table] of tables.entries()) {
          const entry = tableEntry(index, table.name);
          const path = join(work, `${index}.jsonl`);
          const file = createWriteStream(path, { flags: 'wx' });
          const hash = createHash('sha256');
          let rows = 0;
          let bytes = 0;
          await readTableRows(tx, table, async (page) => {
            const text = page.map((row) => `${JSON.stringify(row)}\n`).join('');
            const chunk = Buffer.from(text);
            hash.update(chunk);
            bytes += chunk.length;
            rows += page.length;
            if (!file.write(chunk)) await once(file, 'drain');
          });
          file.end();
          await once(file, 'finish');
          staged.push({ entry, path });
          manifest.tables.push({
            name: table.name,
            entry,
            columns: table.columns,
            primaryKey: table.primaryKey,
            rows,
            sha256: hash.digest('hex'),
            bytes,
          });
        }
        const stored = await queryRows<{ key: string; sha256: string; bytes: string }>(
          tx,
          sql`select distinct storage_key as key, sha256, size_bytes::text as bytes
              from evidence_files order by storage_key`,
        );
        return stored.map((row): StoredKey => ({
          key: row.key,
          sha256: row.sha256,
          bytes: Number(row.bytes),
        }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const partial = join(work, 'backup.tar.gz');
    const gzip = createGzip({ level: 6 });
    const file = createWriteStream(partial, { flags: 'wx' });
    const written = once(file, 'close');
    gzip.pipe(file);
    const tar = new TarWriter(gzip, now);
    for (const table of manifest.tables) {
      const path = staged.find((s) => s.entry === table.entry)?.path ?? '';
      await tar.add(table.entry, table.bytes, createReadStream(path) as AsyncIterable<Buffer>);
    }
    for (const stored of keys) {
      const entry = fileEntry(stored.key.replaceAll('\\', '/'));
      const hash = createHash('sha256');
      await tar
        .add(entry, stored.bytes, hashing(storage, stored.key, hash))
        .catch((error: unknown) => {
          throw new DomainError(
            ERROR_CODES.INVALID_STATE,
            `Không đọc được tệp kiểm chứng ${stored.key} trong kho (${error instanceof Error ? error.message : String(error)}): kho tệp thiếu hoặc hỏng tệp này`,
          );
        });
      const actual = hash.digest('hex');
      if (actual !== stored.sha256) {
        throw new DomainError(
          ERROR_CODES.INVALID_STATE,
          `Tệp kiểm chứng ${stored.key} trong kho không khớp SHA-256 đã ghi trong cơ sở dữ liệu: kho tệp bị hỏng`,
        );
      }
      manifest.files.push({
        entry,
        key: stored.key.replaceAll('\\', '/'),
        sha256: actual,
        bytes: stored.bytes,
      });
    }
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await tar.add(MANIFEST_ENTRY, text.length, [text]);
    await tar.finish();
    await written;
    // link() refuses an existing name: a file made meanwhile is not replaced either.
    await link(partial, out);
    return { manifest, bytes: (await stat(out)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function* hashing(
  storage: EvidenceStore,
  key: string,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<Buffer> {
  for await (const chunk of storage.open(key) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield chunk;
  }
}
