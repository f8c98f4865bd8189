import { readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { MIGRATIONS_FOLDER, openDatabase, type Database, type Db } from '../db/database.js';
import { codeMigrations, readTables, queryRows, type MigrationStep } from './catalog.js';
import { copyFile, loadTable, resetSequences } from './load-entries.js';
import { fileEntry, MANIFEST_ENTRY, type Manifest } from './manifest.js';
import { backupEntries, checkLevel, verifyBackup } from './read-backup.js';
import { fixTextSettings } from './table-rows.js';
import { localEvidenceStore, type EvidenceStore } from '../storage/evidence-store.js';

export interface RestoreTarget {
  /** A PostgreSQL server's database; without it PGlite in `dataDir/pgdata`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Where the evidence files go (the local evidence store's folder), without `objectStore`. */
  evidenceDir: string;
  /**
   * The bucket of CHISO_S3_* when evidence is kept there (0040): each file is put by its key,
   * objects already there kept (the same key is the same bytes), staged in `dataDir/tmp` (0056).
   */
  objectStore?: EvidenceStore | undefined;
}

export interface RestoreSummary {
  manifest: Manifest;
  kind: Database['kind'];
}

const refuse = (message: string) => new DomainError(ERROR_CODES.INVALID_STATE, message);

async function entriesOf(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** An empty folder, or one holding only the store's empty `tmp`, takes a restore. */
async function checkEmptyFolders(target: RestoreTarget): Promise<void> {
  if (!target.objectStore) await checkEmptyEvidenceFolder(target.evidenceDir);
  if (!target.databaseUrl && (await entriesOf(join(target.dataDir, 'pgdata'))).length > 0) {
    throw refuse(
      `Thư mục ${join(target.dataDir, 'pgdata')} đã có cơ sở dữ liệu: chỉ phục hồi vào thư mục trống (chuyển thư mục cũ đi chỗ khác hoặc đặt CHISO_DATA_DIR khác)`,
    );
  }
}

async function checkEmptyEvidenceFolder(evidenceDir: string): Promise<void> {
  const evidence = (await entriesOf(evidenceDir)).filter((name) => name !== 'tmp');
  const evidenceTmp = await entriesOf(join(evidenceDir, 'tmp'));
  if (evidence.length > 0 || evidenceTmp.length > 0) {
    throw refuse(
      `Thư mục tệp kiểm chứng ${evidenceDir} đã có tệp: chỉ phục hồi vào thư mục trống (chuyển thư mục cũ đi chỗ khác hoặc đặt CHISO_DATA_DIR khác)`,
    );
  }
}

async function checkEmptyDatabase(db: Db): Promise<void> {
  const result = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')
        order by c.relname`,
  );
  if (result.length > 0) {
    const names = result.slice(0, 5).map((row) => row.name);
    throw refuse(
      `Cơ sở dữ liệu đích đã có ${result.length} bảng hoặc đối tượng (${names.join(', ')}${result.length > 5 ? ', …' : ''}): chỉ phục hồi vào một cơ sở dữ liệu trống (tạo mới bằng createdb)`,
    );
  }
}

/** The code's migrations up to the backup's level, recorded as drizzle's migrator does. */
async function migrateTo(tx: Db, steps: MigrationStep[]): Promise<void> {
  await tx.execute(sql.raw(`create schema if not exists "drizzle"`));
  await tx.execute(
    sql.raw(`create table if not exists "drizzle"."__drizzle_migrations" (
      id serial primary key, hash text not null, created_at bigint)`),
  );
  for (const step of steps) {
    for (const statement of step.statements) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values (${step.hash}, ${step.folderMillis})`,
    );
  }
}

