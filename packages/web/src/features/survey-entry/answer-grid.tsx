import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { EntryQuestion, KeyAnswers } from './api';
import classes from './entry.module.css';

/** What is typed per question code: an option key, part of one, or '' for blank. */
export type TypedAnswers = Record<string, string>;

/**
 * What a typed text means for a question: an option key (any case), or the option's number
 * when no key is a number (the numeric keypad is quicker for some clerks). `complete` when no
 * longer key could still be meant, so the cursor may move on.
 */
export function resolveKey(
  question: EntryQuestion,
  text: string,
): { key: string; complete: boolean } | undefined {
  const typed = text.trim().toUpperCase();
  if (typed === '') return { key: '', complete: false };
  const keys = question.options.map((option) => option.key);
  const exact = keys.find((key) => key.toUpperCase() === typed);
  const longer = keys.some(
    (key) => key.toUpperCase().startsWith(typed) && key.toUpperCase() !== typed,
  );
  if (exact !== undefined) return { key: exact, complete: !longer };
  if (longer) return { key: typed, complete: false };
  if (/^[0-9]+$/.test(typed) && !keys.some((key) => /^[0-9]/.test(key))) {
    const number = Number(typed);
    const option = question.options[number - 1];
    if (option) return { key: option.key, complete: number * 10 > question.options.length };
  }
  return undefined;
}

/** True when the typed text is an option key of the question (blank counts for optional ones). */
export const isAnswer = (question: EntryQuestion, typed: string | undefined) =>
  (typed ?? '') === ''
    ? question.optional === true
    : question.options.some((option) => option.key === typed);

/**
 * The answers to send (null for blank), or what is wrong per question: a required question
 * left blank, or a key begun and not finished.
 */
export function checkAnswers(
  questions: readonly EntryQuestion[],
  values: TypedAnswers,
): { answers: KeyAnswers; errors: Record<string, string>; first: number | undefined } {
  const answers: KeyAnswers = {};
  const errors: Record<string, string> = {};
  let first: number | undefined;
  questions.forEach((question, index) => {
    const typed = values[question.code] ?? '';
    answers[question.code] = typed === '' ? null : typed;
    if (isAnswer(question, typed)) return;
    errors[question.code] =
      typed === ''
        ? 'Chưa có phương án (câu bắt buộc)'
        : `"${typed}" chưa phải phương án; gõ ${allowed(question)}`;
    first ??= index;
  });
  return { answers, errors, first };
}

export const answerInputId = (prefix: string, index: number) => `${prefix}-cau-${index + 1}`;

/** Puts the cursor in a question's field with its content selected, so typing replaces it. */
export function focusAnswer(prefix: string, index: number): boolean {
  const input = document.getElementById(answerInputId(prefix, index));
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  input.scrollIntoView({ block: 'nearest' });
  return true;
}

const allowed = (question: EntryQuestion) => question.options.map((o) => o.key).join(', ');

interface Props {
  idPrefix: string;
  questions: EntryQuestion[];
  values: TypedAnswers;
  errors: Record<string, string>;
  onChange: (code: string, typed: string) => void;
  /** The last question got its answer by typing: the cursor should go to the save button. */
  onAfterLast: () => void;
  /** Enter on the last question. */
  onSubmit: () => void;
  /** ↑ on the first question: back to the fields above. */
  onBeforeFirst?: () => void;
}

/**
 * One compact row per question: the clerk types the option's letter and the cursor moves to
 * the next question by itself. Enter skips a blank (optional) question; ↑/↓ move; Backspace in
 * an empty field goes back one question.
 */
export function AnswerGrid(props: Props) {
  const { idPrefix, questions, values, errors, onChange, onAfterLast, onSubmit, onBeforeFirst } =
    props;
  const [rejected, setRejected] = useState<{ code: string; message: string } | null>(null);

  const advance = (index: number) => {
    if (index + 1 < questions.length) focusAnswer(idPrefix, index + 1);
    else onAfterLast();
  };

  const take = (index: number, question: EntryQuestion, candidate: string) => {
    const resolved = resolveKey(question, candidate);
    if (!resolved) {
      setRejected({
        code: question.code,
        message: `"${candidate.trim()}" không phải phương án; gõ ${allowed(question)} hoặc số thứ tự 1–${question.options.length}`,
      });
      return;
    }
    setRejected(null);
    onChange(question.code, resolved.key);
    if (resolved.complete) advance(index);
  };

  const onKeyDown = (
    index: number,
    question: EntryQuestion,
    event: KeyboardEvent<HTMLInputElement>,
  ) => {
    const input = event.currentTarget;
    const current = values[question.code] ?? '';
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (index + 1 < questions.length) focusAnswer(idPrefix, index + 1);
      else onSubmit();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      advance(index);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index > 0) focusAnswer(idPrefix, index - 1);
      else onBeforeFirst?.();
    } else if (event.key === 'Backspace' && current === '' && index > 0) {
      event.preventDefault();
      focusAnswer(idPrefix, index - 1);
    } else if (event.key.length === 1) {
      // Typed characters are read here rather than from the field, so that typing the letter
      // already there still moves on, and a finished answer is replaced, not extended.
      event.preventDefault();
      if (event.key === ' ') return;
      const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
      const finished = resolveKey(question, current)?.complete === true;
      take(index, question, whole || finished ? event.key : current + event.key);
    }
  };

  // Keyboards that do not report keys (phones, some input methods) change the field directly.
  const onInput = (
    index: number,
    question: EntryQuestion,
    event: ChangeEvent<HTMLInputElement>,
  ) => {
    const text = event.currentTarget.value;
    if (text.trim() === '') {
      setRejected(null);
      onChange(question.code, '');
    } else {
      take(index, question, text);
    }
  };

  return (
    <div className={classes.grid}>
      {questions.map((question, index) => {
        const id = answerInputId(idPrefix, index);
        const typed = values[question.code] ?? '';
        const chosen = question.options.find((option) => option.key === typed);
        const error = rejected?.code === question.code ? rejected.message : errors[question.code];
        return (
          <div key={question.code} className={classes.row} data-error={error ? true : undefined}>
            <label htmlFor={id} className={classes.code}>
              {question.code}
            </label>
            <input
              id={id}
              className={classes.key}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-noi-dung${error ? ` ${id}-loi` : ''}`}
              onKeyDown={(event) => onKeyDown(index, question, event)}
              onChange={(event) => onInput(index, question, event)}
              onFocus={(event) => event.currentTarget.select()}
            />
            <div className={classes.text} id={`${id}-noi-dung`}>
              <span className={classes.question} title={question.text}>
                {question.text}
                {question.optional && ' (không bắt buộc)'}
              </span>
              <span className={classes.hint}>
                {chosen ? (
                  <span className={classes.chosen}>
                    {chosen.key}. {chosen.label}
                  </span>
                ) : (
                  question.options.map((option) => `${option.key}. ${option.label}`).join(' · ')
                )}
              </span>
              {error && (
                <span
                  className={classes.error}
                  id={`${id}-loi`}
                  role={rejected?.code === question.code ? 'alert' : undefined}
                >
                  {error}
                </span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
