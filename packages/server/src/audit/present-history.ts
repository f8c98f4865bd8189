import {
  AUDIT_ACTION_LABELS,
  OTHER_AUDIT_ACTION_LABEL,
  decimalText,
  describeFacts,
  displayValue,
  formatVietnamTime,
  type FactLine,
  type Rule,
} from '@chiso/core';
import type { auditLog } from '../db/schema.js';

type AuditRow = typeof auditLog.$inferSelect;

/** One thing that changed, as "label: before → after"; `before` absent when it is new. */
export interface HistoryChange {
  label: string;
  before?: string;
  after: string;
}

/** One step in a leaf's history, ready to read: who, when, what, and what changed. */
export interface HistoryRow {
  id: number;
  /** The instant, for machines; `when` is the same in Vietnam time, "20/01/2027 14:05". */
  at: string;
  when: string;
  actor: string;
  action: string;
  actionLabel: string;
  changes: HistoryChange[];
  /** The address the change came from: personal data of appraisers, for administrators only. */
  ip?: string;
}

/** A leaf's actions are named as in the whole trail: the core's one list (core/audit). */
export const ACTION_LABELS = AUDIT_ACTION_LABELS;

/** What an action not listed is called: still Vietnamese, never its code. */
export const OTHER_ACTION_LABEL = OTHER_AUDIT_ACTION_LABEL;

export const APPRAISAL_KIND_LABELS: Record<string, string> = {
  accepted: 'Chấp nhận kết quả tự đánh giá',
  facts: 'Sửa số liệu',
  points: 'Chấm điểm trực tiếp',
  missing: 'Không tính điểm',
};

const EMPTY = '(trống)';

type Show = (value: unknown) => string;

const text: Show = (value) => (typeof value === 'string' && value !== '' ? value : EMPTY);
const decimal: Show = (value) =>
  value === null || value === undefined ? EMPTY : decimalText(value);
const deadline: Show = (value) => {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? EMPTY : formatVietnamTime(at, true);
};
const appraisalKind: Show = (value) =>
  typeof value === 'string' ? (APPRAISAL_KIND_LABELS[value] ?? value) : EMPTY;

type Field = [key: string, label: string, show: Show];

/** Read before the facts: how the appraiser decided. */
const LEADING: Field[] = [['appraisalKind', 'Cách thẩm định', appraisalKind]];

/** The other fields audit rows of a leaf carry, in reading order, after the facts. */
const TRAILING: Field[] = [
  ['selfPoints', 'Điểm tự chấm', decimal],
  ['selfExplanation', 'Giải trình của đơn vị', text],
  ['appraisedPoints', 'Điểm thẩm định', decimal],
  ['appraisalComment', 'Nhận xét thẩm định', text],
  ['supplementDeadline', 'Hạn bổ sung', deadline],
  ['supplementNote', 'Nội dung cần bổ sung', text],
  ['reason', 'Lý do điều chỉnh', text],
  ['response', 'Nội dung giải trình', text],
  ['pageRef', 'Trang, mục trong tài liệu', text],
];

/** Keys that locate a row rather than say what changed. */
const LOCATING = new Set([
  'periodId',
  'unitId',
  'code',
  'evidenceId',
  'fileName',
  'linkedAt',
  'linkedBy',
  'uploadedAt',
  'uploadedBy',
  'id',
  'version',
]);

const FACT_KEYS = new Set(['facts', 'appraisedFacts']);
const KNOWN = new Set([...LEADING, ...TRAILING].map(([key]) => key));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

interface Line {
  label: string;
  value: string;
}

/** A row's before or after as labelled lines, each under a key that tells it apart. */
function linesOf(
  state: unknown,
  rule: Rule | undefined,
  fileNames: ReadonlyMap<string, string>,
): Map<string, Line> {
  const lines = new Map<string, Line>();
  if (!isRecord(state)) return lines;
  const evidenceId = typeof state.evidenceId === 'string' ? state.evidenceId : undefined;
  const fileName =
    typeof state.fileName === 'string'
      ? state.fileName
      : evidenceId !== undefined
        ? fileNames.get(evidenceId)
        : undefined;
  if (fileName !== undefined || evidenceId !== undefined) {
    lines.set('file', { label: 'Tài liệu', value: fileName ?? 'tài liệu đã bị xoá' });
  }
  const fields = (list: Field[]) => {
    for (const [key, label, show] of list) {
      if (key in state) lines.set(key, { label, value: show(state[key]) });
    }
  };
  fields(LEADING);
  for (const key of FACT_KEYS) {
    describeFacts(rule, state[key]).forEach((fact: FactLine) =>
      lines.set(`${key}.${fact.key}`, { label: fact.label, value: fact.value }),
    );
  }
  fields(TRAILING);
  for (const [key, value] of Object.entries(state)) {
    if (KNOWN.has(key) || FACT_KEYS.has(key) || LOCATING.has(key)) continue;
    lines.set(key, { label: 'Thông tin khác', value: displayValue(value) });
  }
  return lines;
}

