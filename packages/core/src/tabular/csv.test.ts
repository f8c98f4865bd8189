import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads semicolon-separated text with decimal commas, BOM and CRLF', () => {
    const table = parseCsv('\uFEFFStt;Tên;Điểm chuẩn\r\n1.1;Kế hoạch;4,5\r\n', 'bo-chi-so.csv');
    expect(table).toEqual({
      sheet: 'bo-chi-so.csv',
      rows: [
        ['Stt', 'Tên', 'Điểm chuẩn'],
        ['1.1', 'Kế hoạch', '4,5'],
      ],
    });
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    const table = parseCsv('a,b,c\n"4,5","Nói ""có""","dòng 1\ndòng 2"\n,,x', 't.csv');
    expect(table.rows).toEqual([
      ['a', 'b', 'c'],
      ['4,5', 'Nói "có"', 'dòng 1\ndòng 2'],
      [null, null, 'x'],
    ]);
  });

  it('finds the separator below title lines', () => {
    expect(parseCsv('PHỤ LỤC\n\nStt;Tên\n1;"A, B"', 't.csv').rows.at(-1)).toEqual(['1', 'A, B']);
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('a\tb\n1\t2', 't.tsv').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
