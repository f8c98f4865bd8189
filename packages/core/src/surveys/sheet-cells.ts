import { cellText, normalizeHeader, type Cell } from '../tabular/table.js';
import { SIPAS_ELEMENTS } from './questionnaire.js';

/** Cells of the questionnaire workbook read as JSON values for the questionnaire schema. */

/** A JSON value for the schema: numbers without binary noise, text trimmed, blanks undefined. */
export function cellValue(cell: Cell | undefined): string | number | undefined {
  if (typeof cell === 'number') return Number(cell.toPrecision(15));
  const text = cellText(cell);
  return text === '' ? undefined : text;
}

/** A code-like cell: numbers as written (3.4 → "3.4"), text trimmed. */
export function codeText(cell: Cell | undefined): string {
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  return cellText(cell);
}

/** How offices tick a box: "x", "có", "true", "1"… */
const TRUE_WORDS = ['x', 'co', 'true', '1', 'yes', 'dung', 'c'];
const FALSE_WORDS = ['khong', 'false', '0', 'no', 'sai', 'k'];

/** A tick box: true, false, or undefined when the cell says something else. */
export function flagOf(cell: Cell | undefined): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const word = normalizeHeader(codeText(cell));
  if (word === '' || FALSE_WORDS.includes(word)) return false;
  return TRUE_WORDS.includes(word) ? true : undefined;
}

/** An element key from its key or its Vietnamese name; anything else is kept as written. */
export function elementKey(text: string): string {
  const normalized = normalizeHeader(text);
  for (const [key, label] of Object.entries(SIPAS_ELEMENTS)) {
    if (normalizeHeader(key) === normalized || normalizeHeader(label) === normalized) return key;
  }
  return text;
}
