import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { migratedCluster } from '../test-support/pglite-cluster.js';
import { openDatabase } from './database.js';
import { users } from './schema.js';
import { startPgliteEarly } from './early-pglite.js';

// The start opens PGlite before the server's code is loaded (decision 0062); openDatabase then
// takes it over for its own folder, or lets it go. Each path holds exactly one lock.

const folders: string[] = [];
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function existingFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chiso-early-'));
  folders.push(dir);
  await cp(await migratedCluster(), join(dir, 'pgdata'), { recursive: true });
  return dir;
}

describe('the early PGlite', () => {
  it('is taken over by openDatabase for its own folder: the same instance, one lock', async () => {
    const dir = await existingFolder();
    const early = startPgliteEarly(dir);
    expect(early).toBeDefined();
    const database = await openDatabase({ dataDir: dir, early });
    expect((database.db as unknown as { $client: unknown }).$client).toBe(await early?.client);
    // Migrated and answering: the accounts table is there, and empty.
    const [row] = await database.db.select({ n: count() }).from(users);
    expect(row?.n).toBe(0);
    await database.close();
    expect(existsSync(join(dir, 'pgdata.lock'))).toBe(false);
  });

  it('is closed and its folder let go when the server opens another folder', async () => {
    const [first, second] = [await existingFolder(), await existingFolder()];
    const early = startPgliteEarly(first);
    const database = await openDatabase({ dataDir: second, early });
    expect((await early?.client)?.closed).toBe(true);
    expect(existsSync(join(first, 'pgdata.lock'))).toBe(false);
    expect(existsSync(join(second, 'pgdata.lock'))).toBe(true);
    await database.close();
  });

  it('starts nothing on a folder already held, leaving the refusal to openDatabase', async () => {
    const dir = await existingFolder();
    const holder = await openDatabase({ dataDir: dir });
    try {
      expect(startPgliteEarly(dir)).toBeUndefined();
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        /đang được chính tiến trình này/,
      );
    } finally {
      await holder.close();
    }
  });
});
