import type { ReportContent, ReportSection, ReportView } from '@chiso/core';
import type { FileChild } from 'docx';
import {
  bodyText,
  closing,
  documentBytes,
  documentHeading,
  officialDocument,
  paragraph,
  type DocumentSection,
} from './official-document.js';
import { appendixXml } from './results-report-appendix.js';
import { tableMarker, tableXml, withTables } from './table-xml.js';

export interface ResultsReportOptions {
  /** Leave the per-unit tables out of the Word document (they go to the .xlsx instead). */
  withAppendix?: boolean;
}

/**
 * Rows above which the appendix is not put in a Word document: 50,000 rows are some 1,500
 * landscape pages, already more than anyone prints; the workbook holds any number.
 */
export const MAX_DOCX_APPENDIX_ROWS = 50_000;

/**
 * The results report (seed 001) as the bytes of a Word document in the Nghị định 30/2020
 * layout: the heading, every section of the core's view model, "Nơi nhận" and signature,
 * then the appendix (one table per unit) on landscape pages. Tables are written as XML text
 * into the packed document (table-xml.ts); everything else goes through the docx library.
 */
export async function resultsReportBytes(
  view: ReportView,
  options: ResultsReportOptions = {},
): Promise<Buffer> {
  const tables: (() => string | Iterable<string>)[] = [];
  const marker = (fill: () => string | Iterable<string>) => {
    tables.push(fill);
    return paragraph(tableMarker(tables.length - 1), { after: 0 });
  };
  const contentChild = (item: ReportContent): FileChild => {
    switch (item.kind) {
      case 'paragraph':
        return bodyText(item.text);
      case 'missing':
        return paragraph(item.text, { italic: true, indent: true });
      case 'table':
        return marker(() => tableXml(item.table.columns, item.table.rows, 12));
    }
  };
  const sectionChildren = (section: ReportSection): FileChild[] => [
    ...headingOf(section),
    ...section.content.map(contentChild),
  ];

  const heading = view.heading;
  const main: FileChild[] = [
    ...(heading.draft
      ? [paragraph('DỰ THẢO', { bold: true, align: 'right', size: 13, after: 0 })]
      : []),
    ...documentHeading({
      parentAuthority: heading.parentAuthority,
      issuer: heading.issuer,
      number: heading.number,
      place: heading.place,
      dateText: heading.dateText,
      kind: heading.kind,
      summary: heading.summary,
    }),
    ...view.sections.flatMap(sectionChildren),
    paragraph('', { after: 6 }),
    closing(view.closing.recipients, view.closing.signature),
  ];
  const sections: DocumentSection[] = [{ children: main }];
  if (options.withAppendix !== false) {
    sections.push({ children: [marker(() => appendixXml(view.appendix))], landscape: true });
  }
  return withTables(await documentBytes(officialDocument(sections)), tables);
}

function headingOf(section: ReportSection): FileChild[] {
  if (section.level === 0) {
    return [
      ...section.heading
        .split('\n')
        .map((line) => paragraph(line, { bold: true, align: 'center', after: 0 })),
      paragraph('', { after: 3 }),
    ];
  }
  return [
    paragraph(section.heading, {
      bold: section.level <= 2,
      italic: section.level === 3,
      indent: section.level >= 2,
    }),
  ];
}

/**
 * The appendix alone (one table per unit, landscape), for those who print or send it apart
 * from the report: its title says which report it goes with, and "DỰ THẢO" when the report is.
 */
export async function reportAppendixBytes(view: ReportView): Promise<Buffer> {
  const heading = view.heading;
  const children: FileChild[] = [
    ...(heading.draft
      ? [paragraph('DỰ THẢO', { bold: true, align: 'right', size: 13, after: 0 })]
      : []),
    paragraph(
      `(Kèm theo Báo cáo ${heading.number.replace(/^Số:\s*/, 'số ')} của ${heading.issuer}, ${heading.dateText})`,
      { italic: true, align: 'center', size: 13, after: 6 },
    ),
    paragraph(tableMarker(0), { after: 0 }),
  ];
  return withTables(await documentBytes(officialDocument([{ children, landscape: true }])), [
    () => appendixXml(view.appendix),
  ]);
}
