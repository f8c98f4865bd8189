// The real chiso server for browser tests: a fresh embedded database in a temporary folder and
// a clock that starts at CHISO_E2E_NOW and runs on, so that windows and dates are the same
// whatever day the tests run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../packages/server/dist/bundle/load-bundle.js';
import { START_BUNDLE } from '../packages/server/dist/paths.js';

// The server's code from the start bundle, as `npm start` loads it (decision 0062).
const { readConfig, serve } = loadBundle(START_BUNDLE).exports;

const dataDir = mkdtempSync(join(tmpdir(), 'chiso-e2e-'));
const start = Date.parse(process.env.CHISO_E2E_NOW ?? '');
if (Number.isNaN(start)) throw new Error('CHISO_E2E_NOW must be an ISO instant');
const startedAt = Date.now();
// Every answer the browser tests get is checked against its route's contract (decision 0015):
// one that breaks it is a 500, and the log says which field.
const server = await serve(
  readConfig({ ...process.env, CHISO_DATA_DIR: dataDir, CHISO_VALIDATE_RESPONSES: '1' }),
  () => new Date(start + Date.now() - startedAt),
);

const stop = async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
