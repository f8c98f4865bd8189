import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { decimalInput } from '../validation/parse-input.js';

/** A group (nhóm/xếp loại) a unit falls into by its index %. Ordered from the highest. */
export interface Band {
  label: string;
  minPercent: Decimal;
}

/** A level of the head-of-agency rating: conditions on the total % and the lowest area %. */
export interface HeadRatingLevel {
  label: string;
  minPercent: Decimal;
  /** Every applicable area must reach this %. */
  minAreaPercent: Decimal;
}

/** A warning raised when one of the named areas is below a %. */
export interface FlagRule {
  label: string;
  areaCodes: string[];
  belowPercent: Decimal;
}

export interface ResultsPolicy {
  bands: Band[];
  /** Checked in order; a unit meeting no level's conditions gets the last level. */
  headRating: HeadRatingLevel[];
  flags: FlagRule[];
}

const d = (value: string) => Decimal.of(value);

/**
 * Hải Dương 2022 (seed 001): groups at 90 / 80 / 70 %, the four levels of the head-of-agency
 * rating, and the self-criticism review for a TTHC or digital-government area below 75 %.
 */
export const DEFAULT_POLICY: ResultsPolicy = {
  bands: [
    { label: 'Từ 90% trở lên', minPercent: d('90') },
    { label: 'Từ 80% đến dưới 90%', minPercent: d('80') },
    { label: 'Từ 70% đến dưới 80%', minPercent: d('70') },
    { label: 'Dưới 70%', minPercent: d('0') },
  ],
  headRating: [
    { label: 'Hoàn thành xuất sắc nhiệm vụ', minPercent: d('90'), minAreaPercent: d('80') },
    { label: 'Hoàn thành tốt nhiệm vụ', minPercent: d('80'), minAreaPercent: d('70') },
    { label: 'Hoàn thành nhiệm vụ', minPercent: d('65'), minAreaPercent: d('50') },
    { label: 'Không hoàn thành nhiệm vụ', minPercent: d('0'), minAreaPercent: d('0') },
  ],
  flags: [
    {
      label: 'Phải tổ chức kiểm điểm (Cải cách TTHC hoặc Chính quyền điện tử, số dưới 75%)',
      areaCodes: ['3', '7'],
      belowPercent: d('75'),
    },
  ],
};

const percent = decimalInput.refine((v) => !v.isNegative(), 'không được âm');
const descending = (items: { minPercent: Decimal }[]) =>
  items.every(
    (item, i) => i === 0 || item.minPercent.lte(items[i - 1]?.minPercent ?? item.minPercent),
  );

export const policySchema = z.strictObject({
  bands: z
    .array(z.strictObject({ label: z.string().trim().min(1), minPercent: percent }))
    .refine(descending, 'các nhóm phải xếp theo tỷ lệ từ cao xuống thấp')
    .default(DEFAULT_POLICY.bands),
  headRating: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1),
        minPercent: percent.default(Decimal.ZERO),
        minAreaPercent: percent.default(Decimal.ZERO),
      }),
    )
    .min(1)
    .refine(descending, 'các mức xếp loại phải xếp theo tỷ lệ từ cao xuống thấp')
    .default(DEFAULT_POLICY.headRating),
  flags: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1),
        areaCodes: z.array(z.string().trim().min(1)).min(1),
        belowPercent: percent,
      }),
    )
    .default(DEFAULT_POLICY.flags),
}) satisfies z.ZodType<ResultsPolicy, unknown>;