/** The tables the migrations made must be the backup's, column for column. */
async function checkTables(tx: Db, manifest: Manifest) {
  const tables = await readTables(tx);
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const listed of manifest.tables) {
    const table = byName.get(listed.name);
    const same =
      table !== undefined && JSON.stringify(table.columns) === JSON.stringify(listed.columns);
    if (!same) {
      throw new DomainError(
        ERROR_CODES.FILE_REJECTED,
        `Bảng ${listed.name} của bản sao lưu không khớp với lược đồ ở mức di chuyển ${manifest.migration.level}: bản sao lưu bị sửa hoặc không do chiso tạo`,
      );
    }
  }
  if (tables.length !== manifest.tables.length) {
    const missing = tables.filter((t) => !manifest.tables.some((m) => m.name === t.name));
    throw new DomainError(
      ERROR_CODES.FILE_REJECTED,
      `Bản sao lưu thiếu bảng ${missing.map((t) => t.name).join(', ')}`,
    );
  }
  return byName;
}

/**
 * Restores a backup into an empty target: checks the target, then the whole file (every SHA-256, the
 * migration level), then in one transaction runs the migrations up to the backup's level,
 * loads every table and copies every file (each SHA-256 checked again), and commits; on any
 * failure nothing stays behind. Later migrations of this code run after the commit, as at a
 * server's start.
 */
export async function restoreBackup(file: string, target: RestoreTarget): Promise<RestoreSummary> {
  await checkEmptyFolders(target);
  const code = codeMigrations(MIGRATIONS_FOLDER);
  const check = async () => {
    const manifest = await verifyBackup(file);
    checkLevel(manifest, code);
    return manifest;
  };
  // A PostgreSQL target is asked first, as that is quick; a PGlite folder (slow to create) is
  // made only once the file is known good.
  const early = target.databaseUrl ? undefined : await check();
  const createdPgdata = !target.databaseUrl;
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.databaseUrl ? undefined : target.dataDir,
    migrate: false,
  });
  const store = target.objectStore
    ? { evidence: target.objectStore, stagingDir: join(target.dataDir, 'tmp') }
    : {
        evidence: localEvidenceStore(target.evidenceDir),
        // On the folder's own disk, so that a checked file is linked into place, not copied.
        stagingDir: join(target.evidenceDir, 'tmp'),
      };
  // The keys this restore put in the store, none there before it.
  const written: string[] = [];
  let restored = false;
  let manifest: Manifest;
  try {
    await checkEmptyDatabase(database.db);
    const checked = early ?? (await check());
    manifest = checked;
    const { migration } = checked;
    await database.db.transaction(async (tx) => {
      await fixTextSettings(tx);
      await migrateTo(tx, code.slice(0, migration.level));
      const tables = await checkTables(tx, checked);
      const files = new Map(checked.files.map((item) => [item.entry, item]));
      const listed = new Map(checked.tables.map((table) => [table.entry, table]));
      for await (const entry of backupEntries(file)) {
        const table = listed.get(entry.name);
        const item = files.get(entry.name);
        if (table) {
          const info = tables.get(table.name);
          if (!info) throw new Error(`table ${table.name} vanished`);
          await loadTable(tx, table, { ...info, columns: table.columns }, entry.body);
        } else if (item) {
          if (fileEntry(item.key) !== item.entry) throw new Error(`bad entry ${item.entry}`);
          await copyFile(store, item, entry.body, written);
        } else if (entry.name !== MANIFEST_ENTRY) {
          throw new DomainError(
            ERROR_CODES.FILE_REJECTED,
            `Mục ${entry.name} không có trong ${MANIFEST_ENTRY}: bản sao lưu đã bị sửa`,
          );
        }
      }
      await resetSequences(tx);
    });
    restored = true;
  } finally {
    await database.close();
    if (!restored) {
      // A folder is left as empty as it was found. Objects put in a bucket stay: named by their
      // SHA-256, referenced by no row, the same bytes a retry would put there again (0056).
      if (!target.objectStore) {
        for (const key of written) {
          await unlink(join(target.evidenceDir, ...key.split('/'))).catch(() => undefined);
        }
      }
      if (createdPgdata) {
        await rm(join(target.dataDir, 'pgdata'), { recursive: true, force: true });
      }
    }
  }
  // This code's later migrations, as a server's start would run them.
  const migrated = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.databaseUrl ? undefined : target.dataDir,
  });
  await migrated.close();
  return { manifest, kind: database.kind };
}
