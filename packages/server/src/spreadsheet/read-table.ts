import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DomainError, ERROR_CODES, parseCsv, type Cell, type Table } from '@chiso/core';
import ExcelJS from 'exceljs';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function rejected(file: string, message: string): DomainError {
  return new DomainError(ERROR_CODES.IMPORT_REJECTED, `Không đọc được tệp "${basename(file)}"`, [
    { sheet: basename(file), message },
  ]);
}

/**
 * Reads every sheet of an .xlsx workbook, or a .csv file as one sheet named after the file.
 * The type is decided by the content, not the name: an old .xls or a renamed file is refused
 * with a message saying what to do.
 */
export async function readTables(file: string): Promise<Table[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw rejected(file, `không tìm thấy hoặc không mở được tệp "${file}"`);
  }
  return parseTables(bytes, basename(file));
}

export async function parseTables(bytes: Uint8Array, name: string): Promise<Table[]> {
  if (startsWith(bytes, XLSX_MAGIC)) return readWorkbook(bytes, name);
  if (startsWith(bytes, XLS_MAGIC)) {
    throw rejected(
      name,
      'đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx',
    );
  }
  if (extname(name).toLowerCase() === '.xlsx') {
    throw rejected(name, 'tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw rejected(name, 'tệp CSV phải lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8")');
  }
  if (text.includes('\u0000'))
    throw rejected(name, 'tệp không phải là văn bản CSV hay bảng tính .xlsx');
  return [parseCsv(text, name)];
}

async function readWorkbook(bytes: Uint8Array, name: string): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw rejected(name, 'tệp bảng tính bị hỏng hoặc không đúng định dạng .xlsx');
  }
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        cells[colNumber - 1] = toCell(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
    });
    return { sheet: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** What a person sees in the cell: formulas by their result, dates as ISO dates. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return null;
}
