import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { countInput, dateInput, decimalInput } from '../validation/parse-input.js';

const text = z.string().trim().min(1);
/** Narrative text: one paragraph per array item, or one string whose lines are paragraphs. */
const narrative = z
  .union([text, z.array(text).min(1)])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/\r?\n/))
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
const window = z
  .strictObject({ from: dateInput, to: dateInput })
  .refine((w) => w.from <= w.to, 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc');

/**
 * The optional `report` object of a `chiso report` request: what the results do not hold
 * (the issuer, the number, the blocks' names, the survey sample, the windows) and the parts
 * only people write (ưu điểm, tồn tại, nguyên nhân, nhiệm vụ).
 */
export const reportOptionsSchema = z.strictObject({
  parentAuthority: text.optional(),
  /** Cơ quan ban hành ("UBND TỈNH HẢI DƯƠNG"). */
  issuer: text.optional(),
  /** "27/BC-UBND"; blank for the clerk when absent. */
  number: text.optional(),
  place: text.optional(),
  date: dateInput.optional(),
  /** The year assessed; the framework's year by default. */
  year: z.number().int().min(2000).max(2100).optional(),
  /** The title's summary line (trích yếu); built from the year by default. */
  title: text.optional(),
  /** A draft of an approved period not yet published carries "DỰ THẢO". */
  draft: z.boolean().default(false),
  /** The blocks (peer groups) in the order of the report, with their names in sentences. */
  blocks: z
    .array(
      z.strictObject({
        group: text,
        /** "các sở, ban, ngành tỉnh": read after "Chỉ số CCHC của". */
        name: text,
        /** "Thủ trưởng các sở, ban, ngành tỉnh": read after "Đối với". */
        heads: text.optional(),
      }),
    )
    .default([]),
  /** Units whose index in one of these areas is below the % must hold a self-criticism review. */
  review: z
    .strictObject({
      areaCodes: z.array(text).min(1).default(['3', '7']),
      belowPercent: decimalInput.default(Decimal.of('75')),
    })
    .prefault({}),
  /** Units that moved at least this many places since last year are named. */
  minRankChange: z.number().int().min(1).default(2),
  /** The survey sample by block and respondent group ("Đại biểu HĐND tỉnh: 20 Phiếu"). */
  survey: z
    .array(
      z.strictObject({
        group: text,
        respondents: z.array(z.strictObject({ label: text, count: countInput })).min(1),
      }),
    )
    .default([]),
  windows: z
    .strictObject({ selfAssessment: window.optional(), appraisal: window.optional() })
    .default({}),
  narrative: z
    .strictObject({
      strengths: narrative.optional(),
      weaknesses: narrative.optional(),
      causes: narrative.optional(),
      tasks: narrative.optional(),
    })
    .default({}),
  recipients: z.array(text).min(1).optional(),
  signature: z
    .strictObject({ onBehalfOf: text.optional(), position: text, name: text.optional() })
    .optional(),
});

export type ReportOptionsInput = z.input<typeof reportOptionsSchema>;
export type ReportOptions = z.output<typeof reportOptionsSchema>;

export interface ReviewRule {
  areaCodes: readonly string[];
  belowPercent: Decimal;
}
