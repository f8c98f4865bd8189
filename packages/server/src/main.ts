import { join } from 'node:path';
import { buildApp } from './app.js';
import { describeFailure } from './cli/exit-codes.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { localEvidenceStore } from './storage/evidence-store.js';
import { ensureInitialAdmin } from './use-cases/users/ensure-initial-admin.js';

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  process.stderr.write(`${describeFailure(error, false).message}\n`);
  process.exit(1);
}
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
});
const deps = {
  db: database.db,
  clock: () => new Date(),
  storage: localEvidenceStore(join(config.dataDir, 'evidence')),
  config,
};
const app = await buildApp(deps);
await ensureInitialAdmin(deps, app.log);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting requests, let running ones finish, then close the database.
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `chiso đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL'})`,
);
