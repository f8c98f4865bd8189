import type { Issue } from '../errors.js';
import {
  cellIssue,
  cellText,
  columnLetter,
  isBlank,
  normalizeHeader,
  type Table,
} from '../tabular/table.js';
import { searchWords } from '../units/name-search.js';
import {
  isMeasureKey,
  MEASURE_LABELS,
  partsOverWholes,
  type MeasureKey,
  type StatisticFigures,
} from './catalogue.js';

/** What a column of a statistics export holds: the unit, or one measure of the catalogue. */
export type ColumnTarget = 'unit' | MeasureKey;

/**
 * Which column is which, by column letter as the spreadsheet shows it, and the 1-based row
 * that holds the headers (rows above it are the export's titles; rows below it are units).
 */
export interface StatisticsMapping {
  headerRow: number;
  columns: Record<string, ColumnTarget>;
}

export interface StatisticsHeader {
  column: string;
  text: string;
}

export interface StatisticsHeaders {
  headerRow: number;
  headers: StatisticsHeader[];
  /** The normalised header row: the key a remembered mapping is found by. */
  headerKey: string;
}

export interface StatisticsUnit {
  id: string;
  name: string;
}

export interface StatisticsRow {
  unitId: string;
  /** 1-based row in the sheet. */
  row: number;
  figures: StatisticFigures;
}

const SCAN_ROWS = 30;

/** The Vietnamese headers provinces' exports use, tried in this order for each column. */
const GUESSES: { target: ColumnTarget; match: (h: string) => boolean }[] = [
  {
    target: 'proceduresOnline',
    match: (h) => isProcedure(h) && h.includes('truc tuyen'),
  },
  {
    target: 'proceduresByPost',
    match: (h) => isProcedure(h) && h.includes('buu chinh'),
  },
  { target: 'procedures', match: (h) => isProcedure(h) && !h.includes('ho so') },
  {
    target: 'resultsByPost',
    match: (h) => h.includes('buu chinh') && (h.includes('ket qua') || h.includes('tra ')),
  },
  { target: 'receivedByPost', match: (h) => h.includes('buu chinh') },
  { target: 'receivedOnline', match: (h) => h.includes('truc tuyen') },
  { target: 'resolvedOnTime', match: (h) => h.includes('dung han') },
  { target: 'resolvedLate', match: (h) => h.includes('qua han') || h.includes('tre han') },
  { target: 'resolved', match: (h) => h.includes('da giai quyet') || h === 'giai quyet' },
  { target: 'received', match: (h) => h.includes('tiep nhan') },
  {
    target: 'unit',
    match: (h) =>
      h.includes('don vi') || h.includes('co quan') || h.includes('dia phuong') || h === 'ten',
  },
];

function isProcedure(h: string): boolean {
  return h.includes('tthc') || h.includes('thu tuc');
}

/** 0-based column index of a letter ("A" → 0, "AA" → 26); undefined if not a letter. */
export function columnIndex(letter: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(letter)) return undefined;
  let index = 0;
  for (const char of letter) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * The header row: the first row (within the first 30) in which at least two cells look like a
 * statistics header, else the first row that is not blank.
 */
export function findHeaderRow(table: Table): number {
  const limit = Math.min(table.rows.length, SCAN_ROWS);
  let firstFilled: number | undefined;
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r] ?? [];
    const texts = row.map((cell) => normalizeHeader(cellText(cell))).filter((h) => h !== '');
    if (texts.length > 0 && firstFilled === undefined) firstFilled = r;
    if (texts.filter((h) => GUESSES.some((g) => g.match(h))).length >= 2) return r + 1;
  }
  return (firstFilled ?? 0) + 1;
}

/** The headers of the given (or found) header row and the key a mapping is remembered by. */
export function tableHeaders(table: Table, headerRow = findHeaderRow(table)): StatisticsHeaders {
  const row = table.rows[headerRow - 1] ?? [];
  const headers: StatisticsHeader[] = [];
  row.forEach((cell, c) => {
    const text = cellText(cell);
    if (text !== '') headers.push({ column: columnLetter(c), text });
  });
  const headerKey = headers.map((h) => `${h.column}=${normalizeHeader(h.text)}`).join('|');
  return { headerRow, headers, headerKey };
}

