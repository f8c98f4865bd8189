import type { Decimal } from '../decimal/decimal.js';

/**
 * The results report as plain text pieces, in order, for any renderer (Word now; the web
 * app's preview later). Every number is already worded the Vietnamese way; a renderer only
 * lays the pieces out.
 */
export interface ReportView {
  heading: ReportHeading;
  sections: ReportSection[];
  closing: ReportClosing;
  appendix: ReportAppendix;
}

export interface ReportHeading {
  parentAuthority: string | undefined;
  issuer: string;
  /** "Số: 27/BC-UBND", or "Số:        /BC-UBND" for the clerk to fill in. */
  number: string;
  place: string;
  /** "ngày 01 tháng 3 năm 2023", or blank. */
  dateText: string;
  kind: string;
  summary: string;
  draft: boolean;
}

export interface ReportSection {
  /** 0: a part ("Phần thứ nhất"), 1: I, II…, 2: 1, 2…, 3: a), 3.1… */
  level: 0 | 1 | 2 | 3;
  heading: string;
  content: ReportContent[];
}

export type ReportContent =
  | { kind: 'paragraph'; text: string }
  /** A part only people can write, not entered yet: shown as such, never left silently out. */
  | { kind: 'missing'; text: string }
  | { kind: 'table'; table: ReportTable };

export interface ReportTable {
  columns: ReportColumn[];
  rows: { cells: string[]; bold?: boolean }[];
}

export interface ReportColumn {
  header: string;
  /** Share of the width in percent. */
  width: number;
  align: 'left' | 'center' | 'right';
}

export interface ReportClosing {
  recipients: string[];
  signature: { onBehalfOf: string | undefined; position: string; name: string | undefined };
}

/** One line of a unit's appendix table: a node with its points on both sides. */
export interface AppendixLine {
  code: string;
  title: string;
  depth: number;
  /** A leaf's points are shown exact, a sum's rounded as the text writes it (0021). */
  leaf: boolean;
  applicable: boolean;
  maxPoints: Decimal;
  /** Undefined when the request has no self-assessed points. */
  selfAssessed: Decimal | undefined;
  /** The final (appraised) points. */
  final: Decimal;
  /** final − self; undefined without self-assessed points. */
  difference: Decimal | undefined;
  reason: string;
}

export interface AppendixTable {
  /** "Biểu A1". */
  label: string;
  unitId: string;
  unitName: string;
  /** "Tổng điểm 92,5/100; Chỉ số 92,50%; xếp hạng 1/18; nhóm từ 90% trở lên." */
  summary: string;
  lines: AppendixLine[];
  total: AppendixLine;
}

export interface ReportAppendix {
  title: string;
  /** Says what the columns hold, e.g. that the request had no self-assessed points. */
  note: string;
  withSelfAssessed: boolean;
  columns: ReportColumn[];
  /** Lines of all the tables together (every node and the total line of each unit). */
  rows: number;
  /**
   * The units' tables, built one at a time when iterated: 4,000 units × every node would
   * otherwise be held at once. Iterable again.
   */
  tables: () => Iterable<AppendixTable>;
}

/** The cells of an appendix line as the document prints them. */
export type AppendixCells = (line: AppendixLine) => string[];
