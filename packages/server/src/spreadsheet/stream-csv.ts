import { createReadStream } from 'node:fs';
import { DomainError, ERROR_CODES } from '@chiso/core';

/** One row of cells as read (empty unquoted fields are null), with its 1-based number. */
export type CsvRowVisitor = (cells: (string | null)[], rowNumber: number) => void;

const DELIMITERS = [';', ',', '\t'];
const DETECT_LINES = 30;

/**
 * Reads a CSV file row by row without holding it whole, by the same conventions as the core's
 * `parseCsv`: UTF-8 with or without BOM; comma, semicolon or tab, whichever is used most on
 * one of the first 30 lines; quoted fields with doubled quotes, spanning lines if need be.
 */
export async function readCsvRows(
  path: string,
  fileName: string,
  visit: CsvRowVisitor,
  pause?: () => Promise<void> | undefined,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new DomainError(ERROR_CODES.IMPORT_REJECTED, `Không đọc được tệp "${fileName}"`, [
        {
          sheet: fileName,
          message: 'tệp CSV phải lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8")',
        },
      ]);
    }
  };
  const reader = csvReader(visit);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    reader.feed(decode(chunk as Buffer), false);
    const paused = pause?.();
    if (paused) await paused;
  }
  reader.feed(decode(), true);
}

/** Lines looked at for the separator are gathered up to this much text at most. */
const DETECT_MAX_CHARS = 1 << 20;

/**
 * CSV text fed in pieces cut anywhere (the last with `final`), rows handed to `visit` as soon
 * as they are complete. The BOM is dropped and the separator chosen from the first lines.
 */
export function csvReader(visit: CsvRowVisitor): { feed: (text: string, final: boolean) => void } {
  let splitter: CsvSplitter | undefined;
  let head = '';
  let carry = '';
  let first = true;
  return {
    feed(text, final) {
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (!splitter) {
        head += text;
        const enough = countLines(head) >= DETECT_LINES || head.length >= DETECT_MAX_CHARS;
        if (!final && !enough) return;
        splitter = new CsvSplitter(detectDelimiter(head), visit);
        text = head;
        head = '';
      }
      carry = splitter.push(carry + text, final);
    },
  };
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && count < DETECT_LINES; i = text.indexOf('\n', i + 1))
    count++;
  return count;
}

/** The separator used most on any of the first lines (as the core's `parseCsv` decides). */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, DETECT_LINES);
  const counts = DELIMITERS.map((d) => ({
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

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A CSV state machine fed chunk by chunk; plain runs are sliced rather than built char by char. */
class CsvSplitter {
  private row: (string | null)[] = [];
  private field = '';
  private quoted = false;
  private wasQuoted = false;
  private rowNumber = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly visit: CsvRowVisitor,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Consumes the text; returns a tail (one character) that needs the next chunk to be read. */
  push(text: string, final: boolean): string {
    const n = text.length;
    let i = 0;
    let start = 0;
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          start = i = n;
          break;
        }
        this.field += text.slice(i, q);
        if (q + 1 === n && !final) return '"';
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        start = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE && i === start && this.field === '') {
        this.quoted = true;
        this.wasQuoted = true;
        start = ++i;
      } else if (c === this.delimiter) {
        this.endField(text.slice(start, i));
        start = ++i;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 === n && !final) {
          this.field += text.slice(start, i);
          return '\r';
        }
        this.endField(text.slice(start, i));
        this.endRow();
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    this.field += text.slice(start, n);
    if (final && (this.field !== '' || this.wasQuoted || this.row.length > 0)) {
      this.endField('');
      this.endRow();
    }
    return '';
  }

  private endField(tail: string) {
    const value = this.field + tail;
    this.row.push(value === '' && !this.wasQuoted ? null : value);
    this.field = '';
    this.wasQuoted = false;
  }

  private endRow() {
    this.visit(this.row, ++this.rowNumber);
    this.row = [];
  }
}
