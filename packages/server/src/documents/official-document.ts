import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';

/**
 * Administrative documents in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuer
 * and the national motto side by side, number and place-date line, the bold centred title,
 * Times New Roman, page numbers centred in the top margin from page 2, "Nơi nhận" and the
 * signature block. Plans, monitoring reports and results reports build on this.
 */

const FONT = 'Times New Roman';
/** docx sizes are half-points: 14 pt body, 13 pt tables and headings' second lines, 12 pt. */
const PT = (points: number) => points * 2;
/** A4 in twentieths of a point; margins of Nghị định 30: 20 mm top/bottom, 30 left, 15 right. */
const A4 = { width: 11906, height: 16838 };
const MM = 56.7;
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

export interface TextOptions {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent of body paragraphs (1,27 cm). */
  indent?: boolean;
  /** Space after, in points. */
  after?: number;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** One run of text, or several (a bold label then plain text). */
export type Run = string | { text: string; bold?: boolean; italic?: boolean };

/** A paragraph of runs in the document's font. */
export function paragraph(runs: Run | Run[], options: TextOptions = {}): Paragraph {
  const list = Array.isArray(runs) ? runs : [runs];
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'justify'],
    indent: options.indent ? { firstLine: 720 } : undefined,
    spacing: { after: PT(options.after ?? 3) * 10, line: 300 },
    children: list.map((run) => {
      const r = typeof run === 'string' ? { text: run } : run;
      return new TextRun({
        text: r.text,
        font: FONT,
        size: PT(options.size ?? 14),
        bold: r.bold ?? options.bold,
        italics: r.italic ?? options.italic,
      });
    }),
  });
}

/** A body paragraph as Nghị định 30 sets them: justified, first line indented. */
export const bodyText = (runs: Run | Run[]) => paragraph(runs, { indent: true });

export interface TableColumn {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableRowSpec {
  cells: (Run | Run[])[];
  bold?: boolean;
}

/** A bordered table with a bold header row repeated on every page. */
export function gridTable(
  columns: readonly TableColumn[],
  rows: readonly TableRowSpec[],
  size = 13,
) {
  const cell = (content: Run | Run[], column: TableColumn, bold: boolean) =>
    new TableCell({
      width: { size: column.width, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [paragraph(content, { size, bold, align: column.align ?? 'left', after: 0 })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map(
          (column) =>
            new TableCell({
              width: { size: column.width, type: WidthType.PERCENTAGE },
              verticalAlign: VerticalAlign.CENTER,
              children: [paragraph(column.header, { size, bold: true, align: 'center', after: 0 })],
            }),
        ),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((column, c) =>
              cell(row.cells[c] ?? '', column, row.bold ?? false),
            ),
          }),
      ),
    ],
  });
}

export interface DocumentHeading {
  /** Cơ quan chủ quản ("UBND TỈNH HÒA AN"); absent for an issuer without one. */
  parentAuthority?: string | undefined;
  /** Cơ quan ban hành ("UBND HUYỆN ĐẮK GLONG"). */
  issuer: string;
  /** "Số: 12/KH-UBND"; the number may be left blank for the clerk: "Số:      /KH-UBND". */
  number: string;
  place: string;
  /** The place-date line's date, already worded ("ngày 15 tháng 3 năm 2026"), or blank. */
  dateText: string;
  /** Kind of document in capitals ("KẾ HOẠCH") and its summary line (trích yếu). */
  kind: string;
  summary: string;
}

/** Issuer block and national motto side by side, then the number, place-date and title. */
export function documentHeading(heading: DocumentHeading): FileChild[] {
  /**
   * The short line under the issuer (a third to a half of its text) and under the motto (as
   * long as its text): the bottom border of an empty paragraph, narrowed by indents, so that
   * the text above keeps the cell's whole width.
   */
  const rule = (indent: number) =>
    new Paragraph({
      border: { bottom: { ...LINE, space: 1 } },
      indent: { left: indent, right: indent },
      spacing: { after: 0, line: 120 },
      children: [new TextRun({ text: '', size: 2 })],
    });
  const centred = (text: string, bold: boolean, size: number, italic = false) =>
    paragraph(text, { bold, size, italic, align: 'center', after: 0 });
  const left = [
    ...(heading.parentAuthority ? [centred(heading.parentAuthority.toUpperCase(), false, 13)] : []),
    centred(heading.issuer.toUpperCase(), true, 13),
    rule(1300),
    centred('', false, 6),
    centred(heading.number, false, 13),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true, 13),
    centred('Độc lập - Tự do - Hạnh phúc', true, 14),
    rule(1250),
    centred('', false, 6),
    centred(`${heading.place}, ${heading.dateText}`, false, 14, true),
  ];
  const column = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      children,
    });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [column(left, 40), column(right, 60)] })],
    }),
    paragraph('', { after: 6 }),
    paragraph(heading.kind, { bold: true, align: 'center', after: 0 }),
    paragraph(heading.summary, { bold: true, align: 'center', after: 12 }),
  ];
}

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN" when signing for a collective; absent otherwise. */
  onBehalfOf?: string | undefined;
  position: string;
  name?: string | undefined;
}

/** "Nơi nhận" on the left, the signature on the right. */
export function closing(recipients: readonly string[], signature: Signature): FileChild {
  const left = [
    paragraph('Nơi nhận:', { bold: true, italic: true, size: 12, align: 'left', after: 0 }),
    ...recipients.map((r) => paragraph(`- ${r}`, { size: 11, align: 'left', after: 0 })),
  ];
  const right = [
    ...(signature.onBehalfOf
      ? [paragraph(signature.onBehalfOf.toUpperCase(), { bold: true, align: 'center', after: 0 })]
      : []),
    paragraph(signature.position.toUpperCase(), { bold: true, align: 'center', after: 0 }),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => paragraph('', { align: 'center', after: 0 })),
    paragraph(signature.name ?? '', { bold: true, align: 'center', after: 0 }),
  ];
  const column = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      children,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [column(left, 50), column(right, 50)] })],
  });
}

export interface DocumentSection {
  children: FileChild[];
  landscape?: boolean;
}

/** Page number centred in the top margin; none on a section's first page. */
function pageNumberHeaders() {
  return {
    first: new Header({ children: [paragraph('', { after: 0 })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(14) })],
        }),
      ],
    }),
  };
}

/** The document: A4 sections (an appendix may be landscape), Times New Roman 14. */
export function officialDocument(sections: readonly DocumentSection[]): Document {
  return new Document({
    creator: 'chiso',
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: sections.map((section): ISectionOptions => ({
      properties: {
        titlePage: true,
        page: {
          size: {
            ...A4,
            orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: MARGIN,
        },
      },
      headers: pageNumberHeaders(),
      children: section.children,
    })),
  });
}

/** The bytes of a .docx file. */
export async function documentBytes(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
