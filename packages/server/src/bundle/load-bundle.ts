// Loads the start bundle (decision 0062) the way Node loads a CommonJS file, but through
// vm.Script with V8's code cache: Node 20 has no compile cache of its own (module.
// enableCompileCache is Node 22), and compiling the server's code is much of its start.
// Only Node built-ins here: this runs before anything else is loaded.
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type * as BundleEntry from '../bundle-entry.js';

export type BundleExports = typeof BundleEntry;

export interface LoadedBundle {
  exports: BundleExports;
  /** What V8 did with the cache: compiled from it, refused it (another V8 or flags), none yet. */
  cache: 'used' | 'rejected' | 'none';
  /**
   * Writes the code compiled so far as the cache for the next start, unless it came from one.
   * Called once the server listens, so that the functions the start ran are in it.
   */
  saveCache: () => string | undefined;
}

/** Node's own CommonJS wrapper (Module.wrap), which Node's ES module loader does not export. */
const wrap = (source: string) =>
  `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/** Where caches are kept: beside the bundle, or in the temporary folder if that is read-only. */
function cacheDirs(file: string): string[] {
  let user = 'user';
  try {
    user = String(userInfo().uid);
  } catch {
    // No passwd entry (a container's arbitrary uid): one shared name is enough.
  }
  return [join(dirname(file), 'v8-cache'), join(tmpdir(), `chiso-v8-cache-${user}`)];
}

/**
 * Cached data is code V8 runs: a folder is used only if it is this user's own and nobody else
 * may write in it (a shared temporary folder could otherwise be handed a planted cache).
 */
function isOwnFolder(dir: string): boolean {
  try {
    const info = lstatSync(dir);
    if (!info.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(dirs: string[], name: string): Buffer | undefined {
  for (const dir of dirs) {
    if (!isOwnFolder(dir)) continue;
    try {
      return readFileSync(join(dir, name));
    } catch {
      // Not there: try the next folder.
    }
  }
  return undefined;
}

function writeCache(dirs: string[], name: string, data: Buffer): string | undefined {
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!isOwnFolder(dir)) continue;
      const path = join(dir, name);
      const partial = `${path}.${process.pid}.part`;
      writeFileSync(partial, data, { mode: 0o600 });
      // Renamed into place: another process never reads half a cache.
      renameSync(partial, path);
      for (const old of readdirSync(dir)) {
        if (old !== name && old.endsWith('.v8cache')) rmSync(join(dir, old), { force: true });
      }
      return path;
    } catch {
      // A read-only folder: try the next one; with none, the next start compiles again.
    }
  }
  return undefined;
}

/** The hash bundle-server.ts wrote on the first line, or the source's own for any other file. */
function bundleHash(source: string): string {
  const stamped = /^\/\/ chiso-bundle ([0-9a-f]{40})\n/.exec(source.slice(0, 60));
  return stamped?.[1] ?? createHash('sha1').update(source).digest('hex');
}

/**
 * Compiles and runs the bundle in this context, with the cache of a previous start when V8
 * accepts it. V8 checks its version, its flags and the source's length; the cache's name holds a
 * hash of the source (written on the bundle's first line when it is built), so a rebuilt bundle
 * of the same length never takes an old cache.
 */
export function loadBundle(file: string, dirs = cacheDirs(file)): LoadedBundle {
  // The bundle is ASCII (bundle-server.ts): Latin-1 reads it into a one-byte string at once,
  // where UTF-8 would decode and check 6 MB.
  const source = readFileSync(file, 'latin1');
  const name = `${bundleHash(source).slice(0, 20)}.v8cache`;
  const cachedData = readCache(dirs, name);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const cache = cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none';
  // The bundle's dynamic imports of external packages (bundle-server.ts says why).
  Object.defineProperty(globalThis, '__chisoImport', {
    value: (id: string) => import(id),
    configurable: true,
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as Wrapper;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports as BundleExports,
    cache,
    saveCache: () =>
      cache === 'used' ? undefined : writeCache(dirs, name, script.createCachedData()),
  };
}
