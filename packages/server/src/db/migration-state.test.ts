import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  emptyPostgresDatabase,
  type DatabaseKind,
} from '../test-support/test-app.js';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from './database.js';
import { isMigrated } from './migration-state.js';

interface Journal {
  entries: { tag: string }[];
}

const journal = JSON.parse(
  await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
) as Journal;

/** The committed migrations but the last, as a folder of their own: a database one behind. */
async function allButLast(dir: string): Promise<string> {
  const entries = journal.entries.slice(0, -1);
  const folder = join(dir, 'migrations');
  await mkdir(join(folder, 'meta'), { recursive: true });
  await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) {
    await copyFile(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`));
  }
  return folder;
}

/** A database one migration behind, and how to open it as the server does. */
interface Behind {
  open: (onQuery: (sql: string) => void) => ReturnType<typeof openDatabase>;
  drop: () => Promise<void>;
}

async function behindDatabase(kind: DatabaseKind, dir: string): Promise<Behind> {
  const folder = await allButLast(dir);
  if (kind === 'pglite') {
    await mkdir(join(dir, 'data', 'pgdata'), { recursive: true });
    const client = new PGlite(join(dir, 'data', 'pgdata'));
    await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
    await client.close();
    return {
      open: (onQuery) => openDatabase({ dataDir: join(dir, 'data'), onQuery }),
      drop: () => Promise.resolve(),
    };
  }
  const { url, drop } = await emptyPostgresDatabase('chiso_migrated');
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await migratePg(drizzlePg(pool), { migrationsFolder: folder });
  await pool.end();
  return { open: (onQuery) => openDatabase({ databaseUrl: url, onQuery }), drop };
}

/** The rows of drizzle's table of applied migrations, counted. */
async function recordedMigrations(database: Database): Promise<unknown[]> {
  const result: unknown = await database.db.execute(
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  // Both drivers answer with `rows`.
  if (typeof result !== 'object' || result === null || !('rows' in result)) return [];
  return Array.isArray(result.rows) ? (result.rows as unknown[]) : [];
}

describe.each(DATABASE_KINDS)('the migrator runs only for a database behind (%s)', (kind) => {
  let dir: string;
  let behind: Behind;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chiso-migration-state-'));
    behind = await behindDatabase(kind, dir);
  });
  afterAll(async () => {
    await behind.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates a database one behind, then leaves it alone once current', async () => {
    const first: string[] = [];
    const database = await behind.open((sql) => first.push(sql));
    // The migrator ran: its statements went through the driver, and every migration is recorded.
    expect(first.some((sql) => sql.includes('__drizzle_migrations'))).toBe(true);
    expect(await recordedMigrations(database)).toEqual([{ n: journal.entries.length }]);
    await database.close();

    const second: string[] = [];
    const again = await behind.open((sql) => second.push(sql));
    // Current: not one statement of the migrator (the check itself goes by the raw client).
    expect(second).toEqual([]);
    expect(await recordedMigrations(again)).toEqual([{ n: journal.entries.length }]);
    await again.close();
  });
});

describe('isMigrated', () => {
  it('says a database never migrated is behind, and one with every migration is not', async () => {
    const client = new PGlite();
    const query = (text: string) => client.query(text);
    expect(await isMigrated(query, MIGRATIONS_FOLDER)).toBe(false);
    await client.exec('CREATE SCHEMA drizzle');
    expect(await isMigrated(query, MIGRATIONS_FOLDER)).toBe(false);
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    expect(await isMigrated(query, MIGRATIONS_FOLDER)).toBe(true);
    await client.close();
  });

  it('passes on any other failure of the query', async () => {
    const failing = () =>
      Promise.reject(Object.assign(new Error('mất kết nối'), { code: '08006' }));
    await expect(isMigrated(failing, MIGRATIONS_FOLDER)).rejects.toThrow('mất kết nối');
  });
});
