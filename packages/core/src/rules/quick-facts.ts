import { Decimal } from '../decimal/decimal.js';
import { parseDate } from '../validation/parse-input.js';
import {
  countValue,
  decimalValue,
  freeRecord,
  knownKeys,
  nonNegativeValue,
} from '../validation/quick-read.js';
import { FACTS_SCHEMAS, type FactsOf } from './facts-schema.js';

/**
 * Hand-written readers of the common, well-formed facts, beside the zod schemas that stay the
 * definition. A reader returns exactly what its schema would, or undefined whenever anything
 * is unusual; then the schema parses and words the problem. Scoring thousands of units reads
 * hundreds of thousands of facts, and zod took most of that time.
 */
type Reader<K extends keyof typeof FACTS_SCHEMAS> = (facts: unknown) => FactsOf<K> | undefined;

const ratio: Reader<'ratioBands'> = (facts) => {
  const r = knownKeys(facts, ['numerator', 'denominator']);
  if (!r) return undefined;
  const numerator = nonNegativeValue(r.numerator);
  const denominator = nonNegativeValue(r.denominator);
  if (numerator === undefined || denominator === undefined || numerator.gt(denominator)) {
    return undefined;
  }
  return { numerator, denominator };
};

const STATUSES = ['onTime', 'late', 'notDone'] as const;
const timeliness: Reader<'timeliness'> = (facts) => {
  const r = knownKeys(facts, ['status', 'completedOn']);
  if (!r) return undefined;
  const out: FactsOf<'timeliness'> = {};
  if (r.status !== undefined) {
    const status = STATUSES.find((s) => s === r.status);
    if (status === undefined) return undefined;
    out.status = status;
  }
  if (r.completedOn !== undefined) {
    const date = typeof r.completedOn === 'string' ? parseDate(r.completedOn) : undefined;
    if (date === undefined) return undefined;
    out.completedOn = date;
  }
  return out;
};

/** Facts of one whole count, such as `{ occurrences: 2 }`. */
function oneCount<K extends 'countOnTime' | 'perItem' | 'deduction'>(key: string): Reader<K> {
  return (facts) => {
    const r = knownKeys(facts, [key]);
    const value = r && countValue(r[key]);
    return value === undefined ? undefined : ({ [key]: value } as FactsOf<K>);
  };
}

const bonusPenalty: Reader<'bonusPenalty'> = (facts) => {
  const r = knownKeys(facts, ['bonus', 'penalty']);
  if (!r) return undefined;
  const bonus = r.bonus === undefined ? Decimal.ZERO : nonNegativeValue(r.bonus);
  const penalty = r.penalty === undefined ? Decimal.ZERO : nonNegativeValue(r.penalty);
  return bonus === undefined || penalty === undefined ? undefined : { bonus, penalty };
};

const passFail: Reader<'passFail'> = (facts) => {
  const r = knownKeys(facts, ['passed', 'conditions']);
  if (!r) return undefined;
  const out: FactsOf<'passFail'> = {};
  if (r.passed !== undefined) {
    if (typeof r.passed !== 'boolean') return undefined;
    out.passed = r.passed;
  }
  if (r.conditions !== undefined) {
    const conditions = freeRecord(r.conditions);
    if (!conditions) return undefined;
    const copy: Record<string, boolean> = {};
    for (const [name, value] of Object.entries(conditions)) {
      if (typeof value !== 'boolean') return undefined;
      copy[name] = value;
    }
    out.conditions = copy;
  }
  return out;
};

const relativeToBest: Reader<'relativeToBest'> = (facts) => {
  const value = nonNegativeValue(knownKeys(facts, ['value'])?.value);
  return value === undefined ? undefined : { value };
};

const manual: Reader<'manual'> = (facts) => {
  const points = decimalValue(knownKeys(facts, ['points'])?.points);
  return points === undefined ? undefined : { points };
};

const READERS = new Map<unknown, (facts: unknown) => unknown>([
  [FACTS_SCHEMAS.ratioBands, ratio],
  [FACTS_SCHEMAS.proportional, ratio],
  [FACTS_SCHEMAS.timeliness, timeliness],
  [FACTS_SCHEMAS.countOnTime, oneCount<'countOnTime'>('onTime')],
  [FACTS_SCHEMAS.perItem, oneCount<'perItem'>('count')],
  [FACTS_SCHEMAS.deduction, oneCount<'deduction'>('occurrences')],
  [FACTS_SCHEMAS.bonusPenalty, bonusPenalty],
  [FACTS_SCHEMAS.passFail, passFail],
  [FACTS_SCHEMAS.relativeToBest, relativeToBest],
  [FACTS_SCHEMAS.manual, manual],
]);

/** The facts as `schema` reads them when a quick reader is sure of it; undefined otherwise. */
export function readFactsQuickly(schema: unknown, facts: unknown): unknown {
  return READERS.get(schema)?.(facts);
}
