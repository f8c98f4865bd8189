import type { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { formatExact } from '../format/format.js';
import { TEXT_LIMITS, tooLong } from './cell-rules.js';
import { describeRequired, locateColumns } from './columns.js';
import { FRAMEWORK_COLUMNS, officeList, type FrameworkColumn } from './framework-table.js';
import {
  cellCode,
  cellDecimal,
  cellIssue,
  cellText,
  isBlank,
  normalizeHeader,
  type Table,
} from './table.js';

/** One row of an improvement plan's table, by code. */
export interface PlanTableRow {
  code: string;
  /** Sheet row, 1-based. */
  row: number;
  title: string;
  maxPoints: Decimal | undefined;
  /** "Điểm <năm> đạt được". */
  achieved: Decimal | undefined;
  target: Decimal | undefined;
  tasks: string | undefined;
  leadOffice: string | undefined;
  supportingOffices: string[];
}

export interface PlanTable {
  sheet: string;
  rows: Map<string, PlanTableRow>;
  /** The years in the headers: "Điểm 2023 đạt được", "Mục tiêu năm 2024". */
  resultYear: number | undefined;
  planYear: number | undefined;
}

const yearIn = (header: string | undefined) => {
  const match = /\b(20\d\d)\b/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
};

/**
 * Reads an improvement plan kept as seed 004's appendix: Stt | Lĩnh vực/Tiêu chí | Điểm
 * chuẩn | Điểm <năm> đạt được | Mục tiêu năm <năm> | Nhiệm vụ/Giải pháp | Đơn vị chủ trì
 * (| Đơn vị phối hợp), headers matched loosely, with or without diacritics, numbers with a
 * decimal comma or point. Only Stt and Mục tiêu are required. A row without a code that has
 * text only continues the row above (a cell broken over two lines of a printed table). Every
 * bad cell is reported with sheet, row and column, and then nothing is returned.
 */
export function readPlanTable(table: Table): PlanTable {
  const located = locateColumns(table, FRAMEWORK_COLUMNS, ['code', 'target']);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được bảng kế hoạch', [
      {
        sheet: table.sheet,
        message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(FRAMEWORK_COLUMNS, ['code', 'target'])} trong 30 dòng đầu`,
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const issues: Issue[] = [];
  const at = (r: number, key: FrameworkColumn, message: string) => {
    const c = columns.get(key);
    issues.push(cellIssue(table, r, c, c === undefined ? undefined : headers[c], message));
  };
  const rows = new Map<string, PlanTableRow>();
  let previous: PlanTableRow | undefined;

  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? [];
    const get = (key: FrameworkColumn) => {
      const c = columns.get(key);
      return c === undefined ? undefined : cells[c];
    };
    if (cells.every((cell) => isBlank(cell))) continue;
    const number = (key: FrameworkColumn): Decimal | undefined => {
      const cell = get(key);
      if (isBlank(cell)) return undefined;
      const parsed = cellDecimal(cell);
      if (parsed.ok) return parsed.value;
      at(r, key, parsed.reason);
      return undefined;
    };
    const code = cellCode(get('code'));
    const title = cellText(get('title'));
    const tasks = cellText(get('tasks'));
    if (code === '') {
      if (normalizeHeader(title).startsWith('tong')) continue;
      if (!isBlank(get('target')) || !isBlank(get('maxPoints'))) {
        at(r, 'code', 'dòng có điểm nhưng thiếu mã (Stt)');
      } else if (previous) {
        if (title !== '') previous.title = `${previous.title} ${title}`.trim();
        if (tasks !== '') previous.tasks = `${previous.tasks ?? ''} ${tasks}`.trim();
      }
      continue;
    }
    if (!/^\d+(\.\d+)*$/.test(code)) {
      at(r, 'code', `"${code}" không phải mã tiêu chí (viết như 1, 1.1, 1.1.1)`);
      continue;
    }
    const earlier = rows.get(code);
    if (earlier) {
      at(r, 'code', `mã ${code} trùng với dòng ${earlier.row}`);
      continue;
    }
    const maxPoints = number('maxPoints');
    const achieved = number('achieved');
    const target = number('target');
    if (target !== undefined && target.isNegative()) {
      at(r, 'target', `mục tiêu ${formatExact(target)} điểm không được âm`);
    } else if (target !== undefined && maxPoints !== undefined && target.gt(maxPoints)) {
      at(
        r,
        'target',
        `mục tiêu ${formatExact(target)} điểm vượt điểm chuẩn ${formatExact(maxPoints)} của mã ${code}`,
      );
    }
    previous = {
      code,
      row: r + 1,
      title,
      maxPoints,
      achieved,
      target,
      tasks: tasks || undefined,
      leadOffice: cellText(get('leadUnit')) || undefined,
      supportingOffices: officeList(cellText(get('supporting'))),
    };
    rows.set(code, previous);
  }
  // After the loop: a row's tasks may go on in the rows below it.
  for (const row of rows.values()) {
    const problem = tooLong(row.tasks ?? '', TEXT_LIMITS.planTasks);
    if (problem !== undefined) at(row.row - 1, 'tasks', problem);
    if (row.supportingOffices.length > TEXT_LIMITS.planSupportingOffices)
      at(
        row.row - 1,
        'supporting',
        `có ${row.supportingOffices.length} đơn vị phối hợp, nhiều nhất ${TEXT_LIMITS.planSupportingOffices} đơn vị`,
      );
  }
  if (rows.size === 0 && issues.length === 0) {
    issues.push({ sheet: table.sheet, message: 'bảng không có dòng nào có mã (Stt)' });
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được kế hoạch từ trang "${table.sheet}"`,
      issues,
    );
  }
  const header = (key: FrameworkColumn) => {
    const c = columns.get(key);
    return c === undefined ? undefined : headers[c];
  };
  return {
    sheet: table.sheet,
    rows,
    resultYear: yearIn(header('achieved')),
    planYear: yearIn(header('target')),
  };
}
