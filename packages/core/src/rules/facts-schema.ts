import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { countInput, dateInput, decimalInput } from '../validation/parse-input.js';
import type { RuleKind } from './rule.js';

const nonNegative = decimalInput.refine((d) => !d.isNegative(), 'không được âm');
const percent = decimalInput.refine(
  (d) => !d.isNegative() && d.lte(Decimal.HUNDRED),
  'phải từ 0 đến 100 (%)',
);

const ratioFacts = z
  .strictObject({ numerator: nonNegative, denominator: nonNegative })
  .refine((f) => f.numerator.lte(f.denominator), {
    message: 'tử số không được lớn hơn mẫu số',
    path: ['numerator'],
  });

/** The facts a unit enters for each kind of leaf (wrappers add one flag to their inner facts). */
export const FACTS_SCHEMAS = {
  passFail: z.strictObject({
    passed: z.boolean().optional(),
    conditions: z.record(z.string(), z.boolean()).optional(),
  }),
  timeliness: z.strictObject({
    status: z.enum(['onTime', 'late', 'notDone']).optional(),
    completedOn: dateInput.optional(),
  }),
  countOnTime: z.strictObject({ onTime: countInput }),
  ratioBands: ratioFacts,
  proportional: ratioFacts,
  relativeToBest: z.strictObject({ value: nonNegative }),
  perItem: z.strictObject({ count: countInput }),
  deduction: z.strictObject({ occurrences: countInput }),
  bonusPenalty: z.strictObject({
    bonus: nonNegative.default(Decimal.ZERO),
    penalty: nonNegative.default(Decimal.ZERO),
  }),
  survey: z.strictObject({
    groups: z.record(
      z.string(),
      z.strictObject({ mean: percent, responses: countInput.optional() }),
    ),
  }),
  externalIndex: z.strictObject({ value: nonNegative }),
  lowerUnits: z.strictObject({ percents: z.array(percent) }),
  manual: z.strictObject({ points: decimalInput }),
} satisfies Record<Exclude<RuleKind, 'noneArose' | 'notApplicableWhen'>, z.ZodType>;

export type FactsOf<K extends keyof typeof FACTS_SCHEMAS> = z.output<(typeof FACTS_SCHEMAS)[K]>;
