// What `npm start` runs (decision 0062): the embedded database's lock taken and PGlite started
// first, then the server from its start bundle with V8's code cache while PGlite boots, or
// from its compiled modules when there is no bundle (a build without esbuild).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBundle } from './bundle/load-bundle.js';
import { startPgliteEarly } from './db/early-pglite.js';
import { START_BUNDLE } from './paths.js';

// The same folder readConfig resolves; if the configuration says otherwise, openDatabase lets
// this one go.
const early = process.env.DATABASE_URL
  ? undefined
  : startPgliteEarly(resolve(process.env.CHISO_DATA_DIR ?? './data'));

const CACHE_TOLD = {
  used: 'dùng bản biên dịch đã lưu từ lần chạy trước',
  rejected: 'bản biên dịch đã lưu không hợp với Node này, biên dịch lại và lưu cho lần sau',
  none: 'biên dịch lần đầu, lưu cho lần chạy sau',
} as const;

if (existsSync(START_BUNDLE)) {
  const bundle = loadBundle(START_BUNDLE);
  const running = await bundle.exports.runServer({ early });
  running.app.log.info(`Mã máy chủ nạp từ một gói: ${CACHE_TOLD[bundle.cache]}`);
  // After the first start of a new bundle: written once the server answers, so that it holds
  // the code the start compiled and the next start skips compiling it.
  setImmediate(() => bundle.saveCache());
} else {
  const { runServer } = await import('./run-server.js');
  await runServer({ early });
}
