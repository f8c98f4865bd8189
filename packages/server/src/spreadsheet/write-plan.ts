import {
  PERCENT_OUTPUT_DECIMALS,
  planAreaSummary,
  planRowSummary,
  type Decimal,
  type Plan,
  type Ratio,
} from '@chiso/core';
import { newWorkbook, type Workbook } from './exceljs.js';
import { appendixHeaders, appendixLines, MARK_TEXT } from '../documents/plan-appendix.js';

const FONT = { name: 'Times New Roman', size: 12 };
const WIDTHS = [7, 50, 10, 10, 10, 60, 30, 16, 10, 40];

const value = (decimal: Decimal | undefined) => (decimal === undefined ? null : decimal.toNumber());
const percent = (ratio: Ratio | undefined) =>
  ratio === undefined ? null : ratio.round(PERCENT_OUTPUT_DECIMALS).toNumber();

export interface PlanWorkbookMeta {
  resultYear: number | undefined;
  planYear: number | undefined;
}

/**
 * The plan as seed 004's appendix ("Kế hoạch": Stt … Đơn vị chủ trì, then a note, the lost
 * points and the what-if of each row), which `readPlanTable` reads back, and seed 003's
 * summary per area ("Lĩnh vực"). Cells hold exact values.
 */
export async function buildPlanWorkbook(plan: Plan, meta: PlanWorkbookMeta): Promise<Workbook> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Kế hoạch', { views: [{ state: 'frozen', ySplit: 4 }] });
  const name = plan.unit.name.toUpperCase();
  const year = meta.planYear === undefined ? '' : ` NĂM ${meta.planYear}`;
  sheet.addRow([null, 'PHỤ LỤC']).font = { ...FONT, bold: true };
  sheet.addRow([
    null,
    `MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC ${name}${year}`,
  ]).font = { ...FONT, bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    ...appendixHeaders(meta.resultYear, meta.planYear),
    'Ghi chú',
    'Điểm bị mất',
    'Tổng điểm, hạng nếu đạt',
  ]);
  header.font = { ...FONT, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };

  const { lines, total } = appendixLines(plan);
  lines.forEach((line, i) => {
    const row = plan.rows[i]!;
    const added = sheet.addRow([
      line.code,
      line.title,
      value(line.maxPoints),
      value(line.points),
      value(line.target),
      line.tasks || null,
      line.offices || null,
      line.mark ? MARK_TEXT[line.mark] : null,
      row.applicable ? row.lost.toNumber() : null,
      planRowSummary(row),
    ]);
    added.font = { ...FONT, bold: line.area };
    added.alignment = { vertical: 'top', wrapText: true };
  });
  const totalRow = sheet.addRow([
    null,
    total.title,
    value(total.maxPoints),
    value(total.points),
    value(total.target),
  ]);
  totalRow.font = { ...FONT, bold: true };
  WIDTHS.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  // Codes as text, so that 1.10 stays 1.10 when the sheet is edited and read back.
  sheet.getColumn(1).numFmt = '@';

  const areas = workbook.addWorksheet('Lĩnh vực', { views: [{ state: 'frozen', ySplit: 1 }] });
  areas.addRow([
    'Lĩnh vực',
    'Tên',
    'Điểm đạt được',
    'Điểm tối đa',
    'Hạng',
    'Số đơn vị xếp hạng',
    'Thay đổi so với năm trước (%)',
    'Tóm tắt',
  ]).font = { ...FONT, bold: true };
  for (const area of plan.areas) {
    areas.addRow([
      area.code,
      area.title,
      area.applicable ? area.points.toNumber() : null,
      area.applicable ? area.maxPoints.toNumber() : null,
      area.rank ?? null,
      area.groupSize,
      percent(area.percentChange),
      planAreaSummary(area),
    ]).font = FONT;
  }
  [10, 50, 12, 12, 8, 12, 16, 80].forEach((width, c) => {
    areas.getColumn(c + 1).width = width;
  });
  return workbook;
}
