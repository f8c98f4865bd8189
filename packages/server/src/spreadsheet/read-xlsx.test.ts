import { CELL_STEP_ROWS, type Cell, type Table } from '@chiso/core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { csvField } from '../use-cases/public-results/csv.js';
import { formulaSafeText } from './formula-guard.js';
import { parseTables } from './read-table.js';
import { buildOpenDataWorkbook } from './write-open-data.js';
import { buildSheetsWorkbook, workbookBytes } from './write-sheets.js';

/** What a cell read as with ExcelJS, the reader before decision 0035 (its `toCell`). */
function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return excelCell((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return null;
}

/** The tables as ExcelJS read them before: the behaviour to keep. */
async function tablesWithExcelJS(bytes: Buffer): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        cells[colNumber - 1] = excelCell(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
    });
    return { sheet: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

async function sampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Điểm');
  sheet.addRow(['Mã', 'Tên đơn vị', 'Điểm', 'Ngày', 'Đạt']);
  sheet.addRow(['1.1', 'Sở Tư pháp', 12.5, new Date(Date.UTC(2026, 10, 20)), true]);
  sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
  sheet.addRow(['1.2', { richText: [{ text: 'Sở ', font: { bold: true } }, { text: 'Y tế' }] }]);
  sheet.getCell('C3').value = { formula: 'C2*2', result: 25 };
  sheet.getCell('E3').value = false;
  // An empty row, then a row with a gap and a styled empty cell at its end.
  sheet.getCell('A5').value = '2';
  sheet.getCell('C5').value = -3;
  sheet.getCell('F5').font = { bold: true };
  sheet.getCell('B6').value = { text: 'Cổng', hyperlink: 'https://example.vn' };
  sheet.getCell('C6').value = { error: '#N/A' };
  sheet.getCell('A7').value = '=1+1';
  sheet.mergeCells('A8:C9');
  sheet.getCell('A8').value = 'Gộp';
  const second = workbook.addWorksheet('Trống');
  second.getCell('B2').value = 0;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('.xlsx read by yauzl + saxes as ExcelJS read it', () => {
  it('reads shared and rich strings, numbers, dates, booleans, formulas, gaps and merged cells', async () => {
    const bytes = await sampleWorkbook();
    const tables = await parseTables(bytes, 'diem.xlsx');
    expect(tables).toEqual(await tablesWithExcelJS(bytes));
    const [sheet] = tables;
    expect(sheet?.rows[1]).toEqual(['1.1', 'Sở Tư pháp', 12.5, '2026-11-20', true]);
    expect(sheet?.rows[2]).toEqual(['1.2', 'Sở Y tế', 25, null, false]);
    expect(sheet?.rows[3]).toEqual([]);
    expect(sheet?.rows[4]).toEqual(['2', null, -3, null, null, null]);
    expect(sheet?.rows[6]).toEqual(['=1+1']);
    expect(sheet?.rows[7]).toEqual(['Gộp', 'Gộp', 'Gộp']);
    expect(sheet?.rows[8]).toEqual(['Gộp', 'Gộp', 'Gộp']);
  });

  it('reads inline strings with runs and phonetic hints, prefixed names and a 1904 workbook', async () => {
    const zip = await JSZip.loadAsync(await sampleWorkbook());
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}"><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>Ủy ban </x:t></x:r><x:r><x:t xml:space="preserve">nhân dân</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ウ</x:t></x:rPh></x:is></x:c>' +
        '<x:c r="C1" t="inlineStr"><x:is><x:t>a &amp; b &lt;c&gt; &#7899;</x:t></x:is></x:c></x:row>' +
        '<x:row r="3"><x:c r="B3" s="1"><x:v>0</x:v></x:c><x:c><x:v>7</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>kết quả</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    zip.file('xl/workbook.xml', workbookXml.replace('<workbookPr', '<workbookPr date1904="1"'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const [sheet] = await parseTables(bytes, 'noi-dong.xlsx');
    expect(sheet?.rows).toEqual([
      ['Ủy ban nhân dân', null, 'a & b <c> ớ'],
      [],
      // Style 1 is the sample's date format: day 0 of a 1904 workbook.
      [null, '1904-01-01', 7, 'kết quả'],
    ]);
    // ExcelJS itself fails on prefixed element names (x:row), which some producers write.
    await expect(tablesWithExcelJS(bytes)).rejects.toThrow();
  });
});

describe('exports no spreadsheet evaluates', () => {
  const hostile = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'Sở = 1'];

  it('prefixes CSV text that reads as a formula, never numbers', () => {
    expect(hostile.map(formulaSafeText)).toEqual([
      "'=1+1",
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      'Sở = 1',
    ]);
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField('-')).toBe("'-");
  });

  it('writes .xlsx text as string cells, never as formulas', async () => {
    const files = [
      await workbookBytes(buildSheetsWorkbook([{ sheet: 'A', rows: [hostile, [-1, 2]] }])),
      await buildOpenDataWorkbook([{ name: 'B', header: hostile, rows: [[-1, '=2']] }]),
    ];
    for (const bytes of files) {
      const xml = (await (
        await JSZip.loadAsync(bytes)
      )
        .file('xl/worksheets/sheet1.xml')
        ?.async('string')) as string;
      expect(xml).not.toMatch(/<f[ >]/);
      const [table] = await parseTables(bytes, 'xuat.xlsx');
      // XML reads a carriage return as a line feed; the text stays text.
      expect(table?.rows[0]).toEqual(hostile.map((text) => text.replace('\r', '\n')));
      expect(table?.rows[1]?.[0]).toBe(-1);
    }
  });

  it('pauses every 5.000 rows as a CSV parse does, so the event loop gets turns meanwhile', async () => {
    const ROWS = 11_000;
    const rows = Array.from({ length: ROWS }, (_, i) => [
      `Đơn vị ${i}`,
      i,
      i % 7 === 0 ? 'có' : null,
    ]);
    const bytes = await workbookBytes(buildSheetsWorkbook([{ sheet: 'Lớn', rows }]));
    // A timer set before the parse: it fires only if the parse gives the event loop a turn.
    let fired = false;
    const timer = setTimeout(() => (fired = true), 0);
    const pauses: number[] = [];
    const [table] = await parseTables(bytes, 'lon.xlsx', async (steps) => {
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        pauses.push(next.value);
        await nextTurn();
      }
    });
    clearTimeout(timer);
    expect(table?.rows).toHaveLength(ROWS);
    expect(table?.rows[ROWS - 1]).toEqual([
      `Đơn vị ${ROWS - 1}`,
      ROWS - 1,
      (ROWS - 1) % 7 === 0 ? 'có' : null,
    ]);
    // One pause per 5.000 rows read (at the next gap between two inflated pieces).
    expect(pauses.length).toBe(Math.floor(ROWS / CELL_STEP_ROWS));
    pauses.forEach((at, i) => expect(at).toBeGreaterThanOrEqual((i + 1) * CELL_STEP_ROWS));
    expect(fired).toBe(true);
  });
});
