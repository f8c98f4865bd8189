import { Decimal } from '../decimal/decimal.js';
import { formatCount, formatDate, formatExact } from '../format/format.js';
import { parseDate } from '../time/calendar-date.js';
import { parseCount } from '../validation/parse-input.js';
import {
  FACT_LABELS,
  factLabel,
  innerRule,
  TIMELINESS_STATUS_LABELS,
  wrapperFlag,
} from './fact-labels.js';
import type { Rule } from './rule.js';

/** One fact as a person reads it: "Tử số (đạt)" → "574". `key` tells lines apart for diffs. */
export interface FactLine {
  key: string;
  label: string;
  value: string;
}

/** Facts that are whole counts, shown with thousands dots ("22.855"). */
const COUNT_FIELDS = new Set(['onTime', 'count', 'occurrences', 'answers', 'responses']);

/** Label of a fact the rule no longer has (the framework changed after it was entered). */
export const OTHER_FACT_LABEL = 'Số liệu khác';

/** Any stored value, Vietnamese style: "Có"/"Không", decimal comma, dates dd/mm/yyyy. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return decimalText(value);
  if (typeof value === 'string') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDate(value) : undefined;
    return date ? formatDate(date) : value;
  }
  if (Array.isArray(value)) return value.map(displayValue).join('; ');
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map(displayValue)
      .join('; ');
  }
  return typeof value === 'bigint' ? formatCount(value) : '';
}

/** A decimal as typed or stored ("6.5", "6,5", 6.5) shown exactly: "6,5"; text otherwise. */
export function decimalText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return displayValue(value);
  const parsed = Decimal.parse(value);
  return parsed.ok ? formatExact(parsed.value) : String(value);
}

function countText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return displayValue(value);
  if (typeof value === 'string' && /^\d{16,}$/.test(value.trim())) {
    return formatCount(BigInt(value.trim()));
  }
  const parsed = parseCount(value);
  return parsed.ok ? formatCount(parsed.value) : String(value);
}

function valueOf(rule: Rule, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (key === 'status' && typeof value === 'string') {
    return TIMELINESS_STATUS_LABELS[value] ?? value;
  }
  if (key === 'completedOn' && typeof value === 'string') {
    const iso = parseDate(value);
    return iso ? formatDate(iso) : value;
  }
  if (key === 'percents' && Array.isArray(value)) {
    return value.map((p) => `${decimalText(p)}%`).join('; ');
  }
  if (
    COUNT_FIELDS.has(key) ||
    (rule.kind === 'externalIndex' && (key === 'numerator' || key === 'denominator'))
  ) {
    return countText(value);
  }
  return decimalText(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The facts of one leaf as labelled lines, in the order the officer's form asks for them.
 * A wrapper's flag comes first; a fact the rule does not know is kept under "Số liệu khác".
 */
export function describeFacts(rule: Rule | undefined, facts: unknown): FactLine[] {
  if (!isRecord(facts)) return [];
  if (rule === undefined) {
    return Object.entries(facts).map(([key, value]) => ({
      key,
      label: OTHER_FACT_LABEL,
      value: displayValue(value),
    }));
  }
  const lines: FactLine[] = [];
  const seen = new Set<string>();
  let current: Rule = rule;
  // Flags of nested wrappers, outermost first.
  while (current.kind === 'noneArose' || current.kind === 'notApplicableWhen') {
    const name = wrapperFlag(current);
    if (name !== undefined && facts[name] !== undefined) {
      lines.push({
        key: name,
        label: factLabel(current, [name]) ?? name,
        value: displayValue(facts[name]),
      });
      seen.add(name);
    }
    current = current.otherwise;
  }
  const scoring = innerRule(rule);
  const order = Object.keys(FACT_LABELS[scoring.kind]);
  const keys = [
    ...order.filter((k) => facts[k] !== undefined),
    ...Object.keys(facts).filter((k) => !order.includes(k) && !seen.has(k)),
  ];
  for (const key of keys) {
    const value = facts[key];
    if (scoring.kind === 'passFail' && key === 'conditions' && isRecord(value)) {
      for (const [condition, met] of Object.entries(value)) {
        lines.push({ key: `conditions.${condition}`, label: condition, value: displayValue(met) });
      }
    } else if (scoring.kind === 'survey' && key === 'groups' && isRecord(value)) {
      for (const [group, answers] of Object.entries(value)) {
        if (!isRecord(answers)) continue;
        for (const [field, inner] of Object.entries(answers)) {
          if (inner === undefined) continue;
          lines.push({
            key: `groups.${group}.${field}`,
            label: factLabel(scoring, ['groups', group, field]) ?? OTHER_FACT_LABEL,
            value: field === 'mean' ? `${decimalText(inner)}%` : valueOf(scoring, field, inner),
          });
        }
      }
    } else {
      const label = factLabel(scoring, [key]);
      lines.push({
        key,
        label: label ?? OTHER_FACT_LABEL,
        value: label === undefined ? displayValue(value) : valueOf(scoring, key, value),
      });
    }
  }
  return lines;
}
