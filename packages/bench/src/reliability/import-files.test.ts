import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, MUTATIONS, mutateBytes, mutatedFile, mutateRows } from './import-files.js';
import { seeded } from './seeded.js';

describe('mutated import files', () => {
  it('are the same for the same seed and differ for another', async () => {
    const [units] = IMPORT_KINDS;
    const make = async (seed: number) => {
      const random = seeded(seed);
      const files = [];
      for (const mutation of MUTATIONS) files.push(await mutatedFile(units!, 1, mutation, random));
      return files.map((f) => `${f.name}:${f.content.toString('base64')}`);
    };
    // exceljs stamps the time into the workbook: compare the CSV files and the file names.
    const csvOnly = (files: string[]) => files.filter((f) => f.includes('.csv:'));
    const [a, b, c] = [await make(7), await make(7), await make(8)];
    expect(a.map((f) => f.split(':')[0])).toEqual(b.map((f) => f.split(':')[0]));
    expect(csvOnly(a)).toEqual(csvOnly(b));
    expect(a).not.toEqual(c);
  });

  it('damage what they say: bytes flipped in place, a cut, a zip header, a huge cell, a row twice', () => {
    const bytes = Buffer.alloc(200, 0x41);
    const flipped = mutateBytes(bytes, 'byteFlips', seeded(1));
    expect(flipped.length).toBe(200);
    const changed = [...flipped].filter((b, i) => b !== bytes[i]).length;
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(changed).toBeLessThanOrEqual(16);
    expect(mutateBytes(bytes, 'truncation', seeded(1)).length).toBeLessThan(200);
    // Two local file headers: only bytes inside one header's fields or name may change.
    const zip = Buffer.alloc(300, 0x20);
    zip.write('PK\u0003\u0004', 10, 'latin1');
    zip.write('PK\u0003\u0004', 150, 'latin1');
    for (let seed = 1; seed < 30; seed++) {
      const damaged = mutateBytes(zip, 'zipEntryDamage', seeded(seed));
      const at = [...damaged].map((b, i) => (b !== zip[i] ? i : -1)).filter((i) => i >= 0);
      for (const i of at) expect((i >= 18 && i < 110) || (i >= 158 && i < 250)).toBe(true);
    }
    const rows = [
      ['Mã', 'Tên'],
      ['A', 'Một'],
      ['B', 'Hai'],
    ];
    const huge = mutateRows(rows, 'hugeCell', seeded(2));
    expect(Math.max(...huge.flat().map((c) => String(c).length))).toBeGreaterThanOrEqual(100_000);
    const twice = mutateRows(rows, 'duplicatedRows', seeded(2));
    expect(twice.length).toBeGreaterThan(rows.length);
    expect(twice[0]).toEqual(['Mã', 'Tên']);
    const control = mutateRows(rows, 'controlCharacters', seeded(2)).flat().join('');
    expect(
      [...control].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\u202e'),
    ).toBe(true);
    expect(rows).toEqual([
      ['Mã', 'Tên'],
      ['A', 'Một'],
      ['B', 'Hai'],
    ]);
  });
});
