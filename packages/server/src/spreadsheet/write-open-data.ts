import { newWorkbook } from './exceljs.js';

type Cell = string | number | null;

export interface OpenDataSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters, by position; the rest take 14. */
  widths?: readonly number[];
}

/**
 * The open-data workbook of a public period: plain sheets (a header row, then values), exact
 * numbers shown with up to six decimals, so that what a reader filters or sums is the data
 * itself and not a display of it.
 */
export async function buildOpenDataWorkbook(sheets: readonly OpenDataSheet[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((_, i) => ({ width: sheet.widths?.[i] ?? 14 }));
    const header = ws.addRow([...sheet.header]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((v) => (v === null ? null : v)));
      row.forEach((value, i) => {
        if (typeof value === 'number' && !Number.isInteger(value))
          added.getCell(i + 1).numFmt = '0.######';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
