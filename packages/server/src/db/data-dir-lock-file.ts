import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite takes no lock of its own: two processes opening one data folder would both write
// it. The folder is held by a lock file with the process id (decision 0039); a lock whose
// process is gone (killed, machine restarted) is taken over. Only Node built-ins here: the
// start takes the lock before the server's code is loaded (decision 0062).

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type LockTaken =
  | { held: true; path: string; release: () => Promise<void> }
  | { held: false; path: string; holder: 'self' | 'other' | number };

/** Takes `dataDir`'s lock for this process, or says who holds it. */
export function takeDataDirLock(dataDir: string): LockTaken {
  const path = join(dataDir, 'pgdata.lock');
  if (heldHere.has(path)) return { held: false, path, holder: 'self' };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(path);
      return {
        held: true,
        path,
        release: async () => {
          heldHere.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid = Number.NaN;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        // Gone between the two calls: try again.
      }
      // Our own id in a lock we do not hold is a restart that reused the id: stale.
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        return { held: false, path, holder: pid };
      }
      try {
        unlinkSync(path);
      } catch {
        // Another process took it over first: the next attempt says who.
      }
    }
  }
  return { held: false, path, holder: 'other' };
}
