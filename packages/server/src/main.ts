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
let server;
try {
  server = await serve(config);
} catch (error) {
  // A store or database that does not answer: one sentence naming what to look at, no stack.
  process.stderr.write(`${describeFailure(error, process.env.CHISO_DEBUG === '1').message}\n`);
  process.exit(1);
}
const running = server;

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  running.app.log.info({ signal }, 'shutting down');
  await running.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
