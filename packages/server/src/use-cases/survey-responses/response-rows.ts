import {
  cellText,
  columnLetter,
  DomainError,
  ERROR_CODES,
  isBlank,
  normalizeHeader,
  parseResponseRow,
  responseColumns,
  type Cell,
  type Issue,
  type Questionnaire,
  type ResponseColumns,
} from '@chiso/core';
import type { ImportedRows } from '../../repositories/survey-responses.js';

/** The header row ("Số phiếu", "Mã đơn vị", question codes) is looked for in these first rows. */
const HEADER_SCAN_ROWS = 30;
/** Issues listed in a rejection; the rest are counted. */
export const ISSUE_LIST_LIMIT = 200;

interface Sheet {
  name: string;
  columns: ResponseColumns | undefined;
}

/**
 * The rows of a response file, validated one at a time as they stream in and kept compactly
 * (answers in one byte array, units and batches as indexes) until the whole file is known good.
 * Nothing is kept of a bad row but its issues; duplicates within the file are caught here.
 */
export class ResponseRowCollector {
  count = 0;
  issueCount = 0;
  readonly issues: Issue[] = [];
  /** Forms entered before (on paper, by an earlier import): listed after the rows' own issues. */
  private readonly enteredIssues: Issue[] = [];
  private entered: ReadonlySet<string> = new Set();
  readonly formNumbers: string[] = [];
  readonly unitNames: string[] = [];
  readonly batchNames: string[] = [];
  private readonly width: number;
  private capacity = 1024;
  private answers: Uint8Array;
  private unitOfRow: Uint32Array;
  private batches: Int32Array;
  private sheetOf: Uint16Array;
  private rowOf: Uint32Array;
  private readonly sheets: Sheet[] = [];
  private readonly unitIndex = new Map<string, number>();
  private readonly batchIndex = new Map<string, number>();
  private readonly firstRow = new Map<string, number>();
  private readonly unitOfText = new Map<string, { id: string } | { problem: string }>();
  private readonly unitByLowerCase: Map<string, string>;

  constructor(
    private readonly q: Questionnaire,
    private readonly units: {
      rated: ReadonlyMap<string, unknown>;
      problem: (unitId: string) => string | undefined;
    },
  ) {
    this.unitByLowerCase = new Map([...units.rated.keys()].map((id) => [id.toLowerCase(), id]));
    this.width = q.questions.length;
    this.answers = new Uint8Array(this.capacity * this.width);
    this.unitOfRow = new Uint32Array(this.capacity);
    this.batches = new Int32Array(this.capacity);
    this.sheetOf = new Uint16Array(this.capacity);
    this.rowOf = new Uint32Array(this.capacity);
  }

  sheet(name: string): void {
    this.sheets.push({ name, columns: undefined });
  }

  row(cells: readonly Cell[], rowNumber: number): void {
    const sheetIndex = this.sheets.length - 1;
    const sheet = this.sheets[sheetIndex];
    if (!sheet) return;
    if (!sheet.columns) {
      if (rowNumber > HEADER_SCAN_ROWS) return;
      if (!cells.some((cell) => normalizeHeader(cellText(cell)) === 'so phieu')) return;
      const header = cells.map((cell) => cellText(cell));
      sheet.columns = responseColumns(this.q, header, { sheet: sheet.name, row: rowNumber });
      return;
    }
    const columns = sheet.columns;
    if (cells.every((cell) => isBlank(cell))) return;
    // The header repeated on each printed page is not a form.
    if (normalizeHeader(cellText(cells[columns.formNumber])) === 'so phieu') return;
    const at = { sheet: sheet.name, row: rowNumber };
    const parsed = parseResponseRow(this.q, columns, cells, at);
    if ('issues' in parsed) {
      for (const issue of parsed.issues) this.addIssue(issue);
      return;
    }
    const unit = this.unitOf(parsed.unitId);
    if ('problem' in unit) {
      this.addIssue(this.cellIssue(at, columns, columns.unitId, unit.problem));
      return;
    }
    const earlier = this.firstRow.get(parsed.formNumber);
    if (earlier !== undefined) {
      const where = this.describe(earlier, sheetIndex);
      this.addIssue(
        this.cellIssue(
          at,
          columns,
          columns.formNumber,
          `số phiếu "${parsed.formNumber}" trùng với ${where}`,
        ),
      );
      return;
    }
    if (this.entered.has(parsed.formNumber)) {
      this.issueCount++;
      if (this.enteredIssues.length < ISSUE_LIST_LIMIT) {
        this.enteredIssues.push(
          this.cellIssue(
            at,
            columns,
            columns.formNumber,
            `số phiếu "${parsed.formNumber}" đã được nhập trước đó`,
          ),
        );
      }
    }
    const i = this.count++;
    if (i === this.capacity) this.grow();
    this.firstRow.set(parsed.formNumber, i);
    this.formNumbers.push(parsed.formNumber);
    this.answers.set(parsed.answers, i * this.width);
    this.unitOfRow[i] = this.indexOf(unit.id, this.unitIndex, this.unitNames);
    this.batches[i] =
      parsed.batch === undefined
        ? -1
        : this.indexOf(parsed.batch, this.batchIndex, this.batchNames);
    this.sheetOf[i] = sheetIndex;
    this.rowOf[i] = rowNumber;
  }

