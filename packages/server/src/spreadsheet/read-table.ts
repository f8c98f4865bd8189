import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  CELL_STEP_ROWS,
  DomainError,
  drainSteps,
  ERROR_CODES,
  parseCsvSteps,
  type Cell,
  type Table,
} from '@chiso/core';
import { readXlsx, xlsxRejected } from './stream-xlsx.js';
import { XLSX_LIMITS } from './xlsx-parts.js';
import { columnOf } from './xlsx-sheet.js';

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

/** Runs a stepped reader to its end; a job pauses at each step (decision 0055). */
export type StepDriver = <T>(steps: Generator<number, T>) => Promise<T>;
const withoutPauses: StepDriver = async (steps) => drainSteps(steps);

export async function parseTables(
  bytes: Uint8Array,
  name: string,
  drive: StepDriver = withoutPauses,
): Promise<Table[]> {
  if (startsWith(bytes, XLSX_MAGIC)) return readWorkbook(bytes, name, drive);
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
  return [await drive(parseCsvSteps(text, name))];
}

/** One step of a stepped reader: the rows read so far, for `drive` to pause at. */
function* stepAt(rows: number): Generator<number, void> {
  yield rows;
}

/**
 * A workbook's sheets as tables, read by the same streaming reader as large imports: rows at
 * their row number (missing rows empty), cells at their column (missing cells null), and every
 * cell of a merged range holding the value of its top-left cell, as Excel shows it. Every
 * CELL_STEP_ROWS rows (at the next gap between two inflated pieces) `drive` pauses as it does
 * for a CSV file (decision 0058): a job sleeps, records its progress and hears a cancel.
 */
async function readWorkbook(bytes: Uint8Array, name: string, drive: StepDriver): Promise<Table[]> {
  const tables: Table[] = [];
  let rows: Cell[][] = [];
  let merged = 0;
  let read = 0;
  // The next multiple of CELL_STEP_ROWS to pause at: counted from the step, not from where the
  // last pause fell, so that a pause late in its gap does not put off the next one.
  let pauseAt = CELL_STEP_ROWS;
  await readXlsx(bytes, name, {
    pause: () => {
      if (read < pauseAt) return undefined;
      pauseAt = (Math.floor(read / CELL_STEP_ROWS) + 1) * CELL_STEP_ROWS;
      return drive(stepAt(read));
    },
    sheet: (sheet) => {
      rows = [];
      tables.push({ sheet, rows });
    },
    row: (cells, rowNumber) => {
      read += 1;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    },
    merged: (ranges) => {
      merged += fillMerged(rows, ranges, XLSX_LIMITS.maxMergedCells - merged);
      if (merged > XLSX_LIMITS.maxMergedCells) {
        throw xlsxRejected(
          name,
          `các vùng ô gộp có hơn ${XLSX_LIMITS.maxMergedCells.toLocaleString('vi-VN')} ô`,
        );
      }
    },
  });
  return tables;
}

/** Copies each range's top-left value into its other cells; how many cells that filled. */
function fillMerged(rows: Cell[][], ranges: readonly string[], budget: number): number {
  let filled = 0;
  for (const range of ranges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!match) continue;
    const left = columnOf(match[1] ?? '');
    const top = Number(match[2]) - 1;
    const right = columnOf(match[3] ?? '');
    const bottom = Number(match[4]) - 1;
    if (left < 0 || right < left || top < 0 || bottom < top) continue;
    if (bottom >= XLSX_LIMITS.maxRows || right >= XLSX_LIMITS.maxColumns) continue;
    filled += (bottom - top + 1) * (right - left + 1) - 1;
    if (filled > budget) return filled;
    const master = rows[top]?.[left] ?? null;
    for (let r = top; r <= bottom; r++) {
      while (rows.length <= r) rows.push([]);
      const row = rows[r] ?? [];
      rows[r] = row;
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.length < c) row.push(null);
        row[c] = master;
      }
    }
  }
  return filled;
}
