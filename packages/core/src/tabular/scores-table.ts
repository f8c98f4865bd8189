import { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { exact } from '../rules/outcome.js';
import type { UnitInput } from '../results/score-unit.js';
import { locateColumns, type ColumnRole } from './columns.js';
import {
  cellCode,
  cellDecimal,
  cellIssue,
  cellText,
  isBlank,
  normalizeHeader,
  type Cell,
  type Table,
} from './table.js';

type ScoresColumn = 'id' | 'name' | 'group' | 'type';

const ROLES: ColumnRole<ScoresColumn>[] = [
  {
    key: 'id',
    label: '"Mã đơn vị"',
    match: (h) => ['ma don vi', 'ma dv', 'ma', 'id', 'ma co quan'].includes(h),
  },
  {
    key: 'group',
    label: '"Nhóm"',
    match: (h) => h === 'nhom' || h.startsWith('nhom xep') || h === 'khoi',
  },
  {
    key: 'type',
    label: '"Loại đơn vị"',
    match: (h) => h === 'loai' || h.startsWith('loai don vi'),
  },
  {
    key: 'name',
    label: '"Tên đơn vị"',
    match: (h) => h.startsWith('ten') || h === 'don vi' || h.startsWith('co quan'),
  },
];

const HEADER_CODE =
  /^(?:(?:linh vuc|tieu chi(?: thanh phan)?|lv|tc|muc)\s*)?([0-9]+(?:\.[0-9a-z]+)*)\.?(?=$|[\s:)(–-])/;

/** The node code a column header names: 1.1 as a number, "1.1", "3.4 Một cửa", "Lĩnh vực 3". */
export function headerCode(cell: Cell | undefined): string | undefined {
  if (typeof cell === 'number') return cellCode(cell);
  const match = HEADER_CODE.exec(normalizeHeader(cellText(cell)));
  return match?.[1];
}

const NOT_APPLICABLE = new Set(['kad', 'k/ad', 'n/a', 'na', 'khong ap dung', 'ko ap dung']);

export interface ScoresTable {
  units: UnitInput[];
  /** Sheet row (1-based) of each unit id. */
  rows: Map<string, number>;
}

/**
 * Reads a scores table: one row per unit, one column per node code. A cell holds points
 * ("4,5" or 4.5), "KAD" for not applicable, or nothing. A column for a parent node is a check:
 * it must equal the sum of its leaves. All-or-nothing: IMPORT_REJECTED lists every bad cell.
 */
export function parseScoresTable(table: Table, framework: Framework): ScoresTable {
  const located = locateColumns(
    table,
    ROLES,
    [],
    (_h, cell) => headerCode(cell as Cell) !== undefined,
  );
  const reject = (issues: Issue[]) => {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được bảng điểm từ trang "${table.sheet}"`,
      issues,
    );
  };
  if (!located || (!located.columns.has('id') && !located.columns.has('name'))) {
    return reject([
      {
        sheet: table.sheet,
        message:
          'không tìm thấy dòng tiêu đề: cần cột "Mã đơn vị" hoặc "Tên đơn vị" và các cột mang mã tiêu chí (1.1, 1.2, …) trong 30 dòng đầu',
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const issues: Issue[] = [];
  const codeColumns: { index: number; node: FrameworkNode }[] = [];
  const headerCells = table.rows[headerRow] ?? [];
  headerCells.forEach((cell, index) => {
    if ([...columns.values()].includes(index)) return;
    const code = headerCode(cell);
    if (code === undefined) return;
    const node = framework.byCode.get(code);
    if (!node) {
      issues.push(
        cellIssue(
          table,
          headerRow,
          index,
          headers[index],
          `mã ${code} không có trong bộ chỉ số "${framework.name}"`,
        ),
      );
    } else if (codeColumns.some((c) => c.node === node)) {
      issues.push(cellIssue(table, headerRow, index, headers[index], `cột mã ${code} bị lặp`));
    } else {
      codeColumns.push({ index, node });
    }
  });

  const units: UnitInput[] = [];
  const rows = new Map<string, number>();
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const text = (key: ScoresColumn) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(row[c]);
    };
    const name = text('name');
    const id = text('id') || name;
    if (id === '') {
      issues.push(
        cellIssue(
          table,
          r,
          columns.get('id') ?? columns.get('name'),
          undefined,
          'thiếu mã và tên đơn vị',
        ),
      );
      continue;
    }
    if (rows.has(id)) {
      issues.push(
        cellIssue(
          table,
          r,
          columns.get('id') ?? columns.get('name'),
          undefined,
          `đơn vị "${id}" trùng với dòng ${rows.get(id)}`,
        ),
      );
      continue;
    }
    rows.set(id, r + 1);
    const points = new Map<string, Decimal>();
    const notApplicable = new Set<string>();
    const checks: { index: number; node: FrameworkNode; value: Decimal }[] = [];
    for (const { index, node } of codeColumns) {
      const cell = row[index];
      if (isBlank(cell)) continue;
      if (NOT_APPLICABLE.has(normalizeHeader(cellText(cell)))) {
        notApplicable.add(node.code);
        continue;
      }
      const parsed = cellDecimal(cell);
      if (!parsed.ok) {
        issues.push(
          cellIssue(
            table,
            r,
            index,
            headers[index],
            `${parsed.reason} (nhập số điểm, "KAD" nếu không áp dụng, hoặc để trống)`,
          ),
        );
      } else if (node.children.length > 0) {
        checks.push({ index, node, value: parsed.value });
      } else {
        points.set(node.code, parsed.value);
      }
    }
    for (const check of checks) {
      issues.push(...checkParent(table, r, check, headers, framework, points, notApplicable));
    }
    units.push({
      id,
      name: name || id,
      group: text('group') || undefined,
      type: text('type') || undefined,
      points,
      facts: new Map(),
      notApplicable,
    });
  }
  if (units.length === 0 && issues.length === 0) {
    issues.push({ sheet: table.sheet, message: 'bảng không có dòng đơn vị nào' });
  }
  if (issues.length > 0) reject(issues);
  return { units, rows };
}

/** A parent column must equal the sum of its applicable leaves, all of which must be given. */
function checkParent(
  table: Table,
  r: number,
  check: { index: number; node: FrameworkNode; value: Decimal },
  headers: string[],
  framework: Framework,
  points: ReadonlyMap<string, Decimal>,
  notApplicable: ReadonlySet<string>,
): Issue[] {
  const leaves: FrameworkNode[] = [];
  const collect = (node: FrameworkNode) => {
    if (notApplicable.has(node.code)) return;
    if (node.children.length === 0) leaves.push(node);
    for (const code of node.children) {
      const child = framework.byCode.get(code);
      if (child) collect(child);
    }
  };
  collect(check.node);
  const absent = leaves.filter((leaf) => !points.has(leaf.code)).map((leaf) => leaf.code);
  const issue = (message: string) => [
    cellIssue(table, r, check.index, headers[check.index], message),
  ];
  if (absent.length > 0) {
    return issue(
      `${check.node.code} có mục con: nhập điểm cho từng mục con (còn thiếu ${absent.join(', ')}); cột này chỉ dùng để đối chiếu tổng`,
    );
  }
  const sum = Decimal.sum(leaves.map((leaf) => points.get(leaf.code) ?? Decimal.ZERO));
  return sum.equals(check.value)
    ? []
    : issue(`ghi ${exact(check.value)} nhưng tổng điểm các mục con là ${exact(sum)}`);
}
