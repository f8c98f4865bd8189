import type { CouncilDecisionView } from '@chiso/core';
import {
  bodyText,
  closing,
  documentBytes,
  documentHeading,
  officialDocument,
  paragraph,
} from './official-document.js';
import { paragraphXml, tableMarker, tableXml, withTables } from './table-xml.js';

export interface CouncilDecisionMeta {
  parentAuthority?: string | undefined;
  /** The place on the date line ("Hòa An"), or blanks for the clerk. */
  place: string;
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/**
 * The annexes' XML for the landscape pages: per block its title lines, the erratum note when
 * there is one, and the table of every unit in rank order, each block on a page of its own.
 * Written as text (table-xml.ts): a national annex has some 4,000 rows (decision 0021).
 */
function* annexXml(view: CouncilDecisionView): Generator<string> {
  let first = true;
  for (const annex of view.annexes) {
    if (!first) yield PAGE_BREAK;
    first = false;
    for (const [i, line] of annex.title.entries()) {
      yield paragraphXml({
        text: line,
        bold: i < 2,
        italic: i >= 2,
        align: 'center',
        size: i >= 2 ? 13 : 14,
        after: i === annex.title.length - 1 && !annex.note ? 6 : 0,
      });
    }
    if (annex.note) {
      yield paragraphXml({ text: annex.note, italic: true, align: 'center', size: 12, after: 6 });
    }
    yield tableXml(
      annex.columns,
      annex.rows.map((cells) => ({ cells })),
      12,
      'landscape',
    );
  }
}

/**
 * The council's decision in the Nghị định 30/2020 layout: heading, the authority that
 * decides, the legal bases in italics, "QUYẾT ĐỊNH:", the articles, "Nơi nhận" and the
 * signature "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", then the annexes on landscape pages.
 */
export async function councilDecisionBytes(
  view: CouncilDecisionView,
  meta: CouncilDecisionMeta,
): Promise<Buffer> {
  const main = [
    ...(view.draft
      ? [paragraph('DỰ THẢO', { bold: true, align: 'right', size: 13, after: 0 })]
      : []),
    ...documentHeading({
      parentAuthority: meta.parentAuthority,
      issuer: view.issuer,
      number: view.number,
      place: meta.place,
      dateText: view.dateText,
      kind: view.kind,
      summary: view.summary,
    }),
    paragraph(view.authority, { bold: true, align: 'center', after: 6 }),
    ...view.bases.map((text) => paragraph(text, { italic: true, indent: true })),
    paragraph(view.proposal, { italic: true, indent: true, after: 6 }),
    paragraph('QUYẾT ĐỊNH:', { bold: true, align: 'center', after: 6 }),
    ...view.articles.flatMap((article) => [
      paragraph([{ text: `${article.label} `, bold: true }, article.paragraphs[0] ?? ''], {
        indent: true,
      }),
      ...article.paragraphs.slice(1).map((text) => bodyText(text)),
    ]),
    paragraph('', { after: 6 }),
    closing(view.recipients, view.signature),
  ];
  const annexes = [paragraph(tableMarker(0), { after: 0 })];
  const document = officialDocument([{ children: main }, { children: annexes, landscape: true }]);
  return withTables(await documentBytes(document), [() => annexXml(view)]);
}
