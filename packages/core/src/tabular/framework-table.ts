import type { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { checkFrameworkNodes } from '../framework/build-framework.js';
import {
  parentCode,
  type FrameworkInput,
  type FrameworkNodeInput,
} from '../framework/framework.js';
import { ruleSchema } from '../rules/rule-schema.js';
import { toIssues } from '../validation/parse-input.js';
import { describeRequired, locateColumns, type ColumnRole } from './columns.js';
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
import { TEXT_LIMITS, tooLong } from './cell-rules.js';
import { checkTotals } from './framework-totals.js';

export type FrameworkColumn =
  | 'code'
  | 'title'
  | 'maxPoints'
  | 'achieved'
  | 'target'
  | 'tasks'
  | 'leadUnit'
  | 'supporting'
  | 'rule'
  | 'evidence'
  | 'appliesTo'
  | 'guidance';

/** The columns of a framework table, as offices head them (seed 004's appendix and more). */
export const FRAMEWORK_COLUMNS: ColumnRole<FrameworkColumn>[] = [
  {
    key: 'code',
    label: '"Stt" (mã 1, 1.1, 1.1.1)',
    match: (h) => ['stt', 'tt', 'ma', 'ma so', 'so tt', 'so thu tu', 'ma tieu chi'].includes(h),
  },
  {
    key: 'maxPoints',
    label: '"Điểm chuẩn" (hoặc "Điểm tối đa")',
    match: (h) => h.includes('diem chuan') || h.includes('diem toi da'),
  },
  {
    key: 'achieved',
    label: '"Điểm đạt được"',
    match: (h) =>
      h.startsWith('diem') &&
      (/\bdat\b/.test(h) || h.includes('tu cham') || h.includes('tham dinh')),
  },
  { key: 'target', label: '"Mục tiêu"', match: (h) => h.includes('muc tieu') },
  {
    key: 'tasks',
    label: '"Nhiệm vụ/Giải pháp"',
    match: (h) => h.includes('nhiem vu') || h.includes('giai phap'),
  },
  {
    key: 'leadUnit',
    label: '"Đơn vị chủ trì"',
    match: (h) => h.includes('chu tri') || h.includes('phu trach'),
  },
  {
    key: 'supporting',
    label: '"Đơn vị phối hợp"',
    match: (h) => h.includes('phoi hop'),
  },
  {
    key: 'rule',
    label: '"Quy tắc chấm"',
    match: (h) => h.includes('quy tac') || h.includes('cach cham'),
  },
  { key: 'evidence', label: '"Tài liệu kiểm chứng"', match: (h) => h.includes('kiem chung') },
  { key: 'appliesTo', label: '"Áp dụng cho"', match: (h) => h.includes('ap dung') },
  { key: 'guidance', label: '"Hướng dẫn"', match: (h) => h.includes('huong dan') },
  {
    key: 'title',
    label: '"Lĩnh vực/Tiêu chí" (tên)',
    match: (h) =>
      h.includes('tieu chi') ||
      h.includes('linh vuc') ||
      h.includes('noi dung') ||
      h === 'ten' ||
      h.includes('chi so'),
  },
];

/** A framework read from a table like the appendix of seed 004, with its optional columns. */
export interface FrameworkTable {
  framework: FrameworkInput;
  /** Sheet row (1-based) of each node. */
  rows: Map<string, number>;
  /** "Điểm … đạt được": points achieved, for every node that has one. */
  achieved: Map<string, Decimal>;
  targets: Map<string, Decimal>;
  tasks: Map<string, string>;
  leadUnits: Map<string, string>;
}

const list = (text: string) =>
  text
    .split(/[\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Office names in one cell, separated by ";" or "," (or one per line), as written. */
export const officeList = (text: string) => list(text.replace(/,/g, ';'));

/**
 * Reads a framework table. Every problem (bad number, duplicate code, missing parent, a
 * parent's max or points not the sum of its children's, a wrong total row) is reported with
 * sheet, row and column, and then nothing is returned: IMPORT_REJECTED.
 */
export function parseFrameworkTable(
  table: Table,
  meta: { name: string; year?: number; unitType?: string },
): FrameworkTable {
  const located = locateColumns(table, FRAMEWORK_COLUMNS, ['code', 'maxPoints', 'title']);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được bộ chỉ số', [
      {
        sheet: table.sheet,
        message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(FRAMEWORK_COLUMNS, ['code', 'title', 'maxPoints'])} trong 30 dòng đầu`,
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const col = (key: FrameworkColumn) => columns.get(key);
  const issues: Issue[] = [];
  const at = (r: number, key: FrameworkColumn, message: string) => {
    const c = col(key);
    issues.push(cellIssue(table, r, c, c === undefined ? undefined : headers[c], message));
  };

  const nodes: FrameworkNodeInput[] = [];
  const nodeRows: number[] = [];
  const result: Omit<FrameworkTable, 'framework'> = {
    rows: new Map(),
    achieved: new Map(),
    targets: new Map(),
    tasks: new Map(),
    leadUnits: new Map(),
  };
  let totalRow: number | undefined;
  /** Codes whose row could not be read; checks that depend on them would only echo that error. */
  const unreadable = new Set<string>();

  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    const get = (key: FrameworkColumn) => {
      const c = col(key);
      return c === undefined ? undefined : row[c];
    };
    if (row.every((cell) => isBlank(cell))) continue;
    const code = cellCode(get('code'));
    const title = cellText(get('title'));
    if (code === '') {
      if (normalizeHeader(title).startsWith('tong')) totalRow = r;
      else if (!isBlank(get('maxPoints'))) at(r, 'code', 'dòng có điểm chuẩn nhưng thiếu mã (Stt)');
      continue;
    }
    const readDecimal = (key: FrameworkColumn, required: boolean): Decimal | undefined => {
      const cell = get(key);
      if (isBlank(cell)) {
        if (required) at(r, key, 'thiếu giá trị');
        return undefined;
      }
      const parsed = cellDecimal(cell);
      if (!parsed.ok) {
        at(r, key, parsed.reason);
        return undefined;
      }
      return parsed.value;
    };
    const supporting = officeList(cellText(get('supporting')));
    checkLengths(get, supporting, (key, message) => at(r, key, message));
    const maxPoints = readDecimal('maxPoints', true);
    const achieved = readDecimal('achieved', false);
    const target = readDecimal('target', false);
    let rule;
    const ruleText = cellText(get('rule'));
    if (ruleText !== '') {
      rule = parseRuleCell(ruleText, (message) => at(r, 'rule', message));
    }
    if (maxPoints === undefined) {
      unreadable.add(code);
      continue;
    }
    if (result.rows.has(code)) {
      at(
        r,
        'code',
        `mã ${code} trùng với dòng ${result.rows.get(code)} (nếu là 1.10, hãy định dạng cột mã là văn bản để Excel không đổi thành 1.1)`,
      );
      continue;
    }
    result.rows.set(code, r + 1);
    nodeRows.push(r);
    nodes.push({
      code,
      title,
      maxPoints,
      rule,
      evidence: list(cellText(get('evidence'))),
      appliesTo: list(cellText(get('appliesTo')).replace(/,/g, ';')),
      guidance: cellText(get('guidance')) || undefined,
      // Names as written; the server matches them to the unit's offices.
      leadOffice: cellText(get('leadUnit')) || undefined,
      supportingOffices: supporting.length > 0 ? supporting : undefined,
    });
    if (achieved !== undefined) result.achieved.set(code, achieved);
    if (target !== undefined) result.targets.set(code, target);
    const tasks = cellText(get('tasks'));
    if (tasks !== '') result.tasks.set(code, tasks);
    const lead = cellText(get('leadUnit'));
    if (lead !== '') result.leadUnits.set(code, lead);
  }

  const framework: FrameworkInput = {
    name: meta.name,
    year: meta.year,
    unitType: meta.unitType,
    nodes,
  };
  const hasUnreadableChild = (code: string) => [...unreadable].some((u) => parentCode(u) === code);
  for (const issue of checkFrameworkNodes(framework)) {
    const node = nodes[issue.nodeIndex];
    const r = nodeRows[issue.nodeIndex];
    if (node === undefined || r === undefined) continue;
    if (issue.field === 'maxPoints' && hasUnreadableChild(node.code)) continue;
    const parent = parentCode(node.code);
    if (issue.field === 'code' && parent !== undefined && unreadable.has(parent)) continue;
    at(r, issue.field, issue.message);
  }
  if (nodes.length === 0 && issues.length === 0) {
    issues.push({ sheet: table.sheet, message: 'bảng không có dòng nào có mã và điểm chuẩn' });
  }
  if (issues.length === 0) {
    issues.push(...checkTotals(table, located, nodes, nodeRows, result.achieved, totalRow));
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được bộ chỉ số từ trang "${table.sheet}"`,
      issues,
    );
  }
  return { framework, ...result };
}

/** The API's limits on a node's texts (updateNodeBody), each breach reported on its column. */
const LENGTH_CHECKED: [FrameworkColumn, number][] = [
  ['title', TEXT_LIMITS.frameworkTitle],
  ['guidance', TEXT_LIMITS.guidance],
  ['leadUnit', TEXT_LIMITS.office],
];

function checkLengths(
  get: (key: FrameworkColumn) => Cell | undefined,
  supporting: readonly string[],
  report: (key: FrameworkColumn, message: string) => void,
) {
  for (const [key, max] of LENGTH_CHECKED) {
    const problem = tooLong(cellText(get(key)), max);
    if (problem !== undefined) report(key, problem);
  }
  for (const name of supporting) {
    const problem = tooLong(name, TEXT_LIMITS.office);
    if (problem !== undefined)
      report('supporting', `đơn vị phối hợp "${name.slice(0, 40)}…" ${problem}`);
  }
  if (supporting.length > TEXT_LIMITS.supportingOffices)
    report(
      'supporting',
      `có ${supporting.length} đơn vị phối hợp, nhiều nhất ${TEXT_LIMITS.supportingOffices} đơn vị`,
    );
}

function parseRuleCell(text: string, report: (message: string) => void) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    report('quy tắc chấm phải viết dạng JSON, ví dụ {"kind":"passFail"}');
    return undefined;
  }
  const parsed = ruleSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of toIssues(parsed.error)) {
      report(`quy tắc chấm${issue.path ? ` (${issue.path})` : ''}: ${issue.message}`);
    }
    return undefined;
  }
  return parsed.data;
}
