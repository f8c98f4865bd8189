import type { ZipArchive } from './zip-archive.js';
import { ZipRefused } from './zip-archive.js';
import { parseXmlPart } from './xml-stream.js';

/** What one workbook may hold, beyond the zip's own limits (Excel's own maxima where it has them). */
export const XLSX_LIMITS = {
  /** Rows and columns of a sheet, as Excel: 1.048.576 × 16.384 (A … XFD). */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** Characters in one cell, as Excel. */
  maxCellLength: 32_767,
  /** Shared strings: how many, and their characters all together. */
  maxSharedStrings: 5_000_000,
  maxSharedCharacters: 50_000_000,
  /** Cells filled from merged ranges (parseTables), all sheets together. */
  maxMergedCells: 1_000_000,
} as const;

export interface WorkbookSheet {
  name: string;
  path: string;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

const count = (n: number) => n.toLocaleString('vi-VN');

/** An attribute whose name ends with `:id` (the relationship id, whatever its prefix). */
function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'r:id' || name.endsWith(':id')) return value;
  }
  return undefined;
}

/** Sheets in workbook order, with the zip path of each (from the workbook's relationships). */
export async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const targets = new Map<string, string>();
  const relsPart = 'xl/_rels/workbook.xml.rels';
  if (zip.has(relsPart)) {
    await parseXmlPart(relsPart, zip.bytes(relsPart), {
      open: (name, attributes) => {
        if (name !== 'Relationship') return;
        const id = attributes.Id;
        const target = attributes.Target;
        if (id !== undefined && target !== undefined) {
          targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
        }
      },
      close: () => undefined,
    });
  }
  const part = 'xl/workbook.xml';
  if (!zip.has(part)) throw new ZipRefused('thiếu phần xl/workbook.xml');
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  await parseXmlPart(part, zip.bytes(part), {
    open: (name, attributes) => {
      if (name === 'workbookPr') {
        const value = attributes.date1904;
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const id = relationshipId(attributes);
        const target = id === undefined ? undefined : targets.get(id);
        if (target !== undefined) sheets.push({ name: attributes.name ?? '', path: target });
      }
    },
    close: () => undefined,
  });
  return { sheets, date1904 };
}

/** The text of each shared string: its runs joined, phonetic hints (rPh) left out. */
export async function readSharedStrings(zip: ZipArchive): Promise<string[]> {
  const part = 'xl/sharedStrings.xml';
  const strings: string[] = [];
  if (!zip.has(part)) return strings;
  let inString = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  let characters = 0;
  await parseXmlPart(part, zip.bytes(part), {
    open: (name) => {
      if (name === 'si') {
        if (strings.length >= XLSX_LIMITS.maxSharedStrings) {
          throw new ZipRefused(
            `bảng chuỗi dùng chung có hơn ${count(XLSX_LIMITS.maxSharedStrings)} chuỗi`,
          );
        }
        inString = true;
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inString && phonetic === 0) inText = true;
    },
    text: (piece) => {
      if (!inText) return;
      text += piece;
      if (text.length > XLSX_LIMITS.maxCellLength) {
        throw new ZipRefused(
          `chuỗi dùng chung thứ ${count(strings.length + 1)} dài hơn ${count(XLSX_LIMITS.maxCellLength)} ký tự`,
        );
      }
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inString = false;
        characters += text.length;
        if (characters > XLSX_LIMITS.maxSharedCharacters) {
          throw new ZipRefused(
            `bảng chuỗi dùng chung dài hơn ${count(XLSX_LIMITS.maxSharedCharacters)} ký tự`,
          );
        }
        strings.push(text);
      }
    },
  });
  return strings;
}

/** Built-in number formats that show dates or times (ids 14–22, 45–47), as ExcelJS reads them. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time: y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The cell styles (xf indexes in cellXfs) whose number format shows a date. */
export async function readDateStyles(zip: ZipArchive): Promise<Set<number>> {
  const part = 'xl/styles.xml';
  const dates = new Set<number>();
  if (!zip.has(part)) return dates;
  const customDates = new Set<number>();
  const customOthers = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  await parseXmlPart(part, zip.bytes(part), {
    open: (name, attributes) => {
      if (name === 'numFmt') {
        const id = Number(attributes.numFmtId);
        if (isDateFormat(attributes.formatCode ?? '')) customDates.add(id);
        else customOthers.add(id);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        if (customDates.has(id) || (!customOthers.has(id) && DATE_FORMAT_IDS.has(id))) {
          dates.add(xf);
        }
        xf++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}
