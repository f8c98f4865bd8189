/**
 * A change in one line for the administrator's trail and its spreadsheet: the fields that
 * differ between before and after ("trạng thái: nháp → đã gửi; điểm: 1 → 2"), a field set for
 * the first time as "tên: …", each value shortened. The field names the trail keeps most often
 * are in Vietnamese; others keep their stored name.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'tên',
  fullName: 'họ tên',
  username: 'tên đăng nhập',
  role: 'vai trò',
  unitId: 'đơn vị',
  officeId: 'phòng, ban',
  email: 'thư điện tử',
  active: 'đang dùng',
  status: 'trạng thái',
  points: 'điểm',
  facts: 'số liệu',
  comment: 'nhận xét',
  note: 'ghi chú',
  kind: 'loại',
  title: 'tiêu đề',
  type: 'loại',
  parentId: 'đơn vị cấp trên',
  opensAt: 'mở từ',
  closesAt: 'đóng lúc',
  deadline: 'hạn',
  version: 'phiên bản',
  year: 'năm',
  target: 'mục tiêu',
  explanation: 'giải trình',
  fileName: 'tên tệp',
  appraisalKind: 'cách thẩm định',
  appraisedPoints: 'điểm thẩm định',
  appraisalComment: 'nhận xét thẩm định',
  selfPoints: 'điểm tự đánh giá',
  reason: 'lý do',
  surveys: 'số cuộc khảo sát',
  responses: 'số phiếu',
  decisionNumber: 'số quyết định',
  changedUnits: 'đơn vị thay đổi',
  // Sign-in and the account's own security (0036, 0037).
  method: 'cách xác thực',
  secondFactor: 'bước thứ hai',
  recoveryCodes: 'số mã khôi phục',
  recoveryCodesLeft: 'mã khôi phục còn lại',
  mustChangePassword: 'phải đổi mật khẩu',
  passwordChanged: 'đã đổi mật khẩu',
  otherSessionsEnded: 'các phiên khác đã kết thúc',
  enabledAt: 'bật lúc',
  totpEnabledAt: 'bật xác thực hai bước lúc',
  issuer: 'nhà cung cấp định danh',
  subject: 'mã định danh',
  claim: 'thuộc tính đối chiếu',
};

/** Stored codes shown in words, for the fields whose values are codes. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  method: {
    password: 'mật khẩu',
    totp: 'mã từ ứng dụng xác thực',
    recoveryCode: 'mã khôi phục',
    oidc: 'đăng nhập một lần (OpenID Connect)',
  },
  secondFactor: { pending: 'chờ mã xác thực', totp: 'mã từ ứng dụng xác thực' },
};

const MAX_VALUE = 60;
const MAX_FIELDS = 6;
const MAX_TEXT = 400;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'string') return shorten(value, MAX_VALUE);
  if (typeof value === 'number') return String(value).replace('.', ',');
  return shorten(JSON.stringify(value), MAX_VALUE);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const label = (key: string) => FIELD_LABELS[key] ?? key;
const valueOf = (key: string, value: unknown) =>
  typeof value === 'string' ? (VALUE_LABELS[key]?.[value] ?? show(value)) : show(value);

/** The change as one line of text; empty when the row kept neither side. */
export function summarizeChange(before: unknown, after: unknown): string {
  const parts: string[] = [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    for (const key of keys) {
      const was = JSON.stringify(b[key]);
      const now = JSON.stringify(a[key]);
      if (was === now) continue;
      if (!(key in b) || !isRecord(before)) parts.push(`${label(key)}: ${valueOf(key, a[key])}`);
      else if (!(key in a) || !isRecord(after)) {
        parts.push(`${label(key)}: ${valueOf(key, b[key])} → bỏ`);
      } else parts.push(`${label(key)}: ${valueOf(key, b[key])} → ${valueOf(key, a[key])}`);
    }
  } else if (before !== null && before !== undefined) {
    parts.push(`${show(before)} → ${show(after)}`);
  } else if (after !== null && after !== undefined) {
    parts.push(show(after));
  }
  const more = parts.length > MAX_FIELDS ? `; và ${parts.length - MAX_FIELDS} mục khác` : '';
  return shorten(parts.slice(0, MAX_FIELDS).join('; ') + more, MAX_TEXT);
}
