import type { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { PreviousResult } from '../results/compute-results.js';
import { parseCount } from '../validation/parse-input.js';
import { locateColumns, type ColumnRole } from './columns.js';
import { cellDecimal, cellIssue, cellText, isBlank, normalizeHeader, type Table } from './table.js';

type PreviousColumn = 'id' | 'percent' | 'rank';

const ROLES: ColumnRole<PreviousColumn>[] = [
  { key: 'id', label: '"Mã đơn vị"', match: (h) => ['ma don vi', 'ma dv', 'ma', 'id'].includes(h) },
  { key: 'rank', label: '"Xếp hạng"', match: (h) => ['xep hang', 'hang', 'thu hang'].includes(h) },
  {
    key: 'percent',
    label: '"Chỉ số (%)"',
    match: (h) => h.startsWith('chi so') || ['%', 'ty le (%)', 'ty le', 'phan tram'].includes(h),
  },
];

const AREA_PERCENT = /^(?:linh vuc|lv)\s*([0-9a-z]+(?:\.[0-9a-z]+)*)\s*\(%\)$/;

/** Reads last period's results, e.g. the "Xếp hạng" sheet chiso exports. */
export function parsePreviousTable(table: Table): PreviousResult[] {
  const located = locateColumns(table, ROLES, ['id', 'percent']);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được kết quả kỳ trước', [
      {
        sheet: table.sheet,
        message:
          'không tìm thấy dòng tiêu đề: cần cột "Mã đơn vị" và cột "Chỉ số (%)" trong 30 dòng đầu',
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const areaColumns = headers.flatMap((header, index) => {
    const match = AREA_PERCENT.exec(normalizeHeader(header));
    return match?.[1] ? [{ index, code: match[1] }] : [];
  });
  const issues: Issue[] = [];
  const results: PreviousResult[] = [];
  const seen = new Map<string, number>();
  const idCol = columns.get('id') ?? 0;
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const id = cellText(row[idCol]);
    if (id === '') {
      issues.push(cellIssue(table, r, idCol, headers[idCol], 'thiếu mã đơn vị'));
      continue;
    }
    if (seen.has(id)) {
      issues.push(
        cellIssue(table, r, idCol, headers[idCol], `đơn vị "${id}" trùng với dòng ${seen.get(id)}`),
      );
      continue;
    }
    seen.set(id, r + 1);
    const decimalAt = (index: number | undefined): Decimal | undefined => {
      if (index === undefined || isBlank(row[index])) return undefined;
      const parsed = cellDecimal(row[index]);
      if (parsed.ok) return parsed.value;
      issues.push(cellIssue(table, r, index, headers[index], parsed.reason));
      return undefined;
    };
    let rank: number | undefined;
    const rankCol = columns.get('rank');
    if (rankCol !== undefined && !isBlank(row[rankCol])) {
      const parsed = parseCount(
        typeof row[rankCol] === 'number' ? row[rankCol] : cellText(row[rankCol]),
      );
      if (parsed.ok && parsed.value >= 1) rank = parsed.value;
      else
        issues.push(cellIssue(table, r, rankCol, headers[rankCol], 'hạng phải là số nguyên từ 1'));
    }
    const areas = new Map<string, Decimal>();
    for (const { index, code } of areaColumns) {
      const value = decimalAt(index);
      if (value !== undefined) areas.set(code, value);
    }
    results.push({ id, percent: decimalAt(columns.get('percent')), rank, areas });
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được kết quả kỳ trước từ trang "${table.sheet}"`,
      issues,
    );
  }
  return results;
}
