import {
  checkRule,
  Decimal,
  describeRule,
  nameField,
  ruleSchema,
  toIssues,
  type Rule,
} from '@chiso/core';
import { useMemo } from 'react';
import { isDraft, type Draft } from './rule-draft';

/** The Vietnamese names of rule parameters, as the form labels them. */
export const PARAM_LABELS = {
  kind: 'Loại quy tắc chấm',
  conditions: 'Các điều kiện phải đạt',
  deadline: 'Hạn hoàn thành',
  latePoints: 'Điểm khi hoàn thành chậm',
  notDonePoints: 'Điểm khi không thực hiện',
  required: 'Số lượng yêu cầu',
  partialCredit: 'Chưa đủ thì tính điểm theo tỷ lệ',
  bands: 'Các mức tỷ lệ',
  minPercent: 'tỷ lệ từ (%)',
  inclusive: 'so sánh',
  points: 'điểm',
  whenZeroDenominator: 'Khi mẫu số bằng 0',
  fullAtPercent: 'Đạt điểm tối đa từ tỷ lệ (%)',
  higherIsBetter: 'Giá trị càng cao càng tốt',
  pointsPerItem: 'Điểm cho mỗi kết quả',
  cap: 'Mức trần (điểm)',
  pointsPerOccurrence: 'Điểm trừ mỗi trường hợp',
  minPoints: 'Điểm thấp nhất',
  bonusCap: 'Điểm thưởng tối đa',
  penaltyCap: 'Điểm trừ tối đa',
  condition: 'Không áp dụng khi',
  groups: 'Nhóm đối tượng khảo sát',
  group: 'mã nhóm',
  label: 'tên nhóm',
  weight: 'trọng số',
  fullAt: 'Giá trị đạt điểm tối đa',
  aggregate: 'Cách tổng hợp',
  thresholdPercent: 'Ngưỡng chỉ số (%)',
  step: 'Bước điểm',
  statistic: 'Lấy từ số liệu TTHC',
} as const satisfies Record<string, string>;

const LABELS: Record<string, string | undefined> = PARAM_LABELS;

const ROWS: Record<string, string> = { bands: 'Mức', groups: 'Nhóm', conditions: 'Điều kiện' };

/**
 * "Mức 2 — điểm", "Khi phát sinh — Điểm cho mỗi kết quả": where a problem is, in the words of
 * the form, walking the draft so a wrapper's inner rule is named by what it is for.
 */
export function paramLabel(draft: Draft, path: readonly PropertyKey[]): string | undefined {
  const parts: string[] = [];
  let node: unknown = draft;
  let list: string | undefined;
  for (const key of path) {
    if (typeof key === 'number') {
      parts.push(`${ROWS[list ?? ''] ?? 'Dòng'} ${key + 1}`);
    } else if (key === 'otherwise' && isDraft(node)) {
      parts.push(node.kind === 'noneArose' ? 'Khi có phát sinh' : 'Khi áp dụng');
    } else {
      const label = LABELS[String(key)];
      if (label === undefined) return parts.length > 0 ? parts.join(' — ') : undefined;
      // A list's own name is said once, by its rows ("Mức 2 — điểm").
      if (!(String(key) in ROWS)) parts.push(label);
      list = String(key);
    }
    node =
      isDraft(node) || Array.isArray(node)
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  const text = parts.join(' — ');
  return text === '' ? undefined : text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RuleCheck {
  /** The rule as the core reads it, when the parameters are sound. */
  rule?: Rule;
  /** One sentence saying how the leaf scores, when sound. */
  text?: string;
  /** Each problem naming its parameter ("Mức 2 — điểm không được âm"). */
  problems: string[];
  /** The schema's message per parameter path ("bands[1].points"), to show at the input. */
  errors: Map<string, string>;
}

/** Checks a rule as it is typed: the core's schema and `checkRule`, then `describeRule`. */
export function useRuleCheck(draft: Draft, maxPoints: string): RuleCheck {
  return useMemo(() => {
    const result = ruleSchema.safeParse(draft);
    if (!result.success) {
      const messages = toIssues(result.error);
      const errors = new Map<string, string>();
      const problems = result.error.issues.map((issue, i) => {
        const message = messages[i]?.message ?? '';
        const path = messages[i]?.path ?? '';
        if (!errors.has(path)) errors.set(path, message);
        const label = paramLabel(draft, issue.path);
        return label === undefined ? message : nameField(label, message);
      });
      return { problems, errors };
    }
    const max = Decimal.of(maxPoints);
    const problems = checkRule(result.data, max).map((p) => p.charAt(0).toUpperCase() + p.slice(1));
    if (problems.length > 0) return { problems, errors: new Map<string, string>() };
    return {
      rule: result.data,
      text: describeRule(result.data, max),
      problems,
      errors: new Map<string, string>(),
    };
  }, [draft, maxPoints]);
}
