import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { decimalInput } from '../validation/parse-input.js';

/** "par": answers feed survey leaves of the framework; "sipas": a satisfaction index. */
export const SURVEY_KINDS = ['par', 'sipas'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  par: 'Điều tra xã hội học (Chỉ số CCHC)',
  sipas: 'Khảo sát sự hài lòng (SIPAS)',
};

/** The five elements of a service in SIPAS 2017–2020 (QĐ 2640/QĐ-BNV); keys are data. */
export const SIPAS_ELEMENTS: Record<string, string> = {
  tiepCan: 'Tiếp cận dịch vụ hành chính công',
  thuTuc: 'Thủ tục hành chính',
  congChuc: 'Công chức trực tiếp giải quyết công việc',
  ketQua: 'Kết quả cung ứng dịch vụ',
  gopY: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
};

export interface AnswerOption {
  /** "A", "B", … as printed on the form. */
  key: string;
  label: string;
  /** Score of the answer in % (A = 100, B = 60, C = 20, D = 0). */
  weight: Decimal;
  /** Counts as satisfied for SIPAS ("hài lòng", "rất hài lòng"). */
  satisfied: boolean;
}

export interface SurveyQuestion {
  /** "C1", "1.2": unique within the questionnaire. */
  code: string;
  text: string;
  /** The framework leaf the answer feeds (PAR surveys). */
  leafCode: string | undefined;
  /** The SIPAS element the answer measures (SIPAS surveys). */
  element: string | undefined;
  optional: boolean;
  options: AnswerOption[];
}

/** How a SIPAS index is formed from its elements; configurable, as the seeds leave it open. */
export type SipasFormula = 'meanOfElements' | 'pooled';

export interface SipasSettings {
  formula: SipasFormula;
  /** "regular" surveys at the one-stop desk (> 95% in seed 002) or "spot" surveys (> 85%). */
  mode: 'regular' | 'spot';
  /** Target in %; the index must exceed it (seed 002 says "trên 95%"). */
  target: Decimal;
  /** The externalIndex leaf the overall index feeds, if any. */
  leafCode: string | undefined;
}

export interface Questionnaire {
  name: string;
  kind: SurveyKind;
  /** Respondent group key, as the framework's survey rules name it. */
  group: string;
  groupLabel: string;
  ratedUnitType: string;
  questions: SurveyQuestion[];
  sipas: SipasSettings | undefined;
}

const percent = decimalInput.refine(
  (d) => !d.isNegative() && d.lte(Decimal.HUNDRED),
  'phải từ 0 đến 100 (%)',
);
const key = z
  .string()
  .trim()
  .min(1, 'không được để trống')
  .max(20, 'tối đa 20 ký tự')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'chỉ gồm chữ, số, dấu chấm, gạch nối');

const optionSchema = z.strictObject({
  key,
  label: z.string().trim().min(1, 'không được để trống').max(500),
  weight: percent,
  satisfied: z.boolean().default(false),
});

const questionSchema = z.strictObject({
  code: key,
  text: z.string().trim().min(1, 'không được để trống').max(2000),
  leafCode: z.string().trim().min(1).optional(),
  element: z.string().trim().min(1).optional(),
  optional: z.boolean().default(false),
  options: z.array(optionSchema).min(2, 'cần ít nhất 2 phương án trả lời').max(10),
});

export const sipasSettingsSchema = z.strictObject({
  formula: z.enum(['meanOfElements', 'pooled']).default('meanOfElements'),
  mode: z.enum(['regular', 'spot']).default('regular'),
  target: percent.optional(),
  leafCode: z.string().trim().min(1).optional(),
});

/**
 * A questionnaire as JSON (numbers with a decimal comma or point). Uniqueness of codes and keys is
 * checked by `parseQuestionnaire`, the link to the framework by
 * `checkQuestionnaireAgainstFramework`.
 */
export const questionnaireSchema = z.strictObject({
  name: z.string().trim().min(1, 'không được để trống').max(300),
  kind: z.enum(SURVEY_KINDS),
  group: key,
  groupLabel: z.string().trim().min(1, 'không được để trống').max(300),
  ratedUnitType: z.string().trim().min(1).max(40),
  questions: z.array(questionSchema).min(1, 'cần ít nhất một câu hỏi').max(200),
  sipas: sipasSettingsSchema.optional(),
});

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
