import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { dateInput, decimalInput } from '../validation/parse-input.js';
import { STATISTIC_KEYS } from '../statistics/catalogue.js';
import type { Rule } from './rule.js';

const zeroDenominator = z.enum(['full', 'zero', 'notApplicable']).default('zero');
const nonNegative = decimalInput.refine((d) => !d.isNegative(), 'không được âm');
const positive = decimalInput.refine((d) => d.gt(Decimal.ZERO), 'phải lớn hơn 0');

const passFail = z.strictObject({
  kind: z.literal('passFail'),
  conditions: z.array(z.string().trim().min(1)).default([]),
});

const timeliness = z.strictObject({
  kind: z.literal('timeliness'),
  deadline: dateInput.optional(),
  latePoints: nonNegative.default(Decimal.ZERO),
  notDonePoints: nonNegative.default(Decimal.ZERO),
});

const countOnTime = z.strictObject({
  kind: z.literal('countOnTime'),
  required: z.number().int().min(1),
  partialCredit: z.boolean().default(false),
});

const ratioBands = z.strictObject({
  kind: z.literal('ratioBands'),
  bands: z
    .array(
      z.strictObject({
        minPercent: nonNegative,
        inclusive: z.boolean().default(true),
        points: decimalInput,
      }),
    )
    .min(1),
  whenZeroDenominator: zeroDenominator,
  statistic: z.enum(STATISTIC_KEYS).optional(),
});

const proportional = z.strictObject({
  kind: z.literal('proportional'),
  fullAtPercent: positive.default(Decimal.HUNDRED),
  whenZeroDenominator: zeroDenominator,
  statistic: z.enum(STATISTIC_KEYS).optional(),
});

const relativeToBest = z.strictObject({
  kind: z.literal('relativeToBest'),
  higherIsBetter: z.boolean().default(true),
});

const perItem = z.strictObject({
  kind: z.literal('perItem'),
  pointsPerItem: positive,
  cap: nonNegative.optional(),
});

const deduction = z.strictObject({
  kind: z.literal('deduction'),
  pointsPerOccurrence: positive,
  minPoints: decimalInput.default(Decimal.ZERO),
});

const bonusPenalty = z.strictObject({
  kind: z.literal('bonusPenalty'),
  bonusCap: nonNegative.default(Decimal.ZERO),
  penaltyCap: nonNegative.default(Decimal.ZERO),
});

const survey = z.strictObject({
  kind: z.literal('survey'),
  groups: z
    .array(
      z.strictObject({
        group: z.string().trim().min(1),
        label: z.string().trim().optional(),
        weight: positive.default(Decimal.ONE),
      }),
    )
    .min(1)
    .transform((groups) => groups.map((g) => ({ ...g, label: g.label ?? g.group }))),
});

const externalIndex = z.strictObject({
  kind: z.literal('externalIndex'),
  fullAt: positive.default(Decimal.HUNDRED),
});

const lowerUnits = z
  .strictObject({
    kind: z.literal('lowerUnits'),
    aggregate: z.enum(['mean', 'min', 'shareAtLeast', 'shareInBand']).default('mean'),
    thresholdPercent: nonNegative.optional(),
    band: z.string().trim().min(1).optional(),
    source: z
      .strictObject({
        unitType: z.string().trim().min(1),
        alsoUnitTypes: z.array(z.string().trim().min(1)).optional(),
        year: z.number().int().min(2000).max(2100).optional(),
        periodId: z.string().trim().min(1).optional(),
      })
      .optional(),
  })
  .refine((r) => r.aggregate !== 'shareAtLeast' || r.thresholdPercent !== undefined, {
    message: 'cần "thresholdPercent" khi aggregate là "shareAtLeast"',
    path: ['thresholdPercent'],
  })
  .refine((r) => r.aggregate !== 'shareInBand' || r.band !== undefined, {
    message: 'cần "band" (tên nhóm xếp loại) khi aggregate là "shareInBand"',
    path: ['band'],
  });

const manual = z.strictObject({
  kind: z.literal('manual'),
  step: positive.optional(),
});

const noneArose = z.strictObject({
  kind: z.literal('noneArose'),
  get otherwise(): z.ZodType<Rule, unknown> {
    return ruleSchema;
  },
});

const notApplicableWhen = z.strictObject({
  kind: z.literal('notApplicableWhen'),
  condition: z.string().trim().min(1),
  get otherwise(): z.ZodType<Rule, unknown> {
    return ruleSchema;
  },
});

/** A rule as written in JSON or a spreadsheet cell; numbers may use a decimal comma. */
export const ruleSchema: z.ZodType<Rule, unknown> = z.discriminatedUnion('kind', [
  passFail,
  timeliness,
  countOnTime,
  ratioBands,
  proportional,
  relativeToBest,
  perItem,
  deduction,
  bonusPenalty,
  noneArose,
  notApplicableWhen,
  survey,
  externalIndex,
  lowerUnits,
  manual,
]);
