/** Letters and digits that cannot be mistaken for one another (no I, O, 0, 1). */
export const SURVEY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Characters in a survey code, without the dash. */
export const SURVEY_CODE_LENGTH = 10;

/**
 * A respondent's code from random bytes (at least ten): "ABCDE-FGHJK". Each byte picks one of
 * 32 characters; 256 is a multiple of 32, so every character is equally likely.
 */
export function formatSurveyCode(bytes: Uint8Array): string {
  if (bytes.length < SURVEY_CODE_LENGTH) {
    throw new RangeError(`a survey code needs ${SURVEY_CODE_LENGTH} random bytes`);
  }
  let code = '';
  for (let i = 0; i < SURVEY_CODE_LENGTH; i++) {
    code += SURVEY_CODE_ALPHABET[(bytes[i] ?? 0) % SURVEY_CODE_ALPHABET.length];
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed ("abcde fghjk", "ABCDE-FGHJK") in the stored form "ABCDEFGHJK". */
export function normalizeSurveyCode(text: string): string {
  return text.toUpperCase().replace(/[\s\-‐‑–—_]/g, '');
}

/** True when the text could be a code at all (checked before any database look-up). */
export function isSurveyCode(normalized: string): boolean {
  return new RegExp(`^[${SURVEY_CODE_ALPHABET}]{${SURVEY_CODE_LENGTH}}$`).test(normalized);
}

/** 32-bit FNV-1a of the text's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Whether a paper response is among the `percent` share entered a second time (phúc tra).
 * Deterministic: the same id is always selected or not, whoever asks and when.
 */
export function recheckSelected(responseId: string, percent: number): boolean {
  if (!(percent > 0)) return false;
  if (percent >= 100) return true;
  // Buckets of 0,01%: 12,5% selects the ids whose hash falls in the first 1 250 of 10 000.
  return fnv1a(responseId) % 10_000 < Math.round(percent * 100);
}

/** The 1-based numbers of the questions answered differently in two entries of one form. */
export function compareAnswers(a: readonly number[], b: readonly number[]): number[] {
  const differ: number[] = [];
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) differ.push(i + 1);
  }
  return differ;
}
