import { parseDate } from '../time/calendar-date.js';
import { formatDate } from '../format/format.js';

/** A document as Vietnamese offices cite it: số/ký hiệu and ngày. */
export interface DocumentRef {
  /** "1138/UBND-NC". */
  number: string;
  /** ISO date, or null when the citation gives none. */
  date: string | null;
}

const CITATION =
  /^(?:(?:văn bản|công văn|quyết định|kế hoạch|thông báo|cv|số)\s*(?:số)?\s*:?\s*)?([0-9][^\s,]*)\s*,?\s*(?:ngày\s+(.+))?$/iu;

/**
 * Reads "1138/UBND-NC ngày 08/06/2023", "Công văn số 1763/UBND-NC ngày 31/5/2023" or
 * "1138/UBND-NC"; undefined when it is not a citation (no number, or a date that does not
 * exist).
 */
export function parseDocumentRef(text: string): DocumentRef | undefined {
  const match = CITATION.exec(text.normalize('NFC').trim().replace(/\s+/g, ' '));
  if (!match?.[1]) return undefined;
  if (match[2] === undefined) return { number: match[1], date: null };
  const date = parseDate(match[2].replace(/[.-]/g, '/'));
  return date === undefined ? undefined : { number: match[1], date };
}

/** "1138/UBND-NC ngày 08/06/2023", as documents cite one another. */
export function formatDocumentRef(ref: DocumentRef): string {
  return ref.date === null ? ref.number : `${ref.number} ngày ${formatDate(ref.date)}`;
}
