import { readConfig } from '../../server/dist/config.js';
import { serve } from '../../server/dist/serve.js';

/**
 * The real server for the HTTP figure, in a process of its own as in production: `serve` on a
 * PGlite data directory, the clock fixed at the bench's instant so every run sees the same
 * statuses, logging at the default level (to /dev/null, as the parent ignores it). It tells
 * its port to the parent, its processor time on "cpu", and stops on "stop".
 *
 * With a fifth argument, the database is that PostgreSQL server's instead (evidence files stay
 * in the data directory).
 *
 * Usage (forked): node overview-server.js <data dir> <ISO instant> <admin user> <password> [database URL]
 */
const [dataDir = '', at = '', username = '', password = '', databaseUrl] = process.argv.slice(2);
const now = new Date(at);
const server = await serve(
  readConfig({
    CHISO_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    CHISO_ADMIN_USERNAME: username,
    CHISO_ADMIN_PASSWORD: password,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The assessment bench measures its page with the answers' cache on and off (0051).
    ...(process.env.CHISO_ASSESSMENT_CACHE
      ? { CHISO_ASSESSMENT_CACHE: process.env.CHISO_ASSESSMENT_CACHE }
      : {}),
  }),
  () => now,
);
const address = server.app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message) => {
  // The processor time spent so far, so that the parent can tell the cost of each request.
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void server.close().then(() => process.exit(0));
});
