import { peerGroupLabel, type ResultsJson } from '@chiso/core';
import { newWorkbook, type Workbook } from './exceljs.js';
import { rankChangeText } from '../cli/ranking-text.js';

/** How a leaf came to its points, as a publication keeps it (see use-cases/results/leaf-stories). */
export interface WorkbookLeafStory {
  code: string;
  self: { status: string; points: number | null; explanation: string | null };
  appraisal: { label: string; comment: string | null } | null;
  differs: boolean;
}

const POINTS_FORMAT = '0.00';
const FONT = { name: 'Times New Roman', size: 12 };

/** What the workbook needs of a framework: its name and its nodes in order. */
export interface WorkbookFramework {
  name: string;
  nodes: readonly { code: string; title: string; depth: number }[];
}

export interface WorkbookGroup {
  framework: WorkbookFramework;
  results: ResultsJson;
  /** Appended to sheet names when a workbook holds several unit types ("Sở", "Huyện"). */
  label?: string | undefined;
  /** Per unit id, each leaf's self-assessed and appraised outcome (results of the server). */
  details?: Readonly<Record<string, readonly WorkbookLeafStory[]>> | null | undefined;
}

const STATUS_TEXT: Record<string, string> = {
  notApplicable: 'Không áp dụng',
  missing: 'Chưa có điểm',
};

/**
 * The results workbook: "Xếp hạng" (one row per unit; it reads back as next year's previous
 * results), "Chi tiết" (every node of every unit) and "Điểm bị mất" (lost points, largest
 * first, for improvement plans). Cells hold exact values; only the number format shows two
 * decimals.
 */
export async function buildResultsWorkbook(
  groups: readonly WorkbookGroup[],
  /** Which publication this is ("Công bố theo Quyết định số …", "Đính chính lần 2 …"). */
  heading?: string,
): Promise<Workbook> {
  const workbook = await newWorkbook();
  for (const group of groups) {
    const suffix = groups.length > 1 && group.label ? ` - ${group.label}` : '';
    addRanking(workbook, group, suffix, heading);
    addDetail(workbook, group, suffix);
    addLostPoints(workbook, group, suffix);
  }
  return workbook;
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name. */
function sheetName(base: string, suffix: string): string {
  return `${base}${suffix}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function sheetWithTitle(
  workbook: Workbook,
  name: string,
  title: string,
  header: string[],
  heading?: string,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([title]).font = { ...FONT, bold: true, size: 14 };
  sheet.addRow(heading ? [heading] : []).font = { ...FONT, italic: true };
  const headerRow = sheet.addRow(header);
  headerRow.font = { ...FONT, bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  return sheet;
}

function addRanking(
  workbook: Workbook,
  { framework, results }: WorkbookGroup,
  suffix: string,
  heading: string | undefined,
) {
  const areas = framework.nodes.filter((node) => node.depth === 1);
  const sheet = sheetWithTitle(
    workbook,
    sheetName('Xếp hạng', suffix),
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
      ...areas.flatMap((area) => [
        `Lĩnh vực ${area.code} (điểm)`,
        `Lĩnh vực ${area.code} (%)`,
        `Lĩnh vực ${area.code} (hạng)`,
      ]),
    ],
    heading,
  );
  for (const unit of results.units) {
    sheet.addRow([
      peerGroupLabel(unit.group),
      unit.rank,
      unit.id,
      unit.name,
      unit.points,
      unit.maxPoints,
      unit.percent,
      unit.band ?? '',
      unit.previousRank,
      rankChangeText(unit.rankChange ?? undefined),
      unit.percentChange,
      unit.headRating ?? '',
      unit.flagDetails
        .map((flag) => `${flag.label}: lĩnh vực ${flag.areaCodes.join(', ')}`)
        .join('; '),
      ...unit.areas.flatMap((area) => [area.points, area.percent, area.rank]),
    ]).font = FONT;
  }
  const pointColumns = [5, 6, 7, 11, ...areas.flatMap((_a, i) => [14 + i * 3, 15 + i * 3])];
  for (const column of pointColumns) sheet.getColumn(column).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 36;
  sheet.getColumn(8).width = 22;
  sheet.getColumn(12).width = 30;
}

function addDetail(
  workbook: Workbook,
  { framework, results, details }: WorkbookGroup,
  suffix: string,
) {
  const sheet = sheetWithTitle(workbook, sheetName('Chi tiết', suffix), 'ĐIỂM TỪNG TIÊU CHÍ', [
    'Mã đơn vị',
    'Tên đơn vị',
    'Mã',
    'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
    'Điểm tối đa',
    'Điểm tự đánh giá',
    'Cách tính khi tự đánh giá',
    'Thẩm định',
    'Điểm',
    'Áp dụng',
    'Cách tính',
    'Lý do thẩm định',
  ]);
  const titles = new Map(framework.nodes.map((node) => [node.code, node]));
  for (const unit of results.units) {
    const stories = new Map((details?.[unit.id] ?? []).map((story) => [story.code, story]));
    for (const node of unit.nodes) {
      const frameworkNode = titles.get(node.code);
      const story = stories.get(node.code);
      const self = story?.self;
      sheet.addRow([
        unit.id,
        unit.name,
        node.code,
        frameworkNode?.title ?? '',
        node.maxPoints,
        self ? (self.points ?? STATUS_TEXT[self.status] ?? '') : null,
        self?.explanation ?? '',
        story?.appraisal?.label ?? '',
        node.status === 'notApplicable' ? STATUS_TEXT.notApplicable : node.points,
        node.applicable ? 'Có' : 'Không',
        node.explanation ?? '',
        story?.differs ? (story.appraisal?.comment ?? '') : '',
      ]).font = { ...FONT, bold: frameworkNode?.depth === 1 };
    }
  }
  for (const column of [5, 6, 9]) sheet.getColumn(column).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(7).width = 45;
  sheet.getColumn(11).width = 50;
  sheet.getColumn(12).width = 40;
}

function addLostPoints(workbook: Workbook, { results }: WorkbookGroup, suffix: string) {
  const sheet = sheetWithTitle(
    workbook,
    sheetName('Điểm bị mất', suffix),
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
    for (const lost of unit.lostPoints) {
      sheet.addRow([
        unit.id,
        unit.name,
        lost.code,
        lost.title,
        lost.maxPoints,
        lost.points,
        lost.lost,
        lost.explanation ?? '',
      ]).font = FONT;
    }
  }
  for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = POINTS_FORMAT;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(8).width = 50;
}
