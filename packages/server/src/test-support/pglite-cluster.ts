import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../db/database.js';

/**
 * A test's PGlite database, copied from a migrated cluster instead of made afresh (decision
 * 0060): a new in-memory PGlite runs initdb in WebAssembly and every migration, 4–7 s of CPU
 * at load 8, against 1,7 s to copy a cluster and open it. The cluster is made once per PGlite
 * version and migrations (their bytes name it), by whichever test needs it first, in the
 * machine's temporary folder, and reused by every later test and run; `npm run build`'s own
 * template (decision 0049) is not there when CI runs the tests, before building.
 */
export async function copiedPgliteDatabase(
  onQuery?: (sql: string) => void,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const cluster = await migratedCluster();
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-test-pglite-'));
  try {
    await cp(cluster, join(dataDir, 'pgdata'), { recursive: true });
    // The migrator still runs, and finds nothing to do: the same path as a server's start.
    const database = await openDatabase({ dataDir, onQuery });
    return { database, drop: () => rm(dataDir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

let made: Promise<string> | undefined;

/** The migrated cluster every PGlite test app copies (made once). */
export function migratedCluster(): Promise<string> {
  made ??= makeCluster().catch((error: unknown) => {
    made = undefined;
    throw error;
  });
  return made;
}

async function makeCluster(): Promise<string> {
  const target = join(tmpdir(), `chiso-test-pglite-cluster-${await clusterKey()}`);
  if (existsSync(join(target, 'PG_VERSION'))) return target;
  // Made aside and renamed in place: a test file in another process never sees half of one.
  const building = await mkdtemp(`${target}.building-`);
  try {
    const client = new PGlite(building);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    // A clean shutdown: every copy starts without crash recovery.
    await client.close();
    await rename(building, target).catch((error: unknown) => {
      // Another process renamed its own first: the same bytes, keep that one.
      if (!existsSync(join(target, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return target;
}

/** PGlite's version and every migration's bytes: what the cluster's contents follow from. */
async function clusterKey(): Promise<string> {
  const hash = createHash('sha256');
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  hash.update(await readFile(join(dir, 'package.json')));
  const files = (await readdir(MIGRATIONS_FOLDER, { recursive: true })).sort();
  for (const file of files) {
    if (!/\.(sql|json)$/.test(file)) continue;
    hash.update(file);
    hash.update(await readFile(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
