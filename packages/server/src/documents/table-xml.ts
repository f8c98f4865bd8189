import type { ReportColumn } from '@chiso/core';

/**
 * Large tables written as WordprocessingML text, the same look as official-document's
 * gridTable (single black borders, header row repeated on each page, rows kept whole, Times
 * New Roman from the document's defaults). The docx library builds an object per cell and
 * serialises them slowly; a results report has a row per unit (4,000 at national scale) and
 * an appendix row per node of each unit, so these tables are put in as text instead.
 */

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;
const BORDER = 'w:val="single" w:color="000000" w:sz="6"';
/** The text width of a page in twentieths of a point (A4 less Nghị định 30's margins). */
const WIDTH = { portrait: 9355, landscape: 14232 } as const;

export interface XmlRow {
  cells: readonly string[];
  bold?: boolean | undefined;
}

const escape = (text: string) =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** One table's XML; `size` in points. */
export function tableXml(
  columns: readonly ReportColumn[],
  rows: Iterable<XmlRow>,
  size: number,
  page: keyof typeof WIDTH = 'portrait',
): string {
  const half = size * 2;
  const grid = columns
    .map((c) => `<w:gridCol w:w="${Math.round((WIDTH[page] * c.width) / 100)}"/>`)
    .join('');
  const cellStart = columns.map(
    (c) =>
      `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${c.width * 50}"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:line="300"/><w:jc w:val="${ALIGN[c.align]}"/></w:pPr>`,
  );
  const headerStart = columns.map(
    (c) =>
      `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${c.width * 50}"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:line="300"/><w:jc w:val="center"/></w:pPr>`,
  );
  const run = (text: string, bold: boolean) =>
    text === ''
      ? ''
      : `<w:r><w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`,
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
    ...columns.map((c, i) => `${headerStart[i]}${run(c.header, true)}</w:p></w:tc>`),
    '</w:tr>',
  ];
  for (const row of rows) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    const bold = row.bold === true;
    for (let i = 0; i < columns.length; i++) {
      parts.push(`${cellStart[i]}${run(row.cells[i] ?? '', bold)}</w:p></w:tc>`);
    }
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

export interface XmlParagraph {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'both';
  /** Space after, in points. */
  after?: number;
}

/** A paragraph's XML, as official-document's paragraph writes it. */
export function paragraphXml(p: XmlParagraph): string {
  const half = (p.size ?? 14) * 2;
  const style = `${p.bold ? '<w:b/><w:bCs/>' : ''}${p.italic ? '<w:i/><w:iCs/>' : ''}`;
  return `<w:p><w:pPr><w:spacing w:after="${(p.after ?? 3) * 20}" w:line="300"/><w:jc w:val="${p.align ?? 'both'}"/></w:pPr><w:r><w:rPr>${style}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr><w:t xml:space="preserve">${escape(p.text)}</w:t></w:r></w:p>`;
}

/** The text of a paragraph that stands where a table's XML goes in. */
export const tableMarker = (n: number) => `@@chiso-bang-${n}@@`;

/**
 * Replaces each marker paragraph of a packed document with its table's XML. Each table is
 * written only when its turn comes, so that no more than one is held as text at a time
 * besides the document itself.
 */
export async function withTables(
  docx: Buffer,
  tables: readonly (() => string | Iterable<string>)[],
): Promise<Buffer> {
  if (tables.length === 0) return docx;
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const pieces: string[] = [];
  let from = 0;
  tables.forEach((table, n) => {
    const marker = xml.indexOf(tableMarker(n), from);
    if (marker < 0) throw new Error(`table marker ${n} not found`);
    const start = Math.max(xml.lastIndexOf('<w:p>', marker), xml.lastIndexOf('<w:p ', marker));
    const end = xml.indexOf('</w:p>', marker) + '</w:p>'.length;
    pieces.push(xml.slice(from, start));
    const content = table();
    if (typeof content === 'string') pieces.push(content);
    else for (const piece of content) pieces.push(piece);
    from = end;
  });
  pieces.push(xml.slice(from));
  zip.file('word/document.xml', pieces.join(''));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
