import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { daysFromCivil, civilFromDays } from '../time/vietnam-time.js';
import { parseDate } from '../time/calendar-date.js';
import { TEXT_LIMITS, tooLong } from '../tabular/cell-rules.js';
import { describeRequired, locateColumns, type ColumnRole } from '../tabular/columns.js';
import {
  cellIssue,
  cellText,
  isBlank,
  normalizeHeader,
  type Cell,
  type Table,
} from '../tabular/table.js';
import { officeKey, type Office } from '../units/offices.js';
import { parseDocumentRef, type DocumentRef } from './document-ref.js';

type DispatchColumn =
  | 'title'
  | 'unit'
  | 'lead'
  | 'supporting'
  | 'deadline'
  | 'document'
  | 'target'
  | 'codes'
  | 'authority';

// As a dispatch's table is written: Nội dung nhiệm vụ | Đơn vị thực hiện | Phòng/ban chủ trì |
// Phối hợp | Thời hạn | Văn bản giao; the target, the criteria served and the authority optional.
const ROLES: ColumnRole<DispatchColumn>[] = [
  { key: 'unit', label: '"Đơn vị thực hiện"', match: (h) => h.startsWith('don vi') },
  {
    key: 'lead',
    label: '"Phòng/ban chủ trì"',
    match: (h) => h.includes('chu tri') || h.startsWith('phong'),
  },
  { key: 'supporting', label: '"Phối hợp"', match: (h) => h.includes('phoi hop') },
  { key: 'deadline', label: '"Thời hạn"', match: (h) => h.includes('thoi han') || h === 'han' },
  {
    key: 'document',
    label: '"Văn bản giao"',
    match: (h) => h.startsWith('van ban') || h.startsWith('so, ky hieu') || h === 'can cu',
  },
  {
    key: 'target',
    label: '"Mục tiêu"',
    match: (h) => h.startsWith('muc tieu') || h.startsWith('chi tieu') || h.includes('ket qua'),
  },
  { key: 'codes', label: '"Tiêu chí"', match: (h) => h.startsWith('tieu chi') || h === 'ma' },
  { key: 'authority', label: '"Cơ quan giao"', match: (h) => h.startsWith('co quan giao') },
  {
    key: 'title',
    label: '"Nội dung nhiệm vụ"',
    match: (h) => h.startsWith('noi dung') || h.startsWith('nhiem vu') || h.startsWith('ten'),
  },
];

const REQUIRED: DispatchColumn[] = ['title', 'unit', 'deadline'];

/** The API's limits on a task's texts (dispatchBody), each breach reported on its column. */
const LENGTH_CHECKED: [DispatchColumn, number][] = [
  ['title', TEXT_LIMITS.taskTitle],
  ['target', TEXT_LIMITS.taskTarget],
  ['authority', TEXT_LIMITS.authority],
];

/** A unit a dispatch may name, by its id or its name, with its active offices. */
export interface DispatchUnit {
  id: string;
  name: string;
  offices: readonly Office[];
}

/** One task for one unit, from one row (a row naming several units gives one each). */
export interface DispatchRow {
  /** 1-based sheet row. */
  row: number;
  title: string;
  unitId: string;
  leadOfficeId: string | null;
  supportingOfficeIds: string[];
  deadline: string;
  document: DocumentRef | null;
  target: string | null;
  codes: string[];
  authority: string | null;
}

const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A deadline as offices type it: "20/6/2023", "trước ngày 20/6/2023", "20-06-2023", the ISO
 * text the workbook reader gives for a date cell, or a date's serial number.
 */
export function parseDeadlineCell(cell: Cell | undefined): string | undefined {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 200_000) return undefined;
    const { year, month, day } = civilFromDays(EXCEL_EPOCH + cell);
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  const text = normalizeHeader(cellText(cell))
    .replace(/^(thoi han|han)\s*:?\s*/, '')
    .replace(/^truoc\s+/, '')
    .replace(/^ngay\s+/, '')
    .replace(/^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/, '$1/$2/$3')
    .replace(/t\d{2}:\d{2}.*$/, '');
  return parseDate(text);
}

