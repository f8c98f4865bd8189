import type { SelfAssessmentReportView } from '@chiso/core';
import type { Document } from 'docx';
import {
  bodyText,
  closing,
  documentHeading,
  gridTable,
  officialDocument,
  paragraph,
} from './official-document.js';

export interface SelfAssessmentReportMeta {
  parentAuthority?: string | undefined;
  /** The unit, as the heading names it. */
  issuer: string;
  place: string;
  /** The report's date, already worded, or blanks. */
  dateText: string;
}

/**
 * The unit's self-assessment report in the Nghị định 30/2020 layout: heading, "Kính gửi",
 * the totals and the sending, the explanations, the head's signature, and on landscape pages
 * the table of every node. Some 60 to 140 rows: the docx library's own table is fast enough.
 */
export function selfAssessmentReportDocument(
  view: SelfAssessmentReportView,
  meta: SelfAssessmentReportMeta,
): Document {
  const main = [
    ...(view.draft
      ? [paragraph('DỰ THẢO', { bold: true, align: 'right', size: 13, after: 0 })]
      : []),
    ...documentHeading({
      parentAuthority: meta.parentAuthority,
      issuer: meta.issuer,
      number: 'Số:        /BC',
      place: meta.place,
      dateText: meta.dateText,
      kind: view.kind,
      summary: view.summary,
    }),
    ...(view.addressees.length === 1
      ? [paragraph(`Kính gửi: ${view.addressees[0] ?? ''}`, { align: 'center', after: 0 })]
      : [
          paragraph('Kính gửi:', { align: 'center', after: 0 }),
          ...view.addressees.map((text) => paragraph(`- ${text}`, { align: 'center', after: 0 })),
        ]),
    paragraph('', { after: 6 }),
    ...view.opening.map((text) => bodyText(text)),
    ...view.sections.flatMap((section) => [
      paragraph(section.heading, { bold: true, indent: true }),
      ...section.paragraphs.map((text) => bodyText(text)),
    ]),
    paragraph('', { after: 6 }),
    closing(view.recipients, { position: view.signature.position, name: view.signature.name }),
  ];
  const appendix = [
    paragraph('PHỤ LỤC', { bold: true, align: 'center', after: 0 }),
    paragraph(view.summary, { bold: true, align: 'center', after: 12 }),
    gridTable(
      view.columns,
      view.rows.map((row) => ({ cells: row.cells, bold: row.bold })),
      11,
    ),
  ];
  return officialDocument([{ children: main }, { children: appendix, landscape: true }]);
}
