import type { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { toIssues } from '../validation/parse-input.js';
import {
  questionnaireSchema,
  type Questionnaire,
  type SipasSettings,
  type SurveyKind,
  type SurveyQuestion,
} from './questionnaire.js';

/** Target of a SIPAS index by mode when none is given (seed 002: above 95% / above 85%). */
export const SIPAS_DEFAULT_TARGETS: Record<SipasSettings['mode'], Decimal> = {
  regular: Decimal.of(95),
  spot: Decimal.of(85),
};

/** A questionnaire as JSON: weights and targets as exact decimal strings ("60", "12.5"). */
export interface QuestionnaireJson {
  name: string;
  kind: SurveyKind;
  group: string;
  groupLabel: string;
  ratedUnitType: string;
  questions: QuestionJson[];
  sipas?: SipasJson | null;
}

export interface QuestionJson {
  code: string;
  text: string;
  leafCode?: string;
  element?: string;
  optional: boolean;
  options: { key: string; label: string; weight: string; satisfied: boolean }[];
}

export interface SipasJson {
  formula: SipasSettings['formula'];
  mode: SipasSettings['mode'];
  target: string;
  leafCode?: string;
}

/**
 * Reads a questionnaire from JSON (as the API receives it or as stored): shape and values by
 * the schema, then unique question codes and option keys. Throws VALIDATION_FAILED with every
 * problem, each under its path ("questions[2].options[0].weight").
 */
export function parseQuestionnaire(json: unknown): Questionnaire {
  const input =
    json !== null && typeof json === 'object' && !Array.isArray(json) && 'sipas' in json
      ? withoutNullSipas(json)
      : json;
  const result = questionnaireSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Phiếu khảo sát không hợp lệ',
      vietnameseIssues(result.error),
    );
  }
  const data = result.data;
  const issues: Issue[] = [];
  const codes = new Map<string, number>();
  data.questions.forEach((question, q) => {
    const code = question.code.toLowerCase();
    const first = codes.get(code);
    if (first !== undefined) {
      issues.push({
        path: `questions[${q}].code`,
        message: `mã câu "${question.code}" trùng với câu thứ ${first + 1}`,
      });
    } else codes.set(code, q);
    const keys = new Map<string, number>();
    question.options.forEach((option, o) => {
      const key = option.key.toLowerCase();
      const seen = keys.get(key);
      if (seen !== undefined) {
        issues.push({
          path: `questions[${q}].options[${o}].key`,
          message: `câu ${question.code}: phương án "${option.key}" trùng với phương án thứ ${seen + 1}`,
        });
      } else keys.set(key, o);
    });
  });
  if (data.kind === 'par' && data.sipas !== undefined) {
    issues.push({ path: 'sipas', message: 'chỉ phiếu SIPAS mới có cài đặt chỉ số SIPAS' });
  }
  if (issues.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Phiếu khảo sát không hợp lệ', issues);
  }
  const questions: SurveyQuestion[] = data.questions.map((question) => ({
    code: question.code,
    text: question.text,
    leafCode: question.leafCode,
    element: question.element,
    optional: question.optional,
    options: question.options.map((option) => ({
      key: option.key,
      label: option.label,
      weight: option.weight,
      satisfied: option.satisfied,
    })),
  }));
  let sipas: SipasSettings | undefined;
  if (data.kind === 'sipas') {
    const settings = data.sipas;
    const mode = settings?.mode ?? 'regular';
    sipas = {
      formula: settings?.formula ?? 'meanOfElements',
      mode,
      target: settings?.target ?? SIPAS_DEFAULT_TARGETS[mode],
      leafCode: settings?.leafCode,
    };
  }
  return {
    name: data.name,
    kind: data.kind,
    group: data.group,
    groupLabel: data.groupLabel,
    ratedUnitType: data.ratedUnitType,
    questions,
    sipas,
  };
}

/**
 * The schema's issues in Vietnamese. Where the questionnaire schema gives its own message
 * ("cần ít nhất 2 phương án trả lời") it is kept: those are Vietnamese, zod's defaults are not.
 */
function vietnameseIssues(error: z.ZodError): Issue[] {
  const generic = toIssues(error);
  return error.issues.map((issue, i) => {
    const fallback = generic[i] ?? { message: issue.message };
    return /[\u0080-\uffff]/.test(issue.message)
      ? { ...fallback, message: issue.message }
      : fallback;
  });
}

function withoutNullSipas(json: Record<string, unknown>): Record<string, unknown> {
  if (json.sipas !== null) return json;
  const { sipas: _sipas, ...rest } = json;
  return rest;
}

/** The questionnaire as JSON-safe data that {@link parseQuestionnaire} reads back unchanged. */
export function serializeQuestionnaire(q: Questionnaire): QuestionnaireJson {
  const json: QuestionnaireJson = {
    name: q.name,
    kind: q.kind,
    group: q.group,
    groupLabel: q.groupLabel,
    ratedUnitType: q.ratedUnitType,
    questions: q.questions.map((question) => ({
      code: question.code,
      text: question.text,
      ...(question.leafCode === undefined ? {} : { leafCode: question.leafCode }),
      ...(question.element === undefined ? {} : { element: question.element }),
      optional: question.optional,
      options: question.options.map((option) => ({
        key: option.key,
        label: option.label,
        weight: option.weight.toString(),
        satisfied: option.satisfied,
      })),
    })),
  };
  if (q.sipas !== undefined) {
    json.sipas = {
      formula: q.sipas.formula,
      mode: q.sipas.mode,
      target: q.sipas.target.toString(),
      ...(q.sipas.leafCode === undefined ? {} : { leafCode: q.sipas.leafCode }),
    };
  }
  return json;
}
