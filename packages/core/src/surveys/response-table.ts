import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { TEXT_LIMITS, tooLong } from '../tabular/cell-rules.js';
import { cellText, columnLetter, normalizeHeader, type Cell } from '../tabular/table.js';
import { answerOf } from './answers.js';
import type { Questionnaire } from './questionnaire.js';

/** Where each column of a response sheet is (0-based), found from its header row. */
export interface ResponseColumns {
  formNumber: number;
  batch: number | undefined;
  unitId: number;
  /** One column per question, in questionnaire order. */
  questions: number[];
  /** Header texts as written, by column index. */
  headers: string[];
}

export interface ParsedResponseRow {
  formNumber: string;
  batch: string | undefined;
  unitId: string;
  /** In questionnaire order; 0 = left blank. */
  answers: number[];
}

/** Headers of a response sheet besides the question codes. */
export const RESPONSE_HEADERS = { formNumber: 'Số phiếu', batch: 'Lô', unitId: 'Mã đơn vị' };

const FORM_NUMBER = /^[\p{L}\p{N}./_-]{1,40}$/u;

/**
 * Finds the columns of a response sheet: "Số phiếu", "Lô" (optional), "Mã đơn vị" and one per
 * question code. Other columns are ignored. Throws IMPORT_REJECTED naming every missing or
 * repeated column.
 */
export function responseColumns(
  q: Questionnaire,
  header: readonly (string | undefined)[],
  location: { sheet?: string; row?: number } = {},
): ResponseColumns {
  const headers = header.map((text) => (text ?? '').trim());
  const issues: Issue[] = [];
  const found = new Map<string, number>();
  const wanted = new Map<string, string>([
    ['so phieu', RESPONSE_HEADERS.formNumber],
    ['lo', RESPONSE_HEADERS.batch],
    ['ma don vi', RESPONSE_HEADERS.unitId],
  ]);
  q.questions.forEach((question) => wanted.set(normalizeHeader(question.code), question.code));
  headers.forEach((text, c) => {
    const normalized = normalizeHeader(text);
    const name = wanted.get(normalized);
    if (name === undefined) return;
    if (found.has(normalized)) {
      issues.push({
        ...location,
        column: columnLetter(c),
        field: text,
        message: `cột "${name}" bị lặp (đã có ở cột ${columnLetter(found.get(normalized) ?? 0)})`,
      });
      return;
    }
    found.set(normalized, c);
  });
  const required = (normalized: string, name: string): number => {
    const c = found.get(normalized);
    if (c === undefined) issues.push({ ...location, message: `thiếu cột "${name}"` });
    return c ?? -1;
  };
  const formNumber = required('so phieu', RESPONSE_HEADERS.formNumber);
  const unitId = required('ma don vi', RESPONSE_HEADERS.unitId);
  const questions = q.questions.map((question) =>
    required(normalizeHeader(question.code), `${question.code}`),
  );
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không đọc được dòng tiêu đề của tệp phiếu "${q.name}": cần các cột Số phiếu, Mã đơn vị và một cột cho mỗi mã câu hỏi`,
      issues,
    );
  }
  return { formNumber, batch: found.get('lo'), unitId, questions, headers };
}

/**
 * One row of a response sheet. Every problem is reported with its sheet, row, column letter
 * and header; nothing is taken from a row that has one.
 */
export function parseResponseRow(
  q: Questionnaire,
  columns: ResponseColumns,
  cells: readonly (Cell | undefined)[],
  location: { sheet: string; row: number },
): ParsedResponseRow | { issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (c: number, message: string) =>
    issues.push({
      sheet: location.sheet,
      row: location.row,
      column: columnLetter(c),
      field: columns.headers[c] ?? '',
      message,
    });
  const formNumber = cellCodeText(cells[columns.formNumber]);
  if (formNumber === '') at(columns.formNumber, 'thiếu số phiếu');
  else if (!FORM_NUMBER.test(formNumber)) {
    at(
      columns.formNumber,
      `số phiếu "${formNumber}" chỉ gồm chữ, số, ".", "/", "_", "-" (tối đa 40 ký tự)`,
    );
  }
  const batch =
    columns.batch === undefined ? undefined : cellCodeText(cells[columns.batch]) || undefined;
  const batchTooLong = batch === undefined ? undefined : tooLong(batch, TEXT_LIMITS.surveyBatch);
  if (batchTooLong !== undefined && columns.batch !== undefined)
    at(columns.batch, `tên lô ${batchTooLong}`);
  const unitId = cellText(cells[columns.unitId]);
  if (unitId === '') at(columns.unitId, 'thiếu mã đơn vị được đánh giá');
  const answers = q.questions.map((question, i) => {
    const c = columns.questions[i] ?? -1;
    const result = answerOf(question, cellCodeText(cells[c]));
    if (result.ok) return result.answer;
    at(c, `câu ${question.code}: ${result.reason}`);
    return 0;
  });
  return issues.length > 0 ? { issues } : { formNumber, batch, unitId, answers };
}

/** A code-like cell: numbers as written (12 → "12"), text trimmed. */
function cellCodeText(cell: Cell | undefined): string {
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  return cellText(cell);
}
