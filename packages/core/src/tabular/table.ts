import { Decimal, type ParseResult } from '../decimal/decimal.js';
import type { Issue } from '../errors.js';

/** A cell as read from a sheet: dates arrive as ISO text, formulas as their result. */
export type Cell = string | number | boolean | null;

/** One sheet (or one CSV file) as rows of cells; row 1 is rows[0]. */
export interface Table {
  sheet: string;
  rows: Cell[][];
}

/** "A", "B", …, "Z", "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

/**
 * A number from a cell. Spreadsheet numbers are binary doubles: 15 significant digits undo
 * their noise (0.30000000000000004 is 0,3) before the exact parse.
 */
export function cellDecimal(cell: Cell | undefined): ParseResult<Decimal> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: 'không phải là số' };
    return Decimal.parse(Number(cell.toPrecision(15)));
  }
  if (typeof cell === 'boolean') return { ok: false, reason: 'không phải là số' };
  return Decimal.parse(cellText(cell));
}

/** Where a cell is, with the header of its column, for issues. */
export function cellIssue(
  table: Table,
  rowIndex: number,
  columnIndex: number | undefined,
  header: string | undefined,
  message: string,
): Issue {
  return {
    sheet: table.sheet,
    row: rowIndex + 1,
    ...(columnIndex === undefined ? {} : { column: columnLetter(columnIndex) }),
    ...(header === undefined || header === '' ? {} : { field: header }),
    message,
  };
}

/** Lower-case, without diacritics, single spaces: "Điểm  chuẩn" → "diem chuan". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A node code written in a cell: 1.1 typed as a number, "1.1.", " 3.4 ". */
export function cellCode(cell: Cell | undefined): string {
  const text = typeof cell === 'number' ? String(Number(cell.toPrecision(15))) : cellText(cell);
  return text.replace(/\s+/g, '').replace(/\.$/, '');
}
