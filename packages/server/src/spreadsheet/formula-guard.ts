/** What a spreadsheet program may read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as exported to CSV, where every field is read as if typed in: text that begins
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that Excel,
 * LibreOffice or Google Sheets show it as text instead of evaluating it. Numbers are not text
 * and never pass here (a negative number stays a number). In .xlsx exports every text is
 * written as a string cell (shared or inline), which no program evaluates (decision 0035).
 */
export function formulaSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