  /** After the last row: a file without a header row or without any form is refused. */
  finish(fileName: string): void {
    if (!this.sheets.some((sheet) => sheet.columns !== undefined)) {
      throw new DomainError(ERROR_CODES.IMPORT_REJECTED, `Không đọc được tệp "${fileName}"`, [
        {
          sheet: this.sheets[0]?.name ?? fileName,
          message: `không thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu: cần các cột Số phiếu, Mã đơn vị và một cột cho mỗi mã câu hỏi (${this.q.questions.map((q) => q.code).join(', ')})`,
        },
      ]);
    }
    if (this.count === 0 && this.issueCount === 0) {
      throw new DomainError(
        ERROR_CODES.IMPORT_REJECTED,
        `Tệp "${fileName}" không có phiếu nào để nhập`,
      );
    }
  }

  /**
   * Form numbers already entered (on paper or by an earlier import), given before the rows:
   * each row using one is refused, its issue listed after those of the rows themselves.
   */
  expectNew(entered: ReadonlySet<string>): void {
    this.entered = entered;
  }

  /** IMPORT_REJECTED with every issue (up to the limit, then how many more), if there is any. */
  throwIssues(fileName: string): void {
    if (this.issueCount === 0) return;
    const listed = [...this.issues, ...this.enteredIssues].slice(0, ISSUE_LIST_LIMIT);
    const more = this.issueCount - listed.length;
    const issues =
      more > 0 ? [...listed, { message: `… và ${more} lỗi khác chưa liệt kê` }] : listed;
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Tệp "${fileName}" có ${this.issueCount} lỗi; chưa nhập phiếu nào. Hãy sửa các dòng được chỉ ra rồi nhập lại cả tệp`,
      issues,
    );
  }

  /** Rows `from` … `to` (all by default) in slices for multi-row inserts, answers as array literals. */
  *slices(size: number, from = 0, to = this.count): Generator<ImportedRows> {
    for (let start = from; start < to; start += size) {
      const end = Math.min(to, start + size);
      const rows: ImportedRows = { unitIds: [], formNumbers: [], batches: [], answers: [] };
      for (let i = start; i < end; i++) {
        rows.unitIds.push(this.unitNames[this.unitOfRow[i] ?? 0] ?? '');
        rows.formNumbers.push(this.formNumbers[i] ?? '');
        const batch = this.batches[i] ?? -1;
        rows.batches.push(batch < 0 ? null : (this.batchNames[batch] ?? null));
        const offset = i * this.width;
        rows.answers.push(`{${this.answers.subarray(offset, offset + this.width).join(',')}}`);
      }
      yield rows;
    }
  }

  /** The rated unit a cell names (unit codes matched in any case), or why it cannot be. */
  private unitOf(text: string): { id: string } | { problem: string } {
    let unit = this.unitOfText.get(text);
    if (!unit) {
      const id = this.units.rated.has(text) ? text : this.unitByLowerCase.get(text.toLowerCase());
      unit =
        id === undefined
          ? { problem: this.units.problem(text) ?? `không có đơn vị mã "${text}"` }
          : { id };
      this.unitOfText.set(text, unit);
    }
    return unit;
  }

  private addIssue(issue: Issue): void {
    this.issueCount++;
    if (this.issues.length < ISSUE_LIST_LIMIT) this.issues.push(issue);
  }

  private cellIssue(
    at: { sheet: string; row: number },
    columns: ResponseColumns,
    column: number,
    message: string,
  ): Issue {
    return { ...at, column: columnLetter(column), field: columns.headers[column] ?? '', message };
  }

  /** "dòng 12" (same sheet) or 'dòng 12 trang "Lô 2"'. */
  private describe(index: number, sheetIndex: number): string {
    const row = `dòng ${this.rowOf[index] ?? 0}`;
    const sheet = this.sheetOf[index] ?? 0;
    return sheet === sheetIndex ? row : `${row} trang "${this.sheets[sheet]?.name ?? ''}"`;
  }

  private indexOf(value: string, index: Map<string, number>, names: string[]): number {
    let i = index.get(value);
    if (i === undefined) {
      i = names.length;
      index.set(value, i);
      names.push(value);
    }
    return i;
  }

  private grow(): void {
    this.capacity *= 2;
    const answers = new Uint8Array(this.capacity * this.width);
    answers.set(this.answers);
    this.answers = answers;
    this.unitOfRow = copyInto(new Uint32Array(this.capacity), this.unitOfRow);
    this.batches = copyInto(new Int32Array(this.capacity), this.batches);
    this.sheetOf = copyInto(new Uint16Array(this.capacity), this.sheetOf);
    this.rowOf = copyInto(new Uint32Array(this.capacity), this.rowOf);
  }
}

function copyInto<T extends Uint32Array | Int32Array | Uint16Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
