import { formatDate, formatVietnamTime } from '@chiso/core';
import type { auditLog } from '../db/schema.js';
import type { HistoryChange, HistoryRow } from './present-history.js';
import { OTHER_ACTION_LABEL } from './present-history.js';

type AuditRow = typeof auditLog.$inferSelect;

export const TASK_ACTION_LABELS: Record<string, string> = {
  'task.create': 'Giao nhiệm vụ',
  'task.dispatch': 'Cấp trên giao nhiệm vụ',
  'task.update': 'Sửa nhiệm vụ',
  'task.start': 'Bắt đầu thực hiện',
  'task.complete': 'Báo cáo hoàn thành',
  'task.reopen': 'Mở lại nhiệm vụ',
  'task.report': 'Báo cáo tiến độ',
  'task.evidence.upload': 'Tải lên tài liệu kiểm chứng',
};

const EMPTY = '(trống)';
type Show = (value: unknown) => string;
const text: Show = (v) => (typeof v === 'string' && v !== '' ? v : EMPTY);
const list: Show = (v) =>
  Array.isArray(v) && v.length > 0 ? v.map((item) => String(item)).join(', ') : EMPTY;
const day: Show = (v) => (typeof v === 'string' && v !== '' ? formatDate(v) : EMPTY);
const when: Show = (v) => {
  const at = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(at) ? EMPTY : formatVietnamTime(at);
};
const percent: Show = (v) => (typeof v === 'number' ? `${v}%` : EMPTY);

/** The fields a task's audit rows carry, in reading order. */
const FIELDS: [key: string, label: string, show: Show][] = [
  ['title', 'Nội dung nhiệm vụ', text],
  ['description', 'Mô tả', text],
  ['authority', 'Cơ quan giao', text],
  ['document', 'Văn bản giao', text],
  ['leadOffice', 'Phòng, ban chủ trì', text],
  ['supportingOffices', 'Phòng, ban phối hợp', list],
  ['codes', 'Tiêu chí phục vụ', list],
  ['deadline', 'Thời hạn', day],
  ['target', 'Mục tiêu', text],
  ['startedAt', 'Bắt đầu thực hiện lúc', when],
  ['completedAt', 'Hoàn thành lúc', when],
  ['reportText', 'Nội dung báo cáo', text],
  ['percent', 'Tiến độ', percent],
  ['files', 'Tài liệu kèm theo', list],
  ['fileName', 'Tài liệu', text],
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function changesOf(row: AuditRow): HistoryChange[] {
  const before = isRecord(row.before) ? row.before : undefined;
  const after = isRecord(row.after) ? row.after : {};
  const changes: HistoryChange[] = [];
  for (const [key, label, show] of FIELDS) {
    if (!(key in after)) continue;
    const value = show(after[key]);
    if (before === undefined) {
      if (value !== EMPTY) changes.push({ label, after: value });
      continue;
    }
    const previous = show(before[key]);
    if (previous !== value) changes.push({ label, before: previous, after: value });
  }
  return changes;
}

/** A task's audit rows as a civil servant reads them, newest first as given. */
export function presentTaskHistory(rows: readonly AuditRow[], showIp: boolean): HistoryRow[] {
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    when: formatVietnamTime(row.at.getTime()),
    actor: row.actorName ?? 'Hệ thống',
    action: row.action,
    actionLabel: TASK_ACTION_LABELS[row.action] ?? OTHER_ACTION_LABEL,
    changes: changesOf(row),
    ...(showIp && row.ip !== null ? { ip: row.ip } : {}),
  }));
}
