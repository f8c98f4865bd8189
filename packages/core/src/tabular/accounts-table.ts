import { passwordProblems } from '../access/passwords.js';
import { ROLES, type Role } from '../access/policy.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { describeRequired, locateColumns, type ColumnRole } from './columns.js';
import { drainSteps, TEXT_LIMITS } from './cell-rules.js';
import { cellIssue, cellText, isBlank, normalizeHeader, type Table } from './table.js';

type AccountColumn = 'username' | 'fullName' | 'role' | 'unit' | 'email' | 'password';

const ROLES_COLUMNS: ColumnRole<AccountColumn>[] = [
  {
    key: 'username',
    label: '"Tên đăng nhập"',
    match: (h) => h.includes('dang nhap') || h === 'tai khoan' || h === 'username',
  },
  { key: 'role', label: '"Vai trò"', match: (h) => h.startsWith('vai tro') || h === 'quyen' },
  { key: 'unit', label: '"Mã đơn vị"', match: (h) => h.startsWith('ma don vi') || h === 'don vi' },
  {
    key: 'email',
    label: '"Thư điện tử"',
    match: (h) => h.includes('thu dien tu') || h === 'email' || h === 'e-mail',
  },
  {
    key: 'password',
    label: '"Mật khẩu"',
    match: (h) => h.startsWith('mat khau') || h === 'password',
  },
  {
    key: 'fullName',
    label: '"Họ và tên"',
    match: (h) => h.startsWith('ho') || h.includes('ten nguoi'),
  },
];

/** What offices write in a role column, to the role it means. */
const ROLE_WORDS: [string, Role][] = [
  ['quan tri', 'administrator'],
  ['nhap phieu', 'surveyClerk'],
  ['can bo dau moi', 'unitOfficer'],
  ['can bo', 'unitOfficer'],
  ['thu truong', 'unitHead'],
  ['tham dinh', 'appraiser'],
  ['to thu ky', 'appraiser'],
  ['hoi dong', 'councilMember'],
  ['nguoi xem', 'viewer'],
  ['xem', 'viewer'],
];

export function roleOf(text: string): Role | undefined {
  const trimmed = text.trim();
  if ((ROLES as readonly string[]).includes(trimmed)) return trimmed as Role;
  const normalized = normalizeHeader(trimmed);
  return ROLE_WORDS.find(([word]) => normalized.includes(word))?.[1];
}

export interface AccountRowInput {
  username: string;
  fullName: string;
  role: Role;
  unitId: string | undefined;
  /** Where reminders are e-mailed, when the table has the column and the cell is filled. */
  email: string | undefined;
  /** A first password the administrator chose (checked by the policy); else one is drawn. */
  password: string | undefined;
  row: number;
}

/** An address as offices write them: one "@", a dot in the domain, no spaces. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const USERNAME = /^[a-zA-Z0-9._-]{3,60}$/;

/** Reads an accounts table: one row per person. All-or-nothing, each bad cell named. */
export function parseAccountsTable(table: Table): AccountRowInput[] {
  return drainSteps(accountsTableSteps(table));
}

/**
 * `parseAccountsTable` in steps: yields the rows read every `stepRows` rows (a server pauses
 * there), returns the accounts or throws the table's issues.
 */
export function* accountsTableSteps(
  table: Table,
  stepRows = 2000,
): Generator<number, AccountRowInput[]> {
  const required: AccountColumn[] = ['username', 'fullName', 'role'];
  const located = locateColumns(table, ROLES_COLUMNS, required);
  if (!located) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được danh sách tài khoản', [
      {
        sheet: table.sheet,
        message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(ROLES_COLUMNS, required)} trong 30 dòng đầu`,
      },
    ]);
  }
  const { columns, headers, headerRow } = located;
  const issues: Issue[] = [];
  const accounts: AccountRowInput[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const text = (key: AccountColumn) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(row[c]);
    };
    const issue = (key: AccountColumn, message: string) => {
      const c = columns.get(key);
      issues.push(cellIssue(table, r, c, c === undefined ? undefined : headers[c], message));
    };
    if ((r - headerRow) % stepRows === 0) yield r - headerRow;
    const username = text('username').toLowerCase();
    const role = roleOf(text('role'));
    const unitId = text('unit') || undefined;
    const email = text('email') || undefined;
    if (email !== undefined && email.length > TEXT_LIMITS.email)
      issue('email', `dài ${email.length} ký tự, tối đa ${TEXT_LIMITS.email} ký tự`);
    else if (email !== undefined && !EMAIL_ADDRESS.test(email))
      issue('email', `địa chỉ thư điện tử "${email}" không hợp lệ (ví dụ: ten@donvi.gov.vn)`);
    if (!USERNAME.test(username))
      issue(
        'username',
        `tên đăng nhập "${username}" cần 3–60 ký tự: chữ không dấu, số, ".", "_", "-"`,
      );
    else if (seen.has(username))
      issue('username', `tên đăng nhập "${username}" trùng với dòng ${seen.get(username)}`);
    else seen.set(username, r + 1);
    if (text('fullName') === '') issue('fullName', 'thiếu họ và tên');
    else if (text('fullName').length > TEXT_LIMITS.fullName)
      issue(
        'fullName',
        `dài ${text('fullName').length} ký tự, tối đa ${TEXT_LIMITS.fullName} ký tự`,
      );
    const password = text('password') || undefined;
    if (password !== undefined) {
      for (const problem of passwordProblems(password, { username, fullName: text('fullName') }))
        issue('password', problem);
    }
    if (role === undefined)
      issue(
        'role',
        `vai trò "${text('role')}" không rõ (quản trị, cán bộ đầu mối, thủ trưởng, thẩm định, hội đồng, người xem)`,
      );
    if ((role === 'unitOfficer' || role === 'unitHead') && unitId === undefined)
      issue('unit', 'cán bộ đầu mối và thủ trưởng phải có mã đơn vị');
    accounts.push({
      username,
      fullName: text('fullName'),
      role: role ?? 'viewer',
      unitId,
      email,
      password,
      row: r + 1,
    });
  }
  if (accounts.length === 0 && issues.length === 0)
    issues.push({ sheet: table.sheet, message: 'bảng không có tài khoản nào' });
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được danh sách tài khoản từ trang "${table.sheet}"`,
      issues,
    );
  }
  return accounts;
}
