import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { unitTypeKey } from '../units/unit-types.js';
import { parseDate } from '../validation/parse-input.js';
import { describeRequired, locateColumns, type ColumnRole } from './columns.js';
import { drainSteps, TEXT_LIMITS } from './cell-rules.js';
import { cellIssue, cellText, isBlank, type Table } from './table.js';

type UnitColumn = 'id' | 'name' | 'type' | 'parent' | 'group' | 'activeFrom' | 'activeTo';

const ROLES: ColumnRole<UnitColumn>[] = [
  { key: 'id', label: '"Mã đơn vị"', match: (h) => ['ma don vi', 'ma dv', 'ma', 'id'].includes(h) },
  {
    key: 'parent',
    label: '"Đơn vị cấp trên"',
    match: (h) => h.includes('cap tren') || h.includes('truc thuoc'),
  },
  {
    key: 'type',
    label: '"Loại đơn vị"',
    match: (h) => h === 'loai' || h.startsWith('loai don vi') || h === 'cap',
  },
  { key: 'group', label: '"Nhóm xếp hạng"', match: (h) => h.startsWith('nhom') || h === 'khoi' },
  {
    key: 'activeFrom',
    label: '"Từ ngày"',
    match: (h) => h.startsWith('tu ngay') || h.includes('thanh lap'),
  },
  {
    key: 'activeTo',
    label: '"Đến ngày"',
    match: (h) => h.startsWith('den ngay') || h.includes('giai the') || h.includes('sap nhap vao'),
  },
  {
    key: 'name',
    label: '"Tên đơn vị"',
    match: (h) => h.startsWith('ten') || h === 'don vi' || h.startsWith('co quan'),
  },
];

export interface UnitRowInput {
  id: string;
  name: string;
  type: string;
  parentId: string | undefined;
  peerGroup: string;
  activeFrom: string | undefined;
  activeTo: string | undefined;
  /** 1-based sheet row, for messages. */
  row: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Reads an organisation table: one row per unit; the peer group defaults to the unit type. A
 * parent must be in the table or among `existingIds`.
 */
export function parseUnitsTable(
  table: Table,
  existingIds: ReadonlySet<string> = new Set(),
): UnitRowInput[] {
  return drainSteps(unitsTableSteps(table, existingIds));
}

/** Text columns the API limits (saveUnitBody), with their limits. */
const LIMITED: [UnitColumn, number][] = [
  ['name', TEXT_LIMITS.unitName],
  ['type', TEXT_LIMITS.unitType],
  ['group', TEXT_LIMITS.peerGroup],
];

/**
 * `parseUnitsTable` in steps: yields the rows read every `stepRows` rows (a server pauses
 * there), returns the units or throws the table's issues.
 */
export function* unitsTableSteps(
  table: Table,
  existingIds: ReadonlySet<string> = new Set(),
  stepRows = 2000,
): Generator<number, UnitRowInput[]> {
  const required: UnitColumn[] = ['id', 'name', 'type'];
  const located = locateColumns(table, ROLES, required);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được danh sách đơn vị', [
      {
        sheet: table.sheet,
        message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(ROLES, required)} trong 30 dòng đầu`,
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const issues: Issue[] = [];
  const units: UnitRowInput[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const text = (key: UnitColumn) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(row[c]);
    };
    const issue = (key: UnitColumn, message: string) => {
      const c = columns.get(key);
      issues.push(cellIssue(table, r, c, c === undefined ? undefined : headers[c], message));
    };
    if ((r - headerRow) % stepRows === 0) yield r - headerRow;
    for (const [key, max] of LIMITED)
      if (text(key).length > max) issue(key, `dài ${text(key).length} ký tự, tối đa ${max} ký tự`);
    const id = text('id');
    const name = text('name');
    const typeText = text('type');
    const type = typeText === '' ? undefined : unitTypeKey(typeText);
    if (!ID.test(id))
      issue(
        'id',
        id === ''
          ? 'thiếu mã đơn vị'
          : `mã "${id}" chỉ được gồm chữ không dấu, số, "-", "_" hoặc "."`,
      );
    else if (seen.has(id)) issue('id', `mã "${id}" trùng với dòng ${seen.get(id)}`);
    else seen.set(id, r + 1);
    if (name === '') issue('name', 'thiếu tên đơn vị');
    if (type === undefined)
      issue(
        'type',
        typeText === ''
          ? 'thiếu loại đơn vị'
          : `loại đơn vị "${typeText}" không rõ (ví dụ: Sở, ban, ngành; UBND cấp huyện; xã; phường)`,
      );
    const date = (key: 'activeFrom' | 'activeTo') => {
      const value = text(key);
      if (value === '') return undefined;
      const iso = parseDate(value);
      if (iso === undefined) issue(key, `"${value}" không phải là ngày (dd/mm/yyyy)`);
      return iso;
    };
    units.push({
      id,
      name,
      type: type ?? '',
      parentId: text('parent') || undefined,
      peerGroup: text('group') || type || '',
      activeFrom: date('activeFrom'),
      activeTo: date('activeTo'),
      row: r + 1,
    });
  }
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    if (unit.parentId !== undefined && !ids.has(unit.parentId) && !existingIds.has(unit.parentId)) {
      issues.push({
        sheet: table.sheet,
        row: unit.row,
        field: 'Đơn vị cấp trên',
        message: `đơn vị cấp trên "${unit.parentId}" không có trong bảng hoặc hệ thống`,
      });
    }
  }
  if (units.length === 0 && issues.length === 0)
    issues.push({ sheet: table.sheet, message: 'bảng không có đơn vị nào' });
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được danh sách đơn vị từ trang "${table.sheet}"`,
      issues,
    );
  }
  return units;
}
