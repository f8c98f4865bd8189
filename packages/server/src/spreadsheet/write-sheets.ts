import { newWorkbook, type Workbook } from './exceljs.js';

const FONT = { name: 'Times New Roman', size: 12 };
const MAX_WIDTH = 60;

/** A sheet as rows of plain cells; the first row is the header. */
export interface PlainSheet {
  sheet: string;
  rows: readonly (readonly (string | number | null)[])[];
}

/**
 * A workbook of plain tables (questionnaires, lists of codes): the header row bold and
 * frozen, columns as wide as their text (up to a limit), long text wrapped.
 */
export async function buildSheetsWorkbook(sheets: readonly PlainSheet[]): Promise<Workbook> {
  const workbook = await newWorkbook();
  for (const { sheet: name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const widths: number[] = [];
    rows.forEach((cells, index) => {
      const row = sheet.addRow([...cells]);
      row.font = { ...FONT, bold: index === 0 };
      row.alignment = { vertical: 'top', wrapText: true };
      cells.forEach((cell, c) => {
        const length = cell === null ? 0 : String(cell).length;
        widths[c] = Math.max(widths[c] ?? 8, Math.min(MAX_WIDTH, length + 2));
      });
    });
    widths.forEach((width, c) => {
      sheet.getColumn(c + 1).width = width;
    });
  }
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(workbook: Workbook | Promise<Workbook>): Promise<Buffer> {
  return Buffer.from(await (await workbook).xlsx.writeBuffer());
}
