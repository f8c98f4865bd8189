import {
  answerOf,
  answersFromKeys,
  DomainError,
  ERROR_CODES,
  vietnamDate,
  type Issue,
  type Questionnaire,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findPeriod, sharePeriod } from '../../repositories/periods.js';
import { shareSurvey } from '../../repositories/survey-responses.js';
import { findSurvey, type SurveyRow } from '../../repositories/surveys.js';
import { requireAnswers } from '../surveys/answering.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import { surveyNotFound } from '../surveys/survey-units.js';

/** Answers as the API takes and gives them: option key (or null) by question code. */
export type AnswerKeys = Record<string, string | null>;

/** The day a response is recorded under: the date in Vietnam by the server's clock, no time. */
export function responseDay(ctx: UseCaseContext): string {
  return vietnamDate(ctx.now.getTime());
}

/**
 * A survey takes answers only while it is open and its period is still open (before the
 * council's approval); otherwise INVALID_STATE saying why, on every channel.
 */
export async function requireOpen(db: Db, survey: SurveyRow): Promise<void> {
  const period = await findPeriod(db, survey.periodId);
  requireAnswers(survey.status, period?.status);
}

export async function loadSurvey(db: Db, surveyId: string): Promise<SurveyRow> {
  const survey = await findSurvey(db, surveyId);
  if (!survey) throw surveyNotFound();
  return survey;
}

/**
 * Inside a transaction: the survey and its period share-locked and both open, with the
 * questionnaire. The period's lock makes an approval wait for answers being saved, and answers
 * wait for an approval being saved: none lands after it.
 */
export async function openSurveyFor(
  tx: Db,
  surveyId: string,
): Promise<{ survey: SurveyRow; questionnaire: Questionnaire }> {
  const survey = await shareSurvey(tx, surveyId);
  if (!survey) throw surveyNotFound();
  const period = await sharePeriod(tx, survey.periodId);
  requireAnswers(survey.status, period?.status);
  return { survey, questionnaire: storedQuestionnaire(survey) };
}

/** A complete response's answers from option keys, or VALIDATION_FAILED naming each question. */
export function completeAnswers(q: Questionnaire, keys: AnswerKeys): number[] {
  const result = answersFromKeys(q, keys);
  if ('issues' in result) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Phiếu trả lời chưa đầy đủ hoặc có phương án không hợp lệ',
      result.issues,
    );
  }
  return result.answers;
}

/**
 * Answers saved to finish later: blanks are allowed anywhere, but a key that is not an option
 * (or a question the form does not have) is refused.
 */
export function draftAnswers(q: Questionnaire, keys: AnswerKeys): number[] {
  const given = new Map(
    Object.entries(keys).map(([code, key]) => [code.trim().toLowerCase(), key]),
  );
  const known = new Set(q.questions.map((question) => question.code.toLowerCase()));
  const issues: Issue[] = [];
  for (const code of Object.keys(keys)) {
    if (!known.has(code.trim().toLowerCase()))
      issues.push({ message: `Phiếu không có câu "${code}"` });
  }
  const answers = q.questions.map((question) => {
    const key = given.get(question.code.toLowerCase())?.trim() ?? '';
    if (key === '') return 0;
    const result = answerOf(question, key);
    if (result.ok) return result.answer;
    issues.push({ message: `Câu ${question.code}: ${result.reason}` });
    return 0;
  });
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Phiếu lưu tạm có phương án không hợp lệ',
      issues,
    );
  }
  return answers;
}

/** The form as a respondent sees it: no weights, no leaf codes, nothing about scoring. */
export function presentForm(
  survey: SurveyRow,
  q: Questionnaire,
  unit: { id: string; name: string },
) {
  return {
    survey: {
      name: survey.name,
      groupLabel: survey.groupLabel,
      kind: survey.kind,
      questions: q.questions.map((question) => ({
        code: question.code,
        text: question.text,
        optional: question.optional,
        options: question.options.map((option) => ({ key: option.key, label: option.label })),
      })),
    },
    unit: { id: unit.id, name: unit.name },
  };
}