/** A first mapping from common Vietnamese headers; each target is given to one column at most. */
export function guessMapping(headers: StatisticsHeaders): StatisticsMapping {
  const columns: Record<string, ColumnTarget> = {};
  const taken = new Set<ColumnTarget>();
  for (const header of headers.headers) {
    const normalized = normalizeHeader(header.text);
    const guess = GUESSES.find((g) => !taken.has(g.target) && g.match(normalized));
    if (guess === undefined) continue;
    taken.add(guess.target);
    columns[header.column] = guess.target;
  }
  return { headerRow: headers.headerRow, columns };
}

/** What is wrong with a mapping itself: no unit column, no measure, a measure given twice. */
export function checkMapping(mapping: StatisticsMapping, sheet: string): Issue[] {
  const issues: Issue[] = [];
  const targets = Object.entries(mapping.columns);
  const seen = new Map<ColumnTarget, string>();
  for (const [column, target] of targets) {
    if (columnIndex(column) === undefined) {
      issues.push({ sheet, column, message: `"${column}" không phải là tên cột (A, B, …)` });
      continue;
    }
    if (target !== 'unit' && !isMeasureKey(target)) {
      issues.push({
        sheet,
        column,
        message: `"${String(target)}" không phải là chỉ tiêu thống kê`,
      });
      continue;
    }
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      issues.push({
        sheet,
        column,
        message: `${targetLabel(target)} đã được gán cho cột ${earlier}; mỗi chỉ tiêu chỉ một cột`,
      });
    }
    seen.set(target, column);
  }
  if (!seen.has('unit')) {
    issues.push({ sheet, message: 'Chưa chọn cột đơn vị (mã hoặc tên đơn vị)' });
  }
  if (![...seen.keys()].some((target) => target !== 'unit')) {
    issues.push({ sheet, message: 'Chưa chọn cột nào là chỉ tiêu thống kê' });
  }
  return issues;
}

export function targetLabel(target: ColumnTarget): string {
  return target === 'unit' ? 'Đơn vị' : MEASURE_LABELS[target];
}

/** Words a unit's name may begin with that exports often leave out. */
const NAME_PREFIXES = [
  ['ubnd'],
  ['uy', 'ban', 'nhan', 'dan'],
  ['thi', 'tran'],
  ['thi', 'xa'],
  ['thanh', 'pho'],
  ['huyen'],
  ['xa'],
  ['phuong'],
  ['quan'],
];

/** The name's words, then without "UBND", then without the kind of unit ("xã", "huyện"…). */
function nameKeys(text: string): string[] {
  let words = searchWords(text);
  const keys = [words.join(' ')];
  for (let round = 0; round < 2; round++) {
    const prefix = NAME_PREFIXES.find(
      (p) => words.length > p.length && p.every((word, i) => words[i] === word),
    );
    if (prefix === undefined) break;
    words = words.slice(prefix.length);
    keys.push(words.join(' '));
  }
  return keys;
}

/**
 * A unit named in a cell: by its id, or by its name compared without diacritics, case or
 * punctuation ("UBND xa Hoa An" is "UBND xã Hòa An"); the name without "UBND" or without the
 * kind of unit ("Hòa An") matches too when only one unit has it.
 */
export function unitMatcher(units: readonly StatisticsUnit[]): (text: string) => string[] {
  const byId = new Map(units.map((unit) => [unit.id.toLowerCase(), unit.id]));
  const byName = new Map<string, string[]>();
  for (const unit of units) {
    for (const key of nameKeys(unit.name)) {
      const list = byName.get(key) ?? [];
      if (!list.includes(unit.id)) list.push(unit.id);
      byName.set(key, list);
    }
  }
  return (text) => {
    const id = byId.get(text.trim().toLowerCase());
    if (id !== undefined) return [id];
    for (const key of nameKeys(text)) {
      const found = byName.get(key);
      if (found !== undefined) return found;
    }
    return [];
  };
}

