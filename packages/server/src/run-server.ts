import { describeFailure } from './cli/exit-codes.js';
import { readConfig } from './config.js';
import type { EarlyPglite } from './db/early-pglite.js';
import { serve, type RunningServer } from './serve.js';

/**
 * The server as `npm start` runs it: the configuration from the environment, the wall clock,
 * a clean stop on SIGINT and SIGTERM. A configuration or a store that is wrong ends the process
 * with one sentence naming what to look at, no stack.
 */
export async function runServer(
  options: { early?: EarlyPglite | undefined } = {},
): Promise<RunningServer> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    process.stderr.write(`${describeFailure(error, false).message}\n`);
    process.exit(1);
  }
  let server;
  try {
    server = await serve(config, () => new Date(), options);
  } catch (error) {
    process.stderr.write(`${describeFailure(error, process.env.CHISO_DEBUG === '1').message}\n`);
    process.exit(1);
  }
  const running = server;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    running.app.log.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return running;
}
