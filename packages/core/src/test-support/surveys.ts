import { parseQuestionnaire } from '../surveys/parse-questionnaire.js';
import type { Questionnaire } from '../surveys/questionnaire.js';

/** A, B, C, D weighted 100, 60, 20, 0 (the usual PAR scale). */
export const PAR_OPTIONS = [
  { key: 'A', label: 'Rất tốt', weight: 100 },
  { key: 'B', label: 'Tốt', weight: 60 },
  { key: 'C', label: 'Trung bình', weight: 20 },
  { key: 'D', label: 'Kém', weight: 0 },
];

/** The four SIPAS answers; the first two count as satisfied. */
export const SIPAS_OPTIONS = [
  { key: '1', label: 'Rất hài lòng', weight: 100, satisfied: true },
  { key: '2', label: 'Hài lòng', weight: 75, satisfied: true },
  { key: '3', label: 'Bình thường', weight: 50 },
  { key: '4', label: 'Không hài lòng', weight: 0 },
];

type QuestionSpec = [code: string, leafOrElement: string, optional?: boolean];

/** A PAR questionnaire of group `group` whose questions feed the given leaves. */
export function parQuestionnaire(group: string, questions: QuestionSpec[]): Questionnaire {
  return parseQuestionnaire({
    name: `Phiếu ${group}`,
    kind: 'par',
    group,
    groupLabel: `Nhóm ${group}`,
    ratedUnitType: 'so',
    questions: questions.map(([code, leafCode, optional]) => ({
      code,
      text: `Câu hỏi ${code}`,
      leafCode,
      optional: optional ?? false,
      options: PAR_OPTIONS,
    })),
  });
}

/** A SIPAS questionnaire whose questions measure the given elements. */
export function sipasQuestionnaire(
  questions: QuestionSpec[],
  sipas: Record<string, unknown> = {},
): Questionnaire {
  return parseQuestionnaire({
    name: 'Phiếu SIPAS',
    kind: 'sipas',
    group: 'nguoiDan',
    groupLabel: 'Người dân, tổ chức',
    ratedUnitType: 'so',
    questions: questions.map(([code, element, optional]) => ({
      code,
      text: `Câu hỏi ${code}`,
      element,
      optional: optional ?? false,
      options: SIPAS_OPTIONS,
    })),
    sipas,
  });
}
