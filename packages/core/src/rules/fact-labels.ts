import type { Rule, RuleKind } from './rule.js';

/**
 * The Vietnamese names of the facts a unit enters, one per field of each rule kind: the
 * officer's form labels its inputs with them, validation messages name fields by them, and
 * the history of a leaf lists what changed under them. One place, so the three never differ.
 */
export const FACT_LABELS = {
  passFail: { passed: 'Đạt yêu cầu', conditions: 'Các điều kiện' },
  timeliness: { completedOn: 'Ngày hoàn thành', status: 'Tình trạng thực hiện' },
  countOnTime: { onTime: 'Số báo cáo/nhiệm vụ đúng hạn' },
  ratioBands: { numerator: 'Tử số (đạt)', denominator: 'Mẫu số (tổng)' },
  proportional: { numerator: 'Tử số (đạt)', denominator: 'Mẫu số (tổng)' },
  relativeToBest: { value: 'Giá trị của đơn vị' },
  perItem: { count: 'Số lượng' },
  deduction: { occurrences: 'Số trường hợp bị trừ điểm' },
  bonusPenalty: { bonus: 'Điểm thưởng', penalty: 'Điểm trừ' },
  survey: { groups: 'Điểm bình quân (%) theo nhóm đối tượng khảo sát' },
  externalIndex: {
    value: 'Giá trị chỉ số',
    numerator: 'Tử số của chỉ số',
    denominator: 'Mẫu số của chỉ số',
  },
  lowerUnits: { percents: 'Chỉ số (%) của các đơn vị cấp dưới' },
  manual: { points: 'Điểm tự chấm' },
} as const satisfies Record<Exclude<RuleKind, 'noneArose' | 'notApplicableWhen'>, object>;

/** The flags the two wrappers add to their inner rule's facts. */
export const WRAPPER_FLAG_LABELS = {
  noneArose: 'Không phát sinh trong năm',
  notApplicable: 'Không áp dụng',
} as const;

/** What each field of one survey group's answers means. */
export const SURVEY_GROUP_FIELD_LABELS: Record<string, string> = {
  mean: 'điểm bình quân (%)',
  weightSum: 'tổng trọng số',
  answers: 'số câu trả lời',
  responses: 'số phiếu',
};

/** "Tình trạng thực hiện" values, as the form's choices read. */
export const TIMELINESS_STATUS_LABELS: Record<string, string> = {
  onTime: 'Đúng hạn',
  late: 'Chậm',
  notDone: 'Không thực hiện',
};

/** The flag a wrapper rule reads from the facts, or undefined for an ordinary rule. */
export function wrapperFlag(rule: Rule): 'noneArose' | 'notApplicable' | undefined {
  if (rule.kind === 'noneArose') return 'noneArose';
  if (rule.kind === 'notApplicableWhen') return 'notApplicable';
  return undefined;
}

/** The rule that actually scores the facts: a wrapper's inner rule, however deep. */
export function innerRule(rule: Rule): Exclude<Rule, { kind: 'noneArose' | 'notApplicableWhen' }> {
  return rule.kind === 'noneArose' || rule.kind === 'notApplicableWhen'
    ? innerRule(rule.otherwise)
    : rule;
}

/**
 * The label of the fact at `path` (keys within the facts) for this rule, as the officer's form
 * shows it: "Tử số (đạt)", "Số báo cáo/nhiệm vụ đúng hạn (cần 4)", a pass/fail condition's own
 * text, "Người dân — điểm bình quân (%)". Undefined for a field the rule does not have.
 */
export function factLabel(rule: Rule, path: readonly PropertyKey[]): string | undefined {
  const [first, second, third] = path;
  if (typeof first !== 'string') return undefined;
  if (rule.kind === 'noneArose' || rule.kind === 'notApplicableWhen') {
    if (first === wrapperFlag(rule)) {
      return rule.kind === 'noneArose'
        ? WRAPPER_FLAG_LABELS.noneArose
        : `${WRAPPER_FLAG_LABELS.notApplicable}: ${rule.condition}`;
    }
    return factLabel(rule.otherwise, path);
  }
  if (rule.kind === 'passFail' && first === 'conditions' && typeof second === 'string') {
    return second;
  }
  if (rule.kind === 'countOnTime' && first === 'onTime') {
    return `${FACT_LABELS.countOnTime.onTime} (cần ${rule.required})`;
  }
  if (rule.kind === 'survey' && first === 'groups' && typeof second === 'string') {
    const group = rule.groups.find((g) => g.group === second)?.label ?? second;
    const field = typeof third === 'string' ? SURVEY_GROUP_FIELD_LABELS[third] : undefined;
    return field ? `${group} — ${field}` : group;
  }
  if (rule.kind === 'lowerUnits' && first === 'percents' && typeof second === 'number') {
    return `${FACT_LABELS.lowerUnits.percents}, đơn vị thứ ${second + 1}`;
  }
  const labels: Record<string, string> = FACT_LABELS[rule.kind];
  return Object.hasOwn(labels, first) ? labels[first] : undefined;
}

/**
 * A field's label joined to what is wrong with it, as one sentence: "Tử số (đạt) không được
 * lớn hơn mẫu số", or with a colon where the problem does not read on from the name
 * ("Tử số (đạt): "nhiều" không phải là số").
 */
export function nameField(label: string, problem: string): string {
  return /^(không được|phải|cần) /.test(problem) ? `${label} ${problem}` : `${label}: ${problem}`;
}
