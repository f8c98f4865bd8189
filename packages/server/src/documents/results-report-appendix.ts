import { appendixCells, type ReportAppendix } from '@chiso/core';
import { paragraphXml, tableXml } from './table-xml.js';

/**
 * The appendix's XML for its landscape pages: the title and note, then per unit its label
 * and name ("Biểu A1: SỞ GIAO THÔNG VẬN TẢI"), its totals, and the table of every node, the
 * area lines and the total line in bold. Yielded a unit at a time.
 */
export function* appendixXml(appendix: ReportAppendix): Generator<string> {
  for (const line of appendix.title.split('\n')) {
    yield paragraphXml({ text: line, bold: true, align: 'center', after: 0 });
  }
  yield paragraphXml({
    text: `(${appendix.note})`,
    italic: true,
    align: 'center',
    size: 12,
    after: 6,
  });
  for (const unit of appendix.tables()) {
    yield paragraphXml({
      text: `${unit.label}: ${unit.unitName.toUpperCase()}`,
      bold: true,
      align: 'center',
      after: 0,
    });
    yield paragraphXml({ text: unit.summary, italic: true, align: 'center', size: 12, after: 3 });
    yield tableXml(
      appendix.columns,
      [...unit.lines, unit.total].map((line) => ({
        cells: appendixCells(line, appendix.withSelfAssessed),
        bold: line.depth <= 1,
      })),
      11,
      'landscape',
    );
    yield paragraphXml({ text: '', after: 6 });
  }
}
