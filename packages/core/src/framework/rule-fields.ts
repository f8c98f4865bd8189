import type { Rule, RuleKind } from '../rules/rule.js';

/**
 * A parameter of a rule, by its path in the rule's JSON: "deadline" (a value), "conditions[]"
 * (each item of a list), "groups[].label" (a field of each item of a list).
 */
export interface RuleField {
  path: string;
  /** Vietnamese, for the administrator's review list. */
  label: string;
}

/**
 * Every calendar date among the parameters of each rule kind: the one table that copying a
 * framework to a new year walks. A test derives the same list from the zod schemas, so a date
 * added to a rule without being added here fails the build.
 */
export const RULE_DATE_FIELDS: Readonly<Record<RuleKind, readonly RuleField[]>> = {
  passFail: [],
  timeliness: [{ path: 'deadline', label: 'Hạn hoàn thành' }],
  countOnTime: [],
  ratioBands: [],
  proportional: [],
  relativeToBest: [],
  perItem: [],
  deduction: [],
  bonusPenalty: [],
  noneArose: [],
  notApplicableWhen: [],
  survey: [],
  externalIndex: [],
  lowerUnits: [],
  manual: [],
};

/**
 * Free text among a rule's parameters, which may name a year ("Báo cáo năm 2026"): listed for
 * review when copying, never changed automatically. Identifiers (a survey group's key) are not
 * text people read and are left out.
 */
export const RULE_TEXT_FIELDS: Readonly<Record<RuleKind, readonly RuleField[]>> = {
  passFail: [{ path: 'conditions[]', label: 'Điều kiện' }],
  timeliness: [],
  countOnTime: [],
  ratioBands: [],
  proportional: [],
  relativeToBest: [],
  perItem: [],
  deduction: [],
  bonusPenalty: [],
  noneArose: [],
  notApplicableWhen: [{ path: 'condition', label: 'Điều kiện không áp dụng' }],
  survey: [{ path: 'groups[].label', label: 'Tên nhóm đối tượng khảo sát' }],
  externalIndex: [],
  lowerUnits: [{ path: 'band', label: 'Nhóm xếp loại của đơn vị cấp dưới' }],
  manual: [],
};

/** Rules inside a rule; their dates and text are walked too, named after where they sit. */
export const RULE_NESTED_FIELDS: Readonly<Record<RuleKind, readonly RuleField[]>> = {
  passFail: [],
  timeliness: [],
  countOnTime: [],
  ratioBands: [],
  proportional: [],
  relativeToBest: [],
  perItem: [],
  deduction: [],
  bonusPenalty: [],
  noneArose: [{ path: 'otherwise', label: 'quy tắc khi có phát sinh' }],
  notApplicableWhen: [{ path: 'otherwise', label: 'quy tắc khi áp dụng' }],
  survey: [],
  externalIndex: [],
  lowerUnits: [],
  manual: [],
};

type Json = Record<string, unknown>;

/**
 * A copy of the rule with every value at a field's path passed through `change`; the rule
 * itself is left as it was.
 */
export function mapAt(rule: Rule, path: string, change: (value: unknown) => unknown): Rule {
  const [head = '', tail] = path.split('[].');
  const list = head.endsWith('[]') || tail !== undefined;
  const key = head.endsWith('[]') ? head.slice(0, -2) : head;
  const source = rule as unknown as Json;
  const current = source[key];
  if (current === undefined) return rule;
  let next: unknown;
  if (!list) next = change(current);
  else if (!Array.isArray(current)) return rule;
  else if (tail === undefined) next = current.map((value: unknown) => change(value));
  else next = current.map((item: Json) => ({ ...item, [tail]: change(item[tail]) }));
  return { ...source, [key]: next } as unknown as Rule;
}

/** The values at a field's path, in order. */
export function readAt(rule: Rule, path: string): unknown[] {
  const values: unknown[] = [];
  mapAt(rule, path, (value) => {
    values.push(value);
    return value;
  });
  return values;
}
