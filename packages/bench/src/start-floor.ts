import { readFileSync } from 'node:fs';

/**
 * The bare floor of any command reading a request: a Node process that starts, reads the
 * request file and parses its JSON, then exits. What `chiso results` spends beyond it is our
 * own modules' loading, the checks, the computation and the output.
 *
 * Usage: node start-floor.js <request.json>
 */
const path = process.argv[2];
if (path === undefined) throw new Error('usage: node start-floor.js <request.json>');
const request = JSON.parse(readFileSync(path, 'utf8')) as { units?: unknown[] };
if (!Array.isArray(request.units)) throw new Error(`${path}: no units`);
