import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from './load-bundle.js';

// A small CommonJS file shaped like the start bundle: it requires a built-in, reads its own
// __filename, and imports a package dynamically through the loader's function (Node 20 cannot
// import() from a script compiled with cached data).
const script = (answer: number) => `"use strict";
const path = require("node:path");
module.exports.runServer = async () => ({
  answer: ${answer},
  file: path.basename(__filename),
  joined: (await __chisoImport("node:path")).join("a", "b"),
});
`;

let dir: string;
let caches: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chiso-bundle-'));
  caches = join(dir, 'cache');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = async (file: string) => {
  const loaded = loadBundle(file, [caches]);
  const result = (await loaded.exports.runServer()) as unknown;
  return { loaded, result };
};

describe('loadBundle', () => {
  it('compiles without a cache, saves one, then runs from it with dynamic imports working', async () => {
    const file = join(dir, 'server.bundle.cjs');
    await writeFile(file, script(1));
    const first = await run(file);
    expect(first.loaded.cache).toBe('none');
    expect(first.result).toEqual({ answer: 1, file: 'server.bundle.cjs', joined: join('a', 'b') });
    expect(first.loaded.saveCache()).toMatch(/\.v8cache$/);
    expect(await readdir(caches)).toHaveLength(1);

    const second = await run(file);
    expect(second.loaded.cache).toBe('used');
    // The very case Node 20 breaks on: import() from code compiled out of the cache.
    expect(second.result).toEqual(first.result);
    // Nothing to write when the code came from the cache.
    expect(second.loaded.saveCache()).toBeUndefined();
  });

  it('never runs an old cache for a rebuilt bundle of the same length, and keeps one cache', async () => {
    const file = join(dir, 'server.bundle.cjs');
    await writeFile(file, script(1));
    (await run(file)).loaded.saveCache();
    // Same length, other code: V8 alone would take the old cache (it checks only the length).
    await writeFile(file, script(2));
    const rebuilt = await run(file);
    expect(rebuilt.loaded.cache).toBe('none');
    expect(rebuilt.result).toMatchObject({ answer: 2 });
    rebuilt.loaded.saveCache();
    expect(await readdir(caches)).toHaveLength(1);
    expect((await run(file)).loaded.cache).toBe('used');
  });

  it('takes no cache from a folder others may write in (cached data is code V8 runs)', async () => {
    const file = join(dir, 'server.bundle.cjs');
    await writeFile(file, script(4));
    (await run(file)).loaded.saveCache();
    expect((await run(file)).loaded.cache).toBe('used');
    await chmod(caches, 0o777);
    const shared = await run(file);
    expect(shared.loaded.cache).toBe('none');
    expect(shared.result).toMatchObject({ answer: 4 });
    expect(shared.loaded.saveCache()).toBeUndefined();
  });

  it('still loads when no cache folder can be written', async () => {
    const file = join(dir, 'server.bundle.cjs');
    await writeFile(file, script(3));
    // A file where the folder should be: mkdir fails, as on a read-only install.
    await writeFile(caches, 'not a folder');
    const loaded = loadBundle(file, [caches]);
    expect(loaded.saveCache()).toBeUndefined();
    expect(await loaded.exports.runServer()).toMatchObject({ answer: 3 });
  });
});
