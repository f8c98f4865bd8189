import type { Issue } from '../errors.js';
import { formatCount } from '../format/format.js';
import { columnLetter, type Table } from './table.js';

/**
 * The longest text any cell may hold: the API's longest free text (a plan's section, 20.000
 * characters). A field with a shorter limit in the API is checked by its table's reader too.
 */
export const CELL_MAX_LENGTH = 20_000;

/** The API's limits on the text fields imports fill (packages/contract). */
export const TEXT_LIMITS = {
  unitName: 300,
  unitType: 40,
  peerGroup: 60,
  fullName: 200,
  email: 200,
  frameworkTitle: 1000,
  guidance: 5000,
  office: 200,
  /** A node's supporting offices (each at most `office`). */
  supportingOffices: 30,
  taskTitle: 1000,
  taskTarget: 500,
  authority: 300,
  documentNumber: 100,
  planTasks: 5000,
  /** A plan row's supporting offices. */
  planSupportingOffices: 50,
  surveyBatch: 60,
  /** A sampling frame's person: no API route writes one, these are the import's own limits. */
  frameName: 300,
  frameContact: 300,
  frameProcedure: 500,
} as const;

/** "dài N ký tự, tối đa M ký tự" when a text is longer than its field allows, or undefined. */
export function tooLong(text: string, max: number): string | undefined {
  return text.length > max
    ? `dài ${formatCount(text.length)} ký tự, tối đa ${formatCount(max)} ký tự`
    : undefined;
}

/** Control characters other than tab and line breaks (C0, DEL, C1): never part of a text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Rows checked between two yields of `cellRuleSteps`. */
export const CELL_STEP_ROWS = 5000;

/** The first control character of a text, as "U+0007", or undefined. */
export function controlCharacterOf(text: string): string | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a cell's text is refused whatever its column means, or undefined. */
export function cellTextProblem(text: string, max: number = CELL_MAX_LENGTH): string | undefined {
  if (text.length > max)
    return `ô dài ${formatCount(text.length)} ký tự, quá giới hạn ${formatCount(max)} ký tự`;
  const control = controlCharacterOf(text);
  return control === undefined ? undefined : `ô chứa ký tự điều khiển ${control}, không được phép`;
}

/** Issues are capped: a file full of bad cells is refused with its first problems. */
const MAX_ISSUES = 200;

/**
 * Checks every text cell of every table (no control character, at most CELL_MAX_LENGTH
 * characters), yielding the rows done every CELL_STEP_ROWS rows so that a caller can pause;
 * returns the issues, each naming sheet, row and column.
 */
export function* cellRuleSteps(tables: readonly Table[]): Generator<number, Issue[]> {
  const issues: Issue[] = [];
  let done = 0;
  for (const table of tables) {
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r] ?? [];
      for (let c = 0; c < row.length && issues.length < MAX_ISSUES; c++) {
        const cell = row[c];
        if (typeof cell !== 'string') continue;
        const problem = cellTextProblem(cell);
        if (problem !== undefined)
          issues.push({
            sheet: table.sheet,
            row: r + 1,
            column: columnLetter(c),
            message: problem,
          });
      }
      done++;
      if (done % CELL_STEP_ROWS === 0) yield done;
    }
  }
  return issues;
}

/** The issues of `cellRuleSteps`, without pausing. */
export function checkCellRules(tables: readonly Table[]): Issue[] {
  return drainSteps(cellRuleSteps(tables));
}

/** Runs a stepped reader to its end and returns what it returns. */
export function drainSteps<T>(steps: Generator<number, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
