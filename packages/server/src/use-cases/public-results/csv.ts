import { formulaSafeText } from '../../spreadsheet/formula-guard.js';

/**
 * RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled; CRLF.
 * Text that a spreadsheet would take for a formula starts with an apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? numberText(value) : formulaSafeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A number as machines read it: a decimal point, never an exponent (1e-7 would not read back
 * in every tool). Points are exact millionths and percentages are given to the millionth.
 */
function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(6).replace(/\.?0+$/, '') : text;
}

/** UTF-8 with a byte order mark, so that spreadsheet programs read Vietnamese letters right. */
export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): Buffer {
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
