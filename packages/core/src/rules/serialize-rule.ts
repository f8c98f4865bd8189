import { Decimal } from '../decimal/decimal.js';
import type { Rule } from './rule.js';

/** JSON value of a rule; decimals become canonical strings ("0.25") so nothing is lost. */
export type RuleJson = { [key: string]: RuleJsonValue };
type RuleJsonValue = string | number | boolean | RuleJson | RuleJsonValue[];

export function serializeRule(rule: Rule): RuleJson {
  return toJson(rule) as RuleJson;
}

function toJson(value: unknown): RuleJsonValue {
  if (value instanceof Decimal) return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: RuleJson = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = toJson(inner);
    }
    return out;
  }
  return value as string | number | boolean;
}
