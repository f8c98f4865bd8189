import { DomainError } from '@chiso/core/errors.js';
import { parseQuestionnaire } from '@chiso/core/surveys/parse-questionnaire.js';
import type { QuestionnaireJson, QuestionJson } from './api';

/** A questionnaire as the editor holds it: every number as the text typed ("12,5"). */
export interface DraftOption {
  key: string;
  label: string;
  weight: string;
  satisfied: boolean;
}

export interface DraftQuestion {
  /** Local identity for React; not sent. */
  uid: number;
  code: string;
  text: string;
  leafCode: string | null;
  element: string | null;
  optional: boolean;
  options: DraftOption[];
}

export interface Draft {
  name: string;
  kind: 'par' | 'sipas';
  group: string;
  groupLabel: string;
  ratedUnitType: string | null;
  recheckPercent: number | string;
  questions: DraftQuestion[];
  sipas: {
    formula: 'meanOfElements' | 'pooled';
    mode: 'regular' | 'spot';
    target: string;
    leafCode: string | null;
  };
}

let nextUid = 1;
const uid = () => nextUid++;

/** Answer options as Yên Bái's published form weighs them: A 100, B 60, C 20, D 0. */
export function defaultOptions(kind: Draft['kind']): DraftOption[] {
  const labels =
    kind === 'sipas'
      ? ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']
      : ['Tốt', 'Khá', 'Trung bình', 'Kém'];
  const weights = ['100', '60', '20', '0'];
  return labels.map((label, i) => ({
    key: 'ABCD'[i] ?? String(i + 1),
    label,
    weight: weights[i] ?? '0',
    satisfied: kind === 'sipas' && i < 2,
  }));
}

export function newQuestion(kind: Draft['kind'], index: number, previous?: DraftQuestion) {
  return {
    uid: uid(),
    code: `C${index + 1}`,
    text: '',
    leafCode: kind === 'par' ? (previous?.leafCode ?? null) : null,
    element: kind === 'sipas' ? (previous?.element ?? null) : null,
    optional: false,
    options: defaultOptions(kind),
  } satisfies DraftQuestion;
}

export const SIPAS_DEFAULT_TARGET = { regular: '95', spot: '85' } as const;

export function emptyDraft(ratedUnitType: string | null): Draft {
  return {
    name: '',
    kind: 'par',
    group: '',
    groupLabel: '',
    ratedUnitType,
    recheckPercent: 10,
    questions: [newQuestion('par', 0)],
    sipas: { formula: 'meanOfElements', mode: 'regular', target: '95', leafCode: null },
  };
}

/** A stored decimal ("60.000000", "12.5") as a person types it ("60", "12,5"). */
function asTyped(value: string): string {
  if (!value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '').replace('.', ',');
}

export function draftFrom(json: QuestionnaireJson, recheckPercent: number): Draft {
  return {
    name: json.name,
    kind: json.kind,
    group: json.group,
    groupLabel: json.groupLabel,
    ratedUnitType: json.ratedUnitType,
    recheckPercent,
    questions: json.questions.map((q) => ({
      uid: uid(),
      code: q.code,
      text: q.text,
      leafCode: q.leafCode ?? null,
      element: q.element ?? null,
      optional: q.optional,
      options: q.options.map((o) => ({ ...o, weight: asTyped(String(o.weight)) })),
    })),
    sipas: json.sipas
      ? {
          formula: json.sipas.formula,
          mode: json.sipas.mode,
          target: asTyped(String(json.sipas.target)),
          leafCode: json.sipas.leafCode ?? null,
        }
      : { formula: 'meanOfElements', mode: 'regular', target: '95', leafCode: null },
  };
}

/** The JSON the API takes; numbers stay as typed (the core reads "12,5" and "12.5"). */
export function jsonFrom(draft: Draft): QuestionnaireJson {
  const questions: QuestionJson[] = draft.questions.map((q) => ({
    code: q.code.trim(),
    text: q.text.trim(),
    ...(draft.kind === 'par' && q.leafCode ? { leafCode: q.leafCode } : {}),
    ...(draft.kind === 'sipas' && q.element ? { element: q.element } : {}),
    optional: q.optional,
    options: q.options.map((o) => ({
      key: o.key.trim(),
      label: o.label.trim(),
      weight: o.weight.trim(),
      satisfied: draft.kind === 'sipas' && o.satisfied,
    })),
  }));
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    group: draft.group.trim(),
    groupLabel: draft.groupLabel.trim(),
    ratedUnitType: draft.ratedUnitType ?? '',
    questions,
    ...(draft.kind === 'sipas'
      ? {
          sipas: {
            formula: draft.sipas.formula,
            mode: draft.sipas.mode,
            target: draft.sipas.target.trim() || SIPAS_DEFAULT_TARGET[draft.sipas.mode],
            ...(draft.sipas.leafCode ? { leafCode: draft.sipas.leafCode } : {}),
          },
        }
      : {}),
  };
}

const FIELDS: Record<string, string> = {
  name: 'Tên phiếu',
  kind: 'Loại phiếu',
  group: 'Mã nhóm đối tượng',
  groupLabel: 'Tên nhóm đối tượng',
  ratedUnitType: 'Loại đơn vị được đánh giá',
  questions: 'Câu hỏi',
  code: 'mã câu',
  text: 'nội dung',
  leafCode: 'tiêu chí',
  element: 'yếu tố SIPAS',
  key: 'ký hiệu',
  label: 'nội dung phương án',
  weight: 'trọng số',
  sipas: 'Cài đặt SIPAS',
  target: 'chỉ tiêu',
  mode: 'hình thức',
  formula: 'công thức',
};

/** "questions[2].options[0].weight" as a person reads it: "Câu 3, phương án 1, trọng số". */
export function describePath(path: string | undefined): string {
  if (!path) return '';
  return path
    .split('.')
    .map((part) => {
      const match = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
      if (!match) return part;
      const [, name = '', index] = match;
      if (name === 'questions' && index !== undefined) return `Câu ${Number(index) + 1}`;
      if (name === 'options' && index !== undefined) return `phương án ${Number(index) + 1}`;
      return FIELDS[name] ?? name;
    })
    .join(', ');
}

/**
 * The problems the server would answer with, found in the browser by the same core code:
 * an empty list when the questionnaire reads.
 */
export function checkDraft(draft: Draft): string[] {
  const problems: string[] = [];
  if (!draft.ratedUnitType) problems.push('Loại đơn vị được đánh giá: chưa chọn');
  try {
    parseQuestionnaire(jsonFrom(draft));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const issue of error.issues) {
      const where = describePath(issue.path);
      problems.push(where ? `${where}: ${issue.message}` : issue.message);
    }
  }
  return problems;
}