const split = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Reads a dispatch's table, all or nothing: every row's units found (by id or name), its
 * offices found among each unit's active offices (names as people write them), its deadline
 * a real date; every problem named by sheet, row and column.
 */
export function parseDispatchTable(table: Table, units: readonly DispatchUnit[]): DispatchRow[] {
  const located = locateColumns(table, ROLES, REQUIRED);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được bảng giao nhiệm vụ', [
      {
        sheet: table.sheet,
        message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(ROLES, REQUIRED)} trong 30 dòng đầu`,
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const unitsByKey = new Map<string, DispatchUnit>();
  for (const unit of units) {
    unitsByKey.set(unit.id.toLowerCase(), unit);
    unitsByKey.set(normalizeHeader(unit.name), unit);
  }
  const issues: Issue[] = [];
  const rows: DispatchRow[] = [];
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    const cell = (key: DispatchColumn) => {
      const c = columns.get(key);
      return c === undefined ? undefined : cells[c];
    };
    const text = (key: DispatchColumn) => cellText(cell(key)).normalize('NFC');
    const issue = (key: DispatchColumn, message: string) => {
      const c = columns.get(key);
      issues.push(cellIssue(table, r, c, c === undefined ? undefined : headers[c], message));
    };
    const title = text('title');
    if (title === '') issue('title', 'thiếu nội dung nhiệm vụ');
    for (const [key, max] of LENGTH_CHECKED) {
      const problem = tooLong(text(key), max);
      if (problem !== undefined) issue(key, problem);
    }
    const deadline = parseDeadlineCell(cell('deadline'));
    if (deadline === undefined) {
      issue(
        'deadline',
        text('deadline') === ''
          ? 'thiếu thời hạn'
          : `"${text('deadline')}" không phải là ngày (dd/mm/yyyy, ví dụ 20/06/2023)`,
      );
    }
    let document: DocumentRef | null = null;
    if (text('document') !== '') {
      document = parseDocumentRef(text('document')) ?? null;
      const numberProblem = document && tooLong(document.number, TEXT_LIMITS.documentNumber);
      if (numberProblem) issue('document', `số, ký hiệu văn bản ${numberProblem}`);
      else if (document === null)
        issue(
          'document',
          `"${text('document')}" không phải là số, ký hiệu văn bản (ví dụ 1138/UBND-NC ngày 08/06/2023)`,
        );
    }
    const unitNames = split(text('unit'), /[;\n]/);
    if (unitNames.length === 0) issue('unit', 'thiếu đơn vị thực hiện');
    const codes = split(text('codes'), /[,;\s]+/).map((code) => code.replace(/\.$/, ''));
    for (const unitName of unitNames) {
      const unit =
        unitsByKey.get(unitName.toLowerCase()) ?? unitsByKey.get(normalizeHeader(unitName));
      if (!unit) {
        issue('unit', `không có đơn vị "${unitName}" (ghi mã hoặc tên đơn vị như trong hệ thống)`);
        continue;
      }
      const byKey = new Map(
        unit.offices.filter((o) => o.active).map((o) => [officeKey(o.name), o]),
      );
      const find = (key: DispatchColumn, name: string) => {
        const office = byKey.get(officeKey(name));
        if (!office) issue(key, `${unit.name} không có phòng, ban "${name}"`);
        return office;
      };
      const leadName = text('lead');
      const lead = leadName === '' ? undefined : find('lead', leadName);
      const supporting = split(text('supporting'), /[,;\n]/).flatMap((name) => {
        const office = find('supporting', name);
        return office && office.id !== lead?.id ? [office.id] : [];
      });
      rows.push({
        row: r + 1,
        title,
        unitId: unit.id,
        leadOfficeId: lead?.id ?? null,
        supportingOfficeIds: [...new Set(supporting)],
        deadline: deadline ?? '',
        document,
        target: text('target') || null,
        codes,
        authority: text('authority') || null,
      });
    }
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ sheet: table.sheet, message: 'bảng không có nhiệm vụ nào' });
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được bảng giao nhiệm vụ từ trang "${table.sheet}"`,
      issues,
    );
  }
  return rows;
}
