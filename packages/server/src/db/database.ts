import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { EarlyPglite } from './early-pglite.js';
import { pgliteOptions } from './pglite-options.js';
import { isMigrated, type RawQuery } from './migration-state.js';
import { seedFromTemplate } from './pglite-template.js';
import * as schema from './schema.js';
import { MIGRATIONS_FOLDER } from '../paths.js';
import { LOCKS, withAdvisoryLock } from './advisory-lock.js';

export type Schema = typeof schema;

/** A database handle or a transaction: repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/** Committed SQL migrations, next to the compiled code and the sources alike. */
export { MIGRATIONS_FOLDER };

/**
 * Opens PostgreSQL: a real server when a URL is given, otherwise PGlite (PostgreSQL in
 * WebAssembly) in `dataDir/pgdata`, or in memory when `dataDir` is undefined. Migrations run
 * before anything else touches the database, unless `migrate` is false (a restore runs them
 * itself, up to the backup's level). A PGlite folder is held by one process at a time.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL only: migrate as this role (the owner), then connect as databaseUrl's (0038). */
  migrationDatabaseUrl?: string | undefined;
  migrate?: boolean;
  /** Told of every statement sent (its SQL text): what a test counts the queries of a page by. */
  onQuery?: ((sql: string) => void) | undefined;
  /** PGlite taken and started by the start before the code loaded (0062): used if it is dataDir's. */
  early?: EarlyPglite | undefined;
}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.databaseUrl) await adoptEarly(options);
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if (options.databaseUrl) {
    if (migrate && options.migrationDatabaseUrl) await migrateAsOwner(options.migrationDatabaseUrl);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it and the next query reports any real outage.
    pool.on('error', () => undefined);
    // numeric stays a string: points are exact decimals, never floats.
    const db = drizzlePg(pool, { schema, ...(logger ? { logger } : {}) });
    // Servers started together migrate one after the other: the first applies what is new, the
    // others then find nothing to do (at once, two created the same tables and one failed).
    if (migrate && !options.migrationDatabaseUrl) {
      await migrateIfBehind(pool.query.bind(pool), () =>
        withAdvisoryLock(pool, LOCKS.migrations, () =>
          migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
        ),
      ).catch(async (error: unknown) => {
        await pool.end();
        throw error;
      });
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  let client: PGlite;
  let release = () => Promise.resolve();
  const early = await adoptEarly(options);
  if (early) {
    release = early.release;
    client = await early.client.catch(async (error: unknown) => {
      await release();
      throw error;
    });
  } else if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    release = await lockDataDir(options.dataDir);
    const dir = join(options.dataDir, 'pgdata');
    // Under the folder's lock: two processes never seed the same folder. Only where migrations
    // run: a restore wants a bare cluster, to migrate it to its backup's level itself.
    if (!(migrate && (await seedFromTemplate(dir)))) await mkdir(dir, { recursive: true });
    client = new PGlite(dir, pgliteOptions(PGlite));
  } else {
    client = new PGlite(pgliteOptions(PGlite));
  }
  const close = async () => {
    await client.close().finally(release);
  };
  const db = drizzlePglite(client, { schema, ...(logger ? { logger } : {}) });
  if (migrate) {
    await migrateIfBehind(
      (text) => client.query(text),
      () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ).catch(async (error: unknown) => {
      await close();
      throw error;
    });
  }
  return { db: db as unknown as Db, kind: 'pglite', close };
}

/**
 * The PGlite the start opened early, if it is the folder asked for now (a server opens with
 * migrations); any other is closed and its folder let go, before anything else opens.
 */
async function adoptEarly(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  migrate?: boolean;
  early?: EarlyPglite | undefined;
}): Promise<EarlyPglite | undefined> {
  const { early, dataDir } = options;
  if (!early) return undefined;
  const wanted = !options.databaseUrl && (options.migrate ?? true) && dataDir !== undefined;
  if (wanted && resolve(dataDir) === early.dataDir) return early;
  await early.client.then((started) => started.close()).catch(() => undefined);
  await early.release();
  return undefined;
}

/** Runs the committed migrations on PostgreSQL as the role of `url` (the database owner). */
export async function migrateAsOwner(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  try {
    const db = drizzlePg(pool, { schema });
    await migrateIfBehind(pool.query.bind(pool), () =>
      withAdvisoryLock(pool, LOCKS.migrations, () =>
        migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      ),
    );
  } finally {
    await pool.end();
  }
}

/**
 * Runs the migrator only when the database is behind the committed migrations. A server started
 * beside another that is migrating sees it behind and waits on the migrations' lock as before.
 */
async function migrateIfBehind(query: RawQuery, run: () => Promise<unknown>): Promise<void> {
  if (await isMigrated(query, MIGRATIONS_FOLDER)) return;
  await run();
}

/**
 * Whether `db` is a pool of PostgreSQL connections (others can query beside a transaction), as
 * opposed to PGlite's one connection that a transaction holds whole.
 */
export function isPooled(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;
}
