import {
  PERCENT_OUTPUT_DECIMALS,
  type Decimal,
  type Framework,
  type Ratio,
  type Results,
} from '@chiso/core';
import ExcelJS from 'exceljs';
import { rankChangeText } from '../cli/ranking-text.js';

const POINTS_FORMAT = '0.00';
const FONT = { name: 'Times New Roman', size: 12 };

const num = (value: Decimal | undefined) => (value === undefined ? null : value.toNumber());
const pct = (value: Ratio | undefined) =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toNumber();

/**
 * The results workbook: "Xếp hạng" (one row per unit; it can be read back as next year's
 * previous results), "Chi tiết" (every node of every unit) and "Điểm bị mất" (lost points,
 * largest first, ready for improvement plans). Cells hold exact values; only the number
 * format shows two decimals.
 */
export function buildResultsWorkbook(framework: Framework, results: Results): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chiso';
  addRanking(workbook, framework, results);
  addDetail(workbook, framework, results);
  addLostPoints(workbook, results);
  return workbook;
}

function sheetWithTitle(workbook: ExcelJS.Workbook, name: string, title: string, header: string[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([title]).font = { ...FONT, bold: true, size: 14 };
  sheet.addRow([]);
  const headerRow = sheet.addRow(header);
  headerRow.font = { ...FONT, bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  return sheet;
}

function addRanking(workbook: ExcelJS.Workbook, framework: Framework, results: Results) {
  const areaHeaders = framework.areas.flatMap((area) => [
    `Lĩnh vực ${area.code} (điểm)`,
    `Lĩnh vực ${area.code} (%)`,
    `Lĩnh vực ${area.code} (hạng)`,
  ]);
  const sheet = sheetWithTitle(
    workbook,
    'Xếp hạng',
    `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — ${framework.name.toUpperCase()}`,
    [
      'Nhóm',
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp loại',
      'Hạng kỳ trước',
      'Thay đổi hạng',
      'Thay đổi (%)',
      'Người đứng đầu',
      'Cảnh báo',
      ...areaHeaders,
    ],
  );
  for (const unit of results.units) {
    const row = sheet.addRow([
      unit.group ?? '',
      unit.rank ?? null,
      unit.id,
      unit.name,
      num(unit.points),
      num(unit.maxPoints),
      pct(unit.percent),
      unit.band ?? '',
      unit.previousRank ?? null,
      rankChangeText(unit.rankChange),
      pct(unit.percentChange),
      unit.headRating ?? '',
      unit.flags.map((flag) => `${flag.label}: lĩnh vực ${flag.areaCodes.join(', ')}`).join('; '),
      ...unit.areas.flatMap((area) => [num(area.points), pct(area.percent), area.rank ?? null]),
    ]);
    row.font = FONT;
  }
  const pointColumns = [
    5,
    6,
    7,
    11,
    ...framework.areas.flatMap((_a, i) => [14 + i * 3, 15 + i * 3]),
  ];
  for (const column of pointColumns) sheet.getColumn(column).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 36;
  sheet.getColumn(8).width = 22;
  sheet.getColumn(12).width = 30;
}

function addDetail(workbook: ExcelJS.Workbook, framework: Framework, results: Results) {
  const sheet = sheetWithTitle(workbook, 'Chi tiết', 'ĐIỂM TỪNG TIÊU CHÍ', [
    'Mã đơn vị',
    'Tên đơn vị',
    'Mã',
    'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
    'Điểm tối đa',
    'Điểm',
    'Áp dụng',
    'Cách tính',
  ]);
  for (const unit of results.units) {
    for (const node of framework.nodes) {
      const score = unit.score.node(node.code);
      if (!score) continue;
      const row = sheet.addRow([
        unit.id,
        unit.name,
        node.code,
        node.title,
        num(score.maxPoints),
        num(score.points),
        score.applicable ? 'Có' : 'Không',
        score.explain() ?? '',
      ]);
      row.font = { ...FONT, bold: node.depth === 1 };
    }
  }
  sheet.getColumn(5).numFmt = POINTS_FORMAT;
  sheet.getColumn(6).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(8).width = 50;
}

function addLostPoints(workbook: ExcelJS.Workbook, results: Results) {
  const sheet = sheetWithTitle(
    workbook,
    'Điểm bị mất',
    'NỘI DUNG BỊ MẤT ĐIỂM (PHỤC VỤ KẾ HOẠCH KHẮC PHỤC)',
    [
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm đạt',
      'Điểm bị mất',
      'Lý do',
    ],
  );
  for (const unit of results.units) {
    for (const lost of unit.lostPoints()) {
      sheet.addRow([
        unit.id,
        unit.name,
        lost.code,
        lost.title,
        num(lost.maxPoints),
        num(lost.points),
        num(lost.lost),
        lost.explain() ?? '',
      ]).font = FONT;
    }
  }
  for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(8).width = 50;
}
