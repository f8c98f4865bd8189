import type { Cell } from '@chiso/core';
import { XLSX_LIMITS, type WorkbookSheet } from './xlsx-parts.js';
import { parseXmlPart } from './xml-stream.js';
import { ZipRefused, type ZipArchive } from './zip-archive.js';

export interface SheetRowVisitor {
  /** A sheet begins; its rows follow. */
  sheet: (name: string) => void;
  /** One row's cells (index 0 = column A), with the row number as the sheet shows it. */
  row: (cells: Cell[], rowNumber: number) => void;
  /** The sheet's merged ranges ("A1:C2"), once its rows are read; only if asked for. */
  merged?: (ranges: string[]) => void;
  /**
   * Called between two chunks of the sheet's bytes (every few hundred rows): an import saves
   * or reports progress there; what it returns is awaited before the reading goes on.
   */
  pause?: () => Promise<void> | undefined;
}

export interface SheetContext {
  shared: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

const count = (n: number) => n.toLocaleString('vi-VN');

/** "AB12" → 27 (0-based column), or -1 without letters. */
export function columnOf(reference: string): number {
  let n = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/** A serial date as ExcelJS reads it (days since 1899-12-30, or 1904), shown as an ISO date. */
function serialDate(serial: number, date1904: boolean): Cell {
  const time = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? serial : date.toISOString().slice(0, 10);
}

function isoDate(text: string): Cell {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString().slice(0, 10);
}

/**
 * Reads one sheet's rows as its XML streams in, cells as a person sees them (as `toCell` reads
 * ExcelJS values): text, numbers, booleans, formula results by their cached value, numbers in
 * a date format as ISO dates. Rows and columns past Excel's maxima refuse the file.
 */
export async function readSheetRows(
  zip: ZipArchive,
  sheet: WorkbookSheet,
  context: SheetContext,
  visitor: SheetRowVisitor,
): Promise<void> {
  const { shared, dateStyles, date1904 } = context;
  const where = `trang "${sheet.name}"`;
  let rows = 0;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let nextColumn = 0;
  let column = 0;
  let type = 'n';
  let style = -1;
  let capturing = false;
  let inInline = false;
  let phonetic = 0;
  let value: string | undefined;
  let inline: string | undefined;
  let text = '';
  const merges: string[] = [];

  const cellValue = (): Cell => {
    if (type === 'inlineStr') return inline ?? value ?? null;
    if (value === undefined) return null;
    switch (type) {
      case 's':
        return shared[Number(value)] ?? null;
      case 'b':
        return parseInt(value, 10) !== 0;
      case 'str':
      case 'e':
        return value;
      case 'd':
        return isoDate(value);
      default: {
        if (value.trim() === '') return null;
        const n = Number(value);
        return dateStyles.has(style) ? serialDate(n, date1904) : n;
      }
    }
  };

  await parseXmlPart(sheet.path, zip.bytes(sheet.path), {
    ...(visitor.pause ? { between: visitor.pause } : {}),
    open: (name, attributes) => {
      switch (name) {
        case 'row': {
          rows++;
          const r = attributes.r;
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          if (
            !Number.isInteger(rowNumber) ||
            rowNumber < 1 ||
            rowNumber > XLSX_LIMITS.maxRows ||
            rows > XLSX_LIMITS.maxRows
          ) {
            throw new ZipRefused(
              `${where} có dòng ngoài giới hạn ${count(XLSX_LIMITS.maxRows)} dòng`,
            );
          }
          cells = [];
          nextColumn = 0;
          break;
        }
        case 'c': {
          const r = attributes.r;
          const at = r === undefined ? -1 : columnOf(r);
          column = at < 0 ? nextColumn : at;
          if (column >= XLSX_LIMITS.maxColumns) {
            throw new ZipRefused(
              `${where}, dòng ${count(rowNumber)} có ô ngoài giới hạn ${count(XLSX_LIMITS.maxColumns)} cột`,
            );
          }
          nextColumn = column + 1;
          type = attributes.t ?? 'n';
          style = attributes.s === undefined ? -1 : Number(attributes.s);
          value = undefined;
          inline = undefined;
          break;
        }
        case 'v':
          capturing = true;
          text = '';
          break;
        case 'is':
          inInline = true;
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0) {
            capturing = true;
            text = '';
          }
          break;
        case 'mergeCell':
          if (attributes.ref !== undefined) merges.push(attributes.ref);
          break;
      }
    },
    text: (piece) => {
      if (!capturing) return;
      text += piece;
      if (text.length > XLSX_LIMITS.maxCellLength) {
        throw new ZipRefused(
          `${where}, dòng ${count(rowNumber)} có ô dài hơn ${count(XLSX_LIMITS.maxCellLength)} ký tự`,
        );
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
          capturing = false;
          value = text;
          break;
        case 't':
          if (capturing) {
            capturing = false;
            inline = (inline ?? '') + text;
            if (inline.length > XLSX_LIMITS.maxCellLength) {
              throw new ZipRefused(
                `${where}, dòng ${count(rowNumber)} có ô dài hơn ${count(XLSX_LIMITS.maxCellLength)} ký tự`,
              );
            }
          }
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          while (cells.length < column) cells.push(null);
          cells[column] = cellValue();
          break;
        }
        case 'row':
          visitor.row(cells, rowNumber);
          cells = [];
          break;
      }
    },
  });
  if (merges.length > 0) visitor.merged?.(merges);
}
