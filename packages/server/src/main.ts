import { describeFailure } from './cli/exit-codes.js';
import { readConfig } from './config.js';
import { serve } from './serve.js';

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  process.stderr.write(`${describeFailure(error, false).message}\n`);
  process.exit(1);
}
const server = await serve(config);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  server.app.log.info({ signal }, 'shutting down');
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
