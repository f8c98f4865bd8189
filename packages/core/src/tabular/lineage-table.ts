import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { LineageLink } from '../results/lineage.js';
import { locateColumns, type ColumnRole } from './columns.js';
import { cellIssue, cellText, isBlank, type Table } from './table.js';

type LineageColumn = 'id' | 'from' | 'primary';

const ROLES: ColumnRole<LineageColumn>[] = [
  { key: 'id', label: '"Mã đơn vị"', match: (h) => ['ma don vi', 'ma dv', 'ma', 'id'].includes(h) },
  { key: 'primary', label: '"Đơn vị chính"', match: (h) => h.includes('don vi chinh') },
  {
    key: 'from',
    label: '"Hình thành từ"',
    match: (h) =>
      h.includes('hinh thanh tu') || h.includes('sap nhap tu') || h.includes('don vi cu'),
  },
];

/** Reads a "Kế thừa" sheet: each new unit with the units it was formed from. */
export function parseLineageTable(table: Table): LineageLink[] {
  const located = locateColumns(table, ROLES, ['id', 'from']);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được bảng kế thừa đơn vị', [
      {
        sheet: table.sheet,
        message:
          'cần cột "Mã đơn vị" và cột "Hình thành từ" (mã các đơn vị cũ, cách nhau bởi dấu phẩy)',
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const issues: Issue[] = [];
  const links: LineageLink[] = [];
  const col = (key: LineageColumn) => columns.get(key);
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const read = (key: LineageColumn) => {
      const c = col(key);
      return c === undefined ? '' : cellText(row[c]);
    };
    const id = read('id');
    const from = read('from')
      .split(/[,;\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const primary = read('primary') || undefined;
    if (id === '')
      issues.push(cellIssue(table, r, col('id'), headers[col('id') ?? 0], 'thiếu mã đơn vị'));
    if (from.length === 0)
      issues.push(
        cellIssue(table, r, col('from'), headers[col('from') ?? 0], 'thiếu mã các đơn vị cũ'),
      );
    if (primary !== undefined && !from.includes(primary)) {
      issues.push(
        cellIssue(
          table,
          r,
          col('primary'),
          headers[col('primary') ?? 0],
          `"${primary}" không nằm trong danh sách đơn vị cũ`,
        ),
      );
    }
    if (id !== '' && from.length > 0) links.push({ id, from, primary });
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được bảng kế thừa từ trang "${table.sheet}"`,
      issues,
    );
  }
  return links;
}
