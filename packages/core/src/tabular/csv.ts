import { CELL_STEP_ROWS, drainSteps } from './cell-rules.js';
import type { Table } from './table.js';

/**
 * Reads CSV text as saved by spreadsheet programs: UTF-8 with or without BOM, separated by
 * commas, semicolons (the usual choice where the decimal mark is a comma) or tabs, quotes
 * doubled inside quoted fields. Empty fields become null.
 */
export function parseCsv(text: string, sheet: string): Table {
  return drainSteps(parseCsvSteps(text, sheet));
}

/**
 * `parseCsv`, yielding the rows read every CELL_STEP_ROWS rows so that a caller can pause
 * (decision 0055): a 100.000-row file is read in pieces of a fraction of a second.
 */
export function* parseCsvSteps(text: string, sheet: string): Generator<number, Table> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      if (rows.length % CELL_STEP_ROWS === 0) yield rows.length;
    } else {
      field += ch;
    }
  }
  if (field !== '' || wasQuoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return { sheet, rows };
}

/** The separator used most on any of the first lines (title lines above a table have none). */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 30);
  const counts = [';', ',', '\t'].map((d) => ({
    d,
    n: Math.max(0, ...lines.map((line) => countOutsideQuotes(line, d))),
  }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}
