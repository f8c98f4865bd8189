import {
  shownPoints,
  type AppendixLine,
  type AppendixTable,
  type Decimal,
  type ReportAppendix,
} from '@chiso/core';
import { ZipWriter } from './zip-writer.js';

const SHEET = 'Phụ lục';
const HEADERS = [
  'Biểu',
  'Mã đơn vị',
  'Cơ quan, đơn vị',
  'Mã',
  'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Chênh lệch',
  'Lý do',
];
const WIDTHS = [10, 14, 36, 8, 60, 10, 10, 10, 10, 60];
/** Cell styles (styles.xml's cellXfs): plain, bold, points, bold points, italic. */
const STYLE = { text: 0, bold: 1, points: 2, boldPoints: 3, italic: 4 } as const;

type Cell = string | number | null;

const SPECIAL = /[&<>"]/;
const escape = (text: string) =>
  !SPECIAL.test(text)
    ? text
    : text.replace(/[&<>"]/g, (c) =>
        c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
      );
const columnName = (i: number) => String.fromCharCode(65 + i);

function rowXml(r: number, cells: readonly Cell[], bold: boolean, italic = false): string {
  let xml = `<row r="${r}">`;
  cells.forEach((cell, i) => {
    if (cell === null) return;
    const ref = `${columnName(i)}${r}`;
    if (typeof cell === 'number') {
      xml += `<c r="${ref}" s="${bold ? STYLE.boldPoints : STYLE.points}"><v>${cell}</v></c>`;
    } else {
      const s = italic ? STYLE.italic : bold ? STYLE.bold : STYLE.text;
      xml += `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
    }
  });
  return `${xml}</row>`;
}

/**
 * A unit's line, written straight to text: half a million of them, so no array of cells per
 * line. Columns as in HEADERS, the self-assessed two only `withSelf`.
 */
function lineXml(r: number, table: AppendixTable, line: AppendixLine, withSelf: boolean): string {
  const bold = line.depth <= 1;
  const text = (column: string, value: string) =>
    value === ''
      ? ''
      : `<c r="${column}${r}" s="${bold ? STYLE.bold : STYLE.text}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
  // A sum holds the value the report's text shows (85,61, not 85,609), a leaf its exact
  // points: the same rule as the Word table, through core/format (decision 0021).
  const number = (column: string, value: Decimal | undefined) =>
    value === undefined || !line.applicable
      ? ''
      : `<c r="${column}${r}" s="${bold ? STYLE.boldPoints : STYLE.points}"><v>${shownPoints(value, line.leaf).toString()}</v></c>`;
  const difference =
    line.selfAssessed === undefined
      ? undefined
      : shownPoints(line.final, line.leaf).minus(shownPoints(line.selfAssessed, line.leaf));
  const title = line.applicable || line.depth === 0 ? line.title : `${line.title} (không áp dụng)`;
  const head =
    text('A', table.label) +
    text('B', table.unitId) +
    text('C', table.unitName) +
    text('D', line.code) +
    text('E', title) +
    `<c r="F${r}" s="${bold ? STYLE.boldPoints : STYLE.points}"><v>${shownPoints(line.maxPoints, line.leaf).toString()}</v></c>`;
  const rest = withSelf
    ? number('G', line.selfAssessed) +
      number('H', line.final) +
      number('I', difference) +
      text('J', line.reason)
    : number('G', line.final) + text('H', line.reason);
  return `<row r="${r}">${head}${rest}</row>`;
}

/**
 * The appendix as one long sheet, a row per node of each unit with its "Biểu" and unit on
 * every row, so that a filter shows one unit (4,000 units would be 4,000 sheets otherwise).
 * Written as a stream of XML into a streamed zip: 4,000 units × 138 nodes are half a million
 * rows, which a workbook library holding a style per cell takes minutes over. Leaves hold exact
 * values, sums the values the text shows; a node that does not apply has no points. Without self-assessed points the two
 * columns that need them are left out.
 */
export async function writeReportAppendix(appendix: ReportAppendix, file: string): Promise<void> {
  const keep = (_: unknown, i: number) => appendix.withSelfAssessed || (i !== 6 && i !== 8);
  const headers = HEADERS.filter(keep);
  const widths = WIDTHS.filter(keep);
  const lastRow = 4 + appendix.rows;
  const range = `A4:${columnName(headers.length - 1)}${lastRow}`;

  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    yield '<sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
    yield `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`;
    const [title = '', subtitle = ''] = appendix.title.split('\n');
    yield rowXml(1, [title], true);
    yield rowXml(2, [subtitle], true);
    yield rowXml(3, [appendix.note], false, true);
    yield rowXml(4, headers, true);
    let r = 4;
    for (const table of appendix.tables()) {
      for (const line of [...table.lines, table.total]) {
        yield lineXml(++r, table, line, appendix.withSelfAssessed);
      }
    }
    yield `</sheetData><autoFilter ref="${range}"/></worksheet>`;
  }

  const zip = await ZipWriter.create(file);
  try {
    await zip.add('[Content_Types].xml', CONTENT_TYPES);
    await zip.add('_rels/.rels', ROOT_RELS);
    await zip.add(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${SHEET}'!$${range.replace(':', ':$').replace(/(\d+)/g, '$$$1')}</definedName></definedNames></workbook>`,
    );
    await zip.add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    await zip.add('xl/styles.xml', STYLES);
    await zip.add('xl/worksheets/sheet1.xml', sheet());
  } finally {
    await zip.close();
  }
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
/** Times New Roman 12 (plain, bold, italic); points shown with up to three decimals. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.###"/></numFmts><fonts count="3"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font><font><i/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