/** A whole number as offices write it: 596, "596", "22.855", "22,855", "1 234". */
export function parseCount(cell: unknown): number | undefined {
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) && cell >= 0 ? cell : undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim().replace(/[\s\u00a0]/g, '');
  if (/^\d+$/.test(text) || /^\d{1,3}(\.\d{3})+$/.test(text) || /^\d{1,3}(,\d{3})+$/.test(text)) {
    const value = Number(text.replace(/[.,]/g, ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  return undefined;
}

/** Rows whose unit cell says "Tổng cộng" / "Tổng số" are the export's totals, not a unit. */
function isTotalRow(text: string): boolean {
  return normalizeHeader(text).startsWith('tong');
}

/**
 * The units' figures read from a table with a mapping. Every problem is an issue naming the
 * sheet, row, column and header; the caller stores nothing when there is one. Blank rows and
 * the totals row are skipped; a blank figure is a measure the export did not give; a unit
 * twice, an unknown unit, a figure that is not a whole number, or a part larger than its whole
 * (on time more than resolved…) is an issue.
 */
export function readStatisticsTable(
  table: Table,
  mapping: StatisticsMapping,
  units: readonly StatisticsUnit[],
): { rows: StatisticsRow[]; issues: Issue[] } {
  const issues = checkMapping(mapping, table.sheet);
  if (issues.length > 0) return { rows: [], issues };
  const headerRow = table.rows[mapping.headerRow - 1] ?? [];
  const headerOf = (c: number) => cellText(headerRow[c]);
  let unitColumn = 0;
  const measures: { index: number; key: MeasureKey }[] = [];
  for (const [letter, target] of Object.entries(mapping.columns)) {
    const index = columnIndex(letter) ?? 0;
    if (target === 'unit') unitColumn = index;
    else measures.push({ index, key: target });
  }
  const match = unitMatcher(units);
  const rows: StatisticsRow[] = [];
  const seenAt = new Map<string, number>();
  for (let r = mapping.headerRow; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    const unitText = cellText(cells[unitColumn]);
    const where = (c: number, message: string) =>
      issues.push(cellIssue(table, r, c, headerOf(c), message));
    if (unitText === '') {
      if (measures.some((m) => !isBlank(cells[m.index])))
        where(unitColumn, 'Thiếu đơn vị (mã hoặc tên)');
      continue;
    }
    if (isTotalRow(unitText)) continue;
    const found = match(unitText);
    if (found.length !== 1) {
      where(
        unitColumn,
        found.length === 0
          ? `Không tìm thấy đơn vị "${unitText}" trong các đơn vị tham gia kỳ đánh giá`
          : `Có nhiều đơn vị tên "${unitText}"; hãy ghi mã đơn vị`,
      );
      continue;
    }
    const unitId = found[0] as string;
    const earlier = seenAt.get(unitId);
    if (earlier !== undefined) {
      where(unitColumn, `Đơn vị "${unitText}" đã có ở dòng ${earlier}`);
      continue;
    }
    seenAt.set(unitId, r + 1);
    const figures: StatisticFigures = {};
    const columnOf = new Map<MeasureKey, number>();
    let bad = false;
    for (const measure of measures) {
      const cell = cells[measure.index];
      if (isBlank(cell)) continue;
      const value = parseCount(cell);
      if (value === undefined) {
        bad = true;
        where(
          measure.index,
          `"${cellText(cell)}" không phải là số nguyên không âm (${MEASURE_LABELS[measure.key]})`,
        );
        continue;
      }
      figures[measure.key] = value;
      columnOf.set(measure.key, measure.index);
    }
    if (bad) continue;
    for (const { part, message } of partsOverWholes(figures)) {
      bad = true;
      where(columnOf.get(part) ?? unitColumn, message);
    }
    if (!bad) rows.push({ unitId, row: r + 1, figures });
  }
  if (issues.length === 0 && rows.length === 0) {
    issues.push({ sheet: table.sheet, message: 'Bảng không có dòng số liệu nào của đơn vị' });
  }
  return { rows, issues };
}
