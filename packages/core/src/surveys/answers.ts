import type { Issue } from '../errors.js';
import type { Questionnaire, SurveyQuestion } from './questionnaire.js';

/** The 1-based index of the option with this key (trimmed, any case), or undefined. */
export function optionIndex(question: SurveyQuestion, key: string): number | undefined {
  const wanted = key.trim().toLowerCase();
  const index = question.options.findIndex((option) => option.key.toLowerCase() === wanted);
  return index < 0 ? undefined : index + 1;
}

/** "A, B, C, D" for messages. */
export function allowedKeys(question: SurveyQuestion): string {
  return question.options.map((option) => option.key).join(', ');
}

/**
 * What one answer cell or field says, as an answer index (0 = left blank), or the reason it
 * cannot be taken, without the question's name.
 */
export function answerOf(
  question: SurveyQuestion,
  key: string | null | undefined,
): { ok: true; answer: number } | { ok: false; reason: string } {
  const text = key?.trim() ?? '';
  if (text === '') {
    return question.optional
      ? { ok: true, answer: 0 }
      : { ok: false, reason: 'chưa chọn phương án' };
  }
  const index = optionIndex(question, text);
  if (index === undefined) {
    return {
      ok: false,
      reason: `không có phương án "${text}" (chọn một trong: ${allowedKeys(question)})`,
    };
  }
  return { ok: true, answer: index };
}

/**
 * A response's answers in questionnaire order from the option keys chosen, by question code
 * (codes matched in any case). Every problem is reported, each naming its question.
 */
export function answersFromKeys(
  q: Questionnaire,
  byCode: Readonly<Record<string, string | null | undefined>>,
): { answers: number[] } | { issues: Issue[] } {
  const given = new Map<string, string | null | undefined>();
  const issues: Issue[] = [];
  for (const [code, key] of Object.entries(byCode)) given.set(code.trim().toLowerCase(), key);
  const known = new Set(q.questions.map((question) => question.code.toLowerCase()));
  for (const code of Object.keys(byCode)) {
    if (!known.has(code.trim().toLowerCase())) {
      issues.push({ message: `Phiếu không có câu "${code}"` });
    }
  }
  const answers = q.questions.map((question) => {
    const result = answerOf(question, given.get(question.code.toLowerCase()));
    if (result.ok) return result.answer;
    issues.push({ message: `Câu ${question.code}: ${result.reason}` });
    return 0;
  });
  return issues.length > 0 ? { issues } : { answers };
}

/** The option keys of a response by question code; null for a blank or unknown answer. */
export function keysFromAnswers(
  q: Questionnaire,
  answers: readonly number[],
): Record<string, string | null> {
  const keys: Record<string, string | null> = {};
  q.questions.forEach((question, i) => {
    const answer = answers[i] ?? 0;
    keys[question.code] = answer > 0 ? (question.options[answer - 1]?.key ?? null) : null;
  });
  return keys;
}