/**
 * What changed between a row's before and after. A fact present on one side only is shown
 * against "(trống)"; an evidence row says which document, with no arrow.
 */
function changesOf(
  row: AuditRow,
  rule: Rule | undefined,
  fileNames: ReadonlyMap<string, string>,
): HistoryChange[] {
  const after = linesOf(row.after, rule, fileNames);
  const before = linesOf(row.before, rule, fileNames);
  if (row.action.startsWith('evidence.')) {
    return [...(after.size > 0 ? after : before).values()]
      .filter((line) => line.value !== EMPTY)
      .map((line) => ({ label: line.label, after: line.value }));
  }
  if (row.before === null) {
    return [...after.values()]
      .filter((line) => line.value !== EMPTY)
      .map((line) => ({ label: line.label, after: line.value }));
  }
  const changes: HistoryChange[] = [];
  for (const [key, line] of after) {
    const previous = before.get(key)?.value ?? EMPTY;
    if (previous !== line.value) {
      changes.push({ label: line.label, before: previous, after: line.value });
    }
  }
  for (const [key, line] of before) {
    // A fact removed by the save (facts are replaced as a whole); other fields are partial.
    const removedFact = key.startsWith('facts.') || key.startsWith('appraisedFacts.');
    if (!after.has(key) && removedFact && line.value !== EMPTY) {
      changes.push({ label: line.label, before: line.value, after: EMPTY });
    }
  }
  return changes;
}

/** The evidence a leaf's rows name by id only (unlinks written before file names were kept). */
export function evidenceIdsOf(rows: readonly AuditRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const state of [row.before, row.after]) {
      if (isRecord(state) && typeof state.evidenceId === 'string' && !('fileName' in state)) {
        ids.add(state.evidenceId);
      }
    }
  }
  return [...ids];
}

/** Actions that carry an appraiser's decision on the leaf. */
const APPRAISAL_ACTIONS = new Set([
  'entry.appraise',
  'entry.reappraise',
  'entry.accept',
  'entry.correct',
  'entry.repair',
]);

/** What a unit may read of an appraisal before it is sent: the request to supplement. */
const SUPPLEMENT_FIELDS = ['supplementDeadline', 'supplementNote'];

function supplementOnly(state: unknown): unknown {
  if (!isRecord(state)) return state;
  return Object.fromEntries(
    Object.entries(state).filter(([key]) => SUPPLEMENT_FIELDS.includes(key)),
  );
}

export interface HistoryOptions {
  rule: Rule | undefined;
  fileNames: ReadonlyMap<string, string>;
  /** The address each change came from; administrators only. */
  showIp: boolean;
  /**
   * Whether the reader may see the appraisal yet (points, comments, the appraiser's name): a
   * unit sees it once the round is sent (as on its assessment page); before that, only
   * requests to supplement, signed by the team.
   */
  appraisalVisible: boolean;
}

/** Audit rows of one leaf as a civil servant reads them, newest first as given. */
export function presentHistory(rows: readonly AuditRow[], options: HistoryOptions): HistoryRow[] {
  return rows.flatMap((row) => {
    const hidden = !options.appraisalVisible && APPRAISAL_ACTIONS.has(row.action);
    const shown = hidden
      ? { ...row, before: supplementOnly(row.before), after: supplementOnly(row.after) }
      : row;
    const changes = changesOf(shown, options.rule, options.fileNames);
    if (hidden && changes.length === 0) return [];
    return [
      {
        id: row.id,
        at: row.at.toISOString(),
        when: formatVietnamTime(row.at.getTime()),
        // Before the round is sent, the unit reads who asked as the team, not the person.
        actor: hidden ? 'Tổ thẩm định' : (row.actorName ?? 'Hệ thống'),
        action: row.action,
        actionLabel: hidden
          ? 'Tổ thẩm định yêu cầu bổ sung'
          : (ACTION_LABELS[row.action] ?? OTHER_ACTION_LABEL),
        changes,
        ...(options.showIp && row.ip !== null ? { ip: row.ip } : {}),
      },
    ];
  });
}
