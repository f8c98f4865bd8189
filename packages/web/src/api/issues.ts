import { formatIssue } from '@chiso/core/errors.js';
import { WINDOW_LABELS, type WindowKind } from '@chiso/core/periods/windows.js';
import { nameField } from '@chiso/core/rules/fact-labels.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import type { ApiIssue } from './client';

/** The fields of the app's forms, by the name the server's path gives them. */
const FIELD_LABELS: Record<string, string> = {
  points: 'Điểm',
  explanation: 'Giải trình',
  response: 'Nội dung giải trình',
  comment: 'Nhận xét',
  supplementDeadline: 'Hạn bổ sung',
  supplementNote: 'Nội dung cần bổ sung',
  rule: 'Quy tắc chấm',
  title: 'Tên',
  name: 'Tên',
  evidence: 'Tài liệu kiểm chứng cần có',
  appliesTo: 'Chỉ áp dụng cho loại đơn vị',
  guidance: 'Hướng dẫn chấm điểm',
  unitIds: 'Đơn vị tham gia',
  year: 'Năm',
  type: 'Loại đơn vị',
  peerGroup: 'Nhóm xếp hạng',
  parentId: 'Đơn vị cấp trên',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  code: 'Mã xác thực',
  recoveryCode: 'Mã khôi phục',
  role: 'Vai trò',
  unitId: 'Đơn vị',
  reason: 'Lý do',
};

/** Where in the facts of a leaf: the core's messages already name the field by its label. */
const IN_FACTS = /(^|[.\]])facts([.[]|$)/;

/** The Vietnamese name of a request path the app's forms send, if it has one. */
function pathLabel(path: string): string | undefined {
  const [first, second, third] = path.split('.');
  if (first === undefined) return undefined;
  if (first === 'frameworks' && second) return `Bộ chỉ số cho ${unitTypeLabel(second)}`;
  if (first === 'windows' && second && second in WINDOW_LABELS) {
    const when = third === 'opensAt' ? ' — bắt đầu' : third === 'closesAt' ? ' — kết thúc' : '';
    return `${WINDOW_LABELS[second as WindowKind]}${when}`;
  }
  return FIELD_LABELS[first.replace(/\[\d+\]$/, '')];
}

/**
 * One problem as a civil servant reads it. A place in a sheet keeps its sheet, row and column;
 * a form field is named by its label, never by its JSON path (which the API keeps for machines).
 */
export function issueText(issue: ApiIssue): string {
  if (issue.sheet !== undefined || issue.row !== undefined || issue.column !== undefined) {
    return formatIssue(issue);
  }
  const path = issue.path ?? '';
  if (path === '' || IN_FACTS.test(path)) return issue.message;
  const label = issue.field ?? pathLabel(path);
  return label === undefined ? issue.message : nameField(label, issue.message);
}
