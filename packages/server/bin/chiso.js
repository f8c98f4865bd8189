#!/usr/bin/env node
// Runs the compiled command line; `npm install` builds it (the root "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('chiso chưa được biên dịch: hãy chạy "npm run build" ở thư mục gốc.\n');
  process.exit(70);
}
await import(entry.href);
