import { DomainError, ERROR_CODES, type Cell } from '@chiso/core';
import { entryText, zipEntries, type ZipEntry } from './stream-zip.js';

export interface SheetRowVisitor {
  /** A sheet begins; its rows follow. */
  sheet: (name: string) => void;
  /** One row's cells (index 0 = column A), with the row number as the sheet shows it. */
  row: (cells: Cell[], rowNumber: number) => void;
}

/**
 * Reads an .xlsx workbook sheet by sheet and row by row straight from the zip, never building
 * the workbook in memory: a small scanner for the few elements that carry values (rows, cells,
 * shared strings), many times faster than a general XML parser on a hundred thousand rows.
 * Cells read as a person sees them, like `toCell`: text, numbers, booleans, formula results.
 */
export async function readXlsxRows(
  path: string,
  fileName: string,
  visitor: SheetRowVisitor,
): Promise<void> {
  try {
    const entries = new Map((await zipEntries(path)).map((e) => [e.name, e]));
    const sheets = await workbookSheets(path, entries);
    const shared = await sharedStrings(path, entries.get('xl/sharedStrings.xml'));
    for (const sheet of sheets) {
      const entry = entries.get(sheet.path);
      if (!entry) continue;
      visitor.sheet(sheet.name);
      let previousRow = 0;
      await scanElements(entryText(path, entry), 'row', (attributes, inner) => {
        const rowNumber = Number(/(?:^|\s)r="(\d+)"/.exec(attributes)?.[1] ?? previousRow + 1);
        previousRow = rowNumber;
        visitor.row(inner === undefined ? [] : rowCells(inner, shared), rowNumber);
      });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, `Không đọc được tệp "${fileName}"`, [
      { sheet: fileName, message: 'tệp bảng tính bị hỏng hoặc không đúng định dạng .xlsx' },
    ]);
  }
}

/** Sheets in workbook order, with the zip path of each (from the workbook's relationships). */
async function workbookSheets(
  path: string,
  entries: Map<string, ZipEntry>,
): Promise<{ name: string; path: string }[]> {
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await scanElements(entryText(path, rels), 'Relationship', (attributes) => {
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id !== undefined && target !== undefined) {
        targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
    });
  }
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw new Error('no xl/workbook.xml');
  const sheets: { name: string; path: string }[] = [];
  await scanElements(entryText(path, workbook), 'sheet', (attributes) => {
    const id = /(?:^|\s)[\w.-]+:id="([^"]*)"/.exec(attributes)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (target !== undefined)
      sheets.push({ name: attribute(attributes, 'name') ?? '', path: target });
  });
  return sheets;
}

async function sharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (entry) {
    await scanElements(entryText(path, entry), 'si', (_attributes, inner) => {
      strings.push(inner === undefined ? '' : textOf(inner));
    });
  }
  return strings;
}

const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

function rowCells(xml: string, shared: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const attributes = m[1] ?? '';
    const ref = /(?:^|\s)r="([A-Z]+)\d*"/.exec(attributes)?.[1];
    const column = ref === undefined ? next : columnIndex(ref);
    next = column + 1;
    const inner = m[2];
    if (inner === undefined) continue;
    const type = /(?:^|\s)t="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    let cell: Cell = null;
    if (type === 'inlineStr') {
      cell = textOf(inner);
    } else {
      const raw = VALUE.exec(inner)?.[1];
      if (raw !== undefined) {
        const text = decodeEntities(raw);
        if (type === 's') cell = shared[Number(text)] ?? null;
        else if (type === 'b') cell = text === '1';
        else if (type === 'str' || type === 'e' || type === 'd') cell = text;
        else cell = text.trim() === '' ? null : Number(text);
      }
    }
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  }
  return cells;
}

const SINGLE_TEXT =
  /^(?:<(?:[\w.-]+:)?is>)?<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>(?:<\/(?:[\w.-]+:)?is>)?$/;

/** The text of a shared or inline string: its runs joined, phonetic hints left out. */
function textOf(xml: string): string {
  const single = SINGLE_TEXT.exec(xml);
  if (single) return decodeEntities(single[1] ?? '');
  const body = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g))
    text += m[1] ?? '';
  return decodeEntities(text);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function attribute(attributes: string, name: string): string | undefined {
  const value = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Calls `visit` for every element with this local name (any namespace prefix), in order, as the
 * text streams in: whole elements are cut at the last closing tag seen, the rest waits.
 */
async function scanElements(
  pieces: AsyncIterable<string>,
  name: string,
  visit: (attributes: string, inner: string | undefined) => void,
): Promise<void> {
  let buffer = '';
  let pattern: RegExp | undefined;
  let closing = '';
  const run = (text: string) => {
    if (!pattern) return;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) visit(m[1] ?? '', m[2]);
  };
  for await (const piece of pieces) {
    buffer += piece;
    if (!pattern) {
      const found = new RegExp(`<([\\w.-]+:)?${name}[\\s/>]`).exec(buffer);
      if (!found) continue;
      const prefix = found[1] ?? '';
      pattern = new RegExp(
        `<${prefix}${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}${name}>)`,
        'g',
      );
      closing = `</${prefix}${name}>`;
    }
    const end = buffer.lastIndexOf(closing);
    if (end < 0) continue;
    const cut = end + closing.length;
    run(buffer.slice(0, cut));
    buffer = buffer.slice(cut);
  }
  run(buffer);
}
