import { formatDate } from '../format/format.js';
import type { Rule } from '../rules/rule.js';
import type { FrameworkInput } from './framework.js';
import {
  mapAt,
  readAt,
  RULE_DATE_FIELDS,
  RULE_NESTED_FIELDS,
  RULE_TEXT_FIELDS,
} from './rule-fields.js';
import { findYearMentions } from './years-in-text.js';

/** A copy from one year's framework to another's. */
export interface YearShift {
  fromYear: number;
  toYear: number;
}

/** A date in a rule that copying moved. */
export interface DateShift {
  code: string;
  /** Vietnamese name of the parameter ("Hạn hoàn thành"). */
  field: string;
  /** ISO dates. */
  from: string;
  to: string;
}

export type ReviewCheckKind = 'leapDay' | 'leapYear' | 'yearInText';

/** Something copying could not decide alone: the administrator looks at it before use. */
export interface ReviewCheck {
  code: string;
  field: string;
  kind: ReviewCheckKind;
  /** What is written now ("29/02/2028", "năm 2026"). */
  found: string;
  /** What it would probably read in the new year. */
  suggestion: string;
  /** Where it is written: the words around it, or the date itself. */
  excerpt: string;
  /** In Vietnamese: what was (not) done and what to look at. */
  message: string;
}

export interface ShiftResult<T> {
  value: T;
  dates: DateShift[];
  checks: ReviewCheck[];
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * An ISO date moved by whole years. 29 February into a year without one becomes 28 February
 * (the last day of the same month, so a deadline is never pushed into March).
 */
export function shiftIsoDate(iso: string, years: number): { date: string; clamped: boolean } {
  const [y = '0', m = '01', d = '01'] = iso.split('-');
  const year = Number(y) + years;
  const clamped = m === '02' && d === '29' && !isLeapYear(year);
  return { date: `${String(year).padStart(4, '0')}-${m}-${clamped ? '28' : d}`, clamped };
}

function dateChecks(code: string, field: string, from: string, to: string, clamped: boolean) {
  const year = to.slice(0, 4);
  if (clamped) {
    return [
      {
        code,
        field,
        kind: 'leapDay' as const,
        found: formatDate(from),
        suggestion: formatDate(to),
        excerpt: formatDate(from),
        message: `Năm ${year} không có ngày 29/02: ${field.toLowerCase()} ${formatDate(from)} đã được đặt thành ${formatDate(to)}; hãy kiểm tra lại`,
      },
    ];
  }
  // A deadline at the end of February in a common year may mean "the last day of February".
  if (to.endsWith('-02-28') && isLeapYear(Number(year))) {
    return [
      {
        code,
        field,
        kind: 'leapYear' as const,
        found: formatDate(to),
        suggestion: formatDate(`${year}-02-29`),
        excerpt: formatDate(to),
        message: `Năm ${year} có ngày 29/02: ${field.toLowerCase()} đã dời thành ${formatDate(to)}; nếu hạn là ngày cuối tháng 2, hãy sửa thành 29/02/${year}`,
      },
    ];
  }
  return [];
}

/** Years in a piece of free text, listed for review (text is never rewritten). */
export function textChecks(
  code: string,
  field: string,
  text: string,
  shift: YearShift,
): ReviewCheck[] {
  return findYearMentions(text, shift.fromYear, shift.toYear - shift.fromYear).map((m) => ({
    code,
    field,
    kind: 'yearInText',
    found: m.found,
    suggestion: m.suggestion,
    excerpt: m.excerpt,
    message: `${field} có "${m.found}": không được tự động đổi; nếu đó là năm đánh giá hoặc một thời hạn, hãy sửa (chẳng hạn thành "${m.suggestion}")`,
  }));
}

/**
 * Moves every date among a rule's parameters (nested rules included) by the years between,
 * and lists each date moved and each text naming a year near the source year.
 */
export function shiftRuleYears(
  rule: Rule,
  shift: YearShift,
  code: string,
  where: string[] = [],
): ShiftResult<Rule> {
  const years = shift.toYear - shift.fromYear;
  const name = (label: string) => (where.length > 0 ? `${label} (${where.join(', ')})` : label);
  const dates: DateShift[] = [];
  const checks: ReviewCheck[] = [];
  let next = rule;
  for (const field of RULE_DATE_FIELDS[rule.kind]) {
    next = mapAt(next, field.path, (value) => {
      if (typeof value !== 'string' || years === 0) return value;
      const moved = shiftIsoDate(value, years);
      dates.push({ code, field: name(field.label), from: value, to: moved.date });
      checks.push(...dateChecks(code, name(field.label), value, moved.date, moved.clamped));
      return moved.date;
    });
  }
  for (const field of RULE_TEXT_FIELDS[rule.kind]) {
    for (const value of readAt(next, field.path)) {
      if (typeof value === 'string')
        checks.push(...textChecks(code, name(field.label), value, shift));
    }
  }
  for (const field of RULE_NESTED_FIELDS[rule.kind]) {
    next = mapAt(next, field.path, (inner) => {
      const shifted = shiftRuleYears(inner as Rule, shift, code, [...where, field.label]);
      dates.push(...shifted.dates);
      checks.push(...shifted.checks);
      return shifted.value;
    });
  }
  return { value: next, dates, checks };
}

/**
 * A framework's nodes ready for another year: rule dates moved, and every date moved and
 * every year in a title, guidance, evidence or rule text listed, in document order.
 */
export function shiftFrameworkYears(
  input: FrameworkInput,
  shift: YearShift,
): ShiftResult<FrameworkInput> {
  const dates: DateShift[] = [];
  const checks: ReviewCheck[] = [];
  const nodes = input.nodes.map((node) => {
    checks.push(...textChecks(node.code, 'Tên', node.title, shift));
    for (const item of node.evidence ?? [])
      checks.push(...textChecks(node.code, 'Tài liệu kiểm chứng', item, shift));
    if (node.guidance) checks.push(...textChecks(node.code, 'Hướng dẫn', node.guidance, shift));
    if (!node.rule) return node;
    const shifted = shiftRuleYears(node.rule, shift, node.code);
    dates.push(...shifted.dates);
    checks.push(...shifted.checks);
    return { ...node, rule: shifted.value };
  });
  return { value: { ...input, year: shift.toYear, nodes }, dates, checks };
}
