import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as PgliteModule from '@electric-sql/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { CODE_URL } from '../paths.js';
import { takeDataDirLock } from './data-dir-lock-file.js';
import { pgliteOptions } from './pglite-options.js';
import { needsSeed, seedFromTemplate } from './pglite-template.js';

/** A PGlite folder taken and started before the server's code is loaded (decision 0062). */
export interface EarlyPglite {
  dataDir: string;
  client: Promise<PGlite>;
  release: () => Promise<void>;
}

/**
 * Takes the folder's lock and starts PGlite at once, so that its start and the template's copy
 * run while the server's code loads. PGlite is required, not imported: the bundle requires the
 * same module, and one copy of PGlite's JavaScript is loaded, not two. Anything unusual (the
 * folder held, not writable) is left to openDatabase, which says what is wrong in Vietnamese.
 */
export function startPgliteEarly(dataDir: string): EarlyPglite | undefined {
  let taken;
  try {
    mkdirSync(dataDir, { recursive: true });
    taken = takeDataDirLock(dataDir);
  } catch {
    return undefined;
  }
  if (!taken.held) return undefined;
  const { PGlite: Pglite } = createRequire(CODE_URL)('@electric-sql/pglite') as typeof PgliteModule;
  const pgdata = join(dataDir, 'pgdata');
  const open = () => {
    const started = new Pglite(pgdata, pgliteOptions(Pglite));
    // Nobody awaits its start until openDatabase's first query: a failure meanwhile must not
    // end the process unhandled; that query sees it and openDatabase reports it.
    started.waitReady.catch(() => undefined);
    return started;
  };
  let client: Promise<PGlite>;
  if (needsSeed(pgdata)) {
    // The copies are in flight when this returns; PGlite starts once they are done.
    client = seedFromTemplate(pgdata).then((seeded) => {
      if (!seeded) mkdirSync(pgdata, { recursive: true });
      return open();
    });
  } else {
    // Constructed now, before the first await: PGlite starts while the code loads.
    try {
      mkdirSync(pgdata, { recursive: true });
      client = Promise.resolve(open());
    } catch {
      // A folder that cannot be made or opened: openDatabase tries again and says why.
      void taken.release();
      return undefined;
    }
  }
  // Whoever adopts it awaits it; a failure is theirs to report.
  client.catch(() => undefined);
  return { dataDir, client, release: taken.release };
}
