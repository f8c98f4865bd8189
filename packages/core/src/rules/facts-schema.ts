import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
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
    message: 'không được lớn hơn mẫu số (tổng)',
    path: ['numerator'],
  });

/** A whole number written as decimal digits (or a safe JSON integer); may exceed 2⁵³. */
const bigCount = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text =
    typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
  if (!/^\d{1,200}$/.test(text)) {
    ctx.issues.push({
      code: 'custom',
      message: `${JSON.stringify(value)} không phải là số nguyên không âm`,
      input: value,
    });
    return z.NEVER;
  }
  return BigInt(text);
});

/**
 * One respondent group's answers to a survey leaf: either the mean answer score as entered
 * (`mean`, in %), or the exact sums a tally gives (`weightSum` of the answers' weights in %
 * over `answers` answers), so that the mean is weightSum ÷ answers with no rounding.
 */
const surveyGroupFacts = z
  .strictObject({
    mean: percent.optional(),
    weightSum: nonNegative.optional(),
    answers: countInput.optional(),
    responses: countInput.optional(),
  })
  .superRefine((group, ctx) => {
    const exactGiven = group.weightSum !== undefined || group.answers !== undefined;
    if (group.mean !== undefined && exactGiven) {
      ctx.addIssue({
        code: 'custom',
        message: 'chỉ ghi điểm bình quân hoặc tổng trọng số và số câu trả lời, không ghi cả hai',
        path: ['mean'],
      });
      return;
    }
    if (group.mean !== undefined) return;
    if (!exactGiven) {
      ctx.addIssue({
        code: 'custom',
        message: 'cần điểm bình quân, hoặc tổng trọng số và số câu trả lời',
      });
      return;
    }
    if (group.weightSum === undefined) {
      ctx.addIssue({ code: 'custom', message: 'bắt buộc nhưng đang thiếu', path: ['weightSum'] });
    } else if (group.answers === undefined) {
      ctx.addIssue({ code: 'custom', message: 'bắt buộc nhưng đang thiếu', path: ['answers'] });
    } else if (group.weightSum.gt(Decimal.HUNDRED.timesInt(group.answers))) {
      ctx.addIssue({
        code: 'custom',
        message: 'không được lớn hơn 100 × số câu trả lời',
        path: ['weightSum'],
      });
    }
  })
  .transform((group) => {
    let mean: Ratio | undefined;
    if (group.mean !== undefined) mean = group.mean.toRatio();
    else if (group.weightSum !== undefined && group.answers !== undefined && group.answers > 0) {
      mean = group.weightSum.toRatio().dividedBy(Decimal.fromInt(group.answers));
    }
    return { mean, answers: group.answers, responses: group.responses };
  });

/** An index value as a decimal, or exactly as numerator ÷ denominator (integers). */
const externalIndexFacts = z
  .strictObject({
    value: nonNegative.optional(),
    numerator: bigCount.optional(),
    denominator: bigCount.optional(),
  })
  .superRefine((facts, ctx) => {
    const fractionGiven = facts.numerator !== undefined || facts.denominator !== undefined;
    if (facts.value !== undefined && fractionGiven) {
      ctx.addIssue({
        code: 'custom',
        message: 'chỉ ghi giá trị chỉ số, hoặc tử số và mẫu số, không ghi cả hai',
        path: ['value'],
      });
    } else if (facts.value === undefined && !fractionGiven) {
      ctx.addIssue({ code: 'custom', message: 'bắt buộc nhưng đang thiếu', path: ['value'] });
    } else if (facts.value === undefined) {
      if (facts.numerator === undefined) {
        ctx.addIssue({ code: 'custom', message: 'bắt buộc nhưng đang thiếu', path: ['numerator'] });
      }
      if (facts.denominator === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'bắt buộc nhưng đang thiếu',
          path: ['denominator'],
        });
      } else if (facts.denominator === 0n) {
        ctx.addIssue({ code: 'custom', message: 'phải lớn hơn 0', path: ['denominator'] });
      }
    }
  })
  .transform((facts) => ({
    value:
      facts.value !== undefined
        ? facts.value.toRatio()
        : Ratio.of(facts.numerator ?? 0n, facts.denominator ?? 1n),
  }));

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
  survey: z.strictObject({ groups: z.record(z.string(), surveyGroupFacts) }),
  externalIndex: externalIndexFacts,
  lowerUnits: z.strictObject({
    percents: z.array(percent),
    /** Each lower unit's band (same order as percents), for the shareInBand aggregate. */
    bands: z.array(z.string().nullable()).optional(),
  }),
  manual: z.strictObject({ points: decimalInput }),
} satisfies Record<Exclude<RuleKind, 'noneArose' | 'notApplicableWhen'>, z.ZodType>;

export type FactsOf<K extends keyof typeof FACTS_SCHEMAS> = z.output<(typeof FACTS_SCHEMAS)[K]>;
