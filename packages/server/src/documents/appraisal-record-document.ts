import { formatDocumentDate, type AppraisalRecordView } from '@chiso/core';
import { Table, TableCell, TableRow, WidthType, type Document } from 'docx';
import {
  bodyText,
  documentHeading,
  gridTable,
  NO_BORDERS,
  officialDocument,
  paragraph,
} from './official-document.js';

export interface AppraisalRecordMeta {
  /** "UBND tỉnh Hòa An", if given. */
  parentAuthority?: string | undefined;
  issuer: string;
  place: string;
  /** "2026-01-16": the day the record is drawn up. */
  date: string;
}

/**
 * The appraisal record in the Nghị định 30/2020 layout: heading, who appraised and when, the
 * totals, the signatures of the unit's representative and of every appraiser, and on landscape
 * pages the table of every node. A unit's table has some 60 to 140 rows, so the docx library's
 * own table is fast enough here (the results report's thousands of rows are not: decision 0021).
 */
export function appraisalRecordDocument(
  view: AppraisalRecordView,
  meta: AppraisalRecordMeta,
): Document {
  const main = [
    ...(view.draft
      ? [paragraph('DỰ THẢO', { bold: true, align: 'right', size: 13, after: 0 })]
      : []),
    ...documentHeading({
      parentAuthority: meta.parentAuthority,
      issuer: meta.issuer,
      number: 'Số:        /BB-TĐ',
      place: meta.place,
      dateText: formatDocumentDate(meta.date),
      kind: view.title,
      summary: view.subtitle,
    }),
    ...view.opening.map((text) => bodyText(text)),
    paragraph('Kết quả thẩm định:', { bold: true, indent: true }),
    ...view.conclusion.map((text) => bodyText(`- ${text}`)),
    bodyText('Điểm thẩm định từng lĩnh vực, tiêu chí, tiêu chí thành phần tại Phụ lục kèm theo.'),
    bodyText(
      'Biên bản được lập thành 02 bản, đơn vị được thẩm định giữ 01 bản, cơ quan thường trực giữ 01 bản./.',
    ),
    paragraph('', { after: 6 }),
    signatureColumns(view.signatures),
  ];
  const appendix = [
    paragraph('PHỤ LỤC', { bold: true, align: 'center', after: 0 }),
    paragraph(`Kết quả thẩm định từng tiêu chí ${view.subtitle}`, {
      bold: true,
      align: 'center',
      after: 12,
    }),
    gridTable(
      view.columns,
      view.rows.map((row) => ({ cells: row.cells, bold: row.bold })),
      11,
    ),
  ];
  return officialDocument([{ children: main }, { children: appendix, landscape: true }]);
}

/** Signature blocks side by side, each with its heading and room to sign above each name. */
function signatureColumns(columns: AppraisalRecordView['signatures']): Table {
  const width = Math.floor(100 / columns.length);
  const centred = (text: string) => paragraph(text, { bold: true, align: 'center', after: 0 });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: columns.map(
          (column) =>
            new TableCell({
              width: { size: width, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                centred(column.heading),
                ...column.names.flatMap((name) => [
                  // Room for the signature.
                  ...[1, 2, 3].map(() => centred('')),
                  centred(name),
                ]),
              ],
            }),
        ),
      }),
    ],
  });
}
