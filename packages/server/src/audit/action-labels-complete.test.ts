import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABELS } from '@chiso/core';
import { describe, expect, it } from 'vitest';

const SOURCES = fileURLToPath(new URL('..', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** An action code: dotted words, as "entry.self.save" or "auth.signIn.failed". */
const CODE = /'([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)'/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every code the server gives the audit writer: the literals of each `action:` value (a plain
 * string, a ternary's two, a union type's members), and those the migrations insert themselves.
 */
function writtenCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sourceFiles(SOURCES)) {
    for (const [, value = ''] of readFileSync(file, 'utf8').matchAll(/\baction:([^,;]*)/g)) {
      for (const [, code = ''] of value.matchAll(CODE)) codes.set(code, relative(SOURCES, file));
    }
  }
  for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql'))) {
    const text = readFileSync(join(MIGRATIONS, name), 'utf8');
    for (const [insert = ''] of text.matchAll(/INSERT INTO "audit_log"[^;]*/gi)) {
      for (const [, code = ''] of insert.matchAll(CODE)) codes.set(code, name);
    }
  }
  return codes;
}

// Decision 0056: a new action cannot reach the trail as "Thay đổi khác" unnoticed.
describe('the audit trail’s action labels', () => {
  const codes = writtenCodes();

  it('finds the codes however they are written (the scan itself works)', () => {
    // A plain literal, both sides of a ternary, a union type's member, a migration's insert.
    for (const code of [
      'auth.signIn',
      'statistics.import',
      'statistics.push',
      'task.reopen',
      'entry.repair',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(90);
  });

  it('has a Vietnamese label for every action code the server writes', () => {
    const missing = [...codes].filter(([code]) => !Object.hasOwn(AUDIT_ACTION_LABELS, code));
    expect(missing.map(([code, where]) => `${code} (${where})`)).toEqual([]);
  });

  it('labels nothing the server never writes', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((code) => !codes.has(code))).toEqual([]);
  });
});
