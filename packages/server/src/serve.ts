import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { localEvidenceStore } from './storage/evidence-store.js';
import { ensureInitialAdmin } from './use-cases/users/ensure-initial-admin.js';

export interface RunningServer {
  app: FastifyInstance;
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close: () => Promise<void>;
}

/**
 * Opens the database, builds the app and listens. The clock is a parameter so that browser
 * tests can run the real server on a fixed calendar; `main.ts` passes the wall clock.
 */
export async function serve(
  config: Config,
  clock: () => Date = () => new Date(),
): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const deps = {
    db: database.db,
    clock,
    storage: localEvidenceStore(join(config.dataDir, 'evidence')),
    config,
  };
  const app = await buildApp(deps);
  await ensureInitialAdmin(deps, app.log);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `chiso đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
