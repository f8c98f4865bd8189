import {
  Decimal,
  formatExact,
  formatPoints,
  levelName,
  planAreaSummary,
  planRowSummary,
  planTotalSummary,
  type Plan,
} from '@chiso/core';
import type { Document } from 'docx';
import {
  bodyText,
  closing,
  documentHeading,
  gridTable,
  officialDocument,
  paragraph,
  type Run,
  type Signature,
  type TableColumn,
} from './official-document.js';
import { appendixHeaders, appendixLines, MARK_TEXT, type AppendixLine } from './plan-appendix.js';

export interface PlanDocumentMeta {
  parentAuthority?: string | undefined;
  /** The issuing body as its heading writes it; the unit's name by default. */
  issuer?: string | undefined;
  place: string;
  /** "ngày 15 tháng 3 năm 2026" (core formatDocumentDate). */
  dateText: string;
  /** The year of the result the plan starts from, and the year of the plan. */
  resultYear: number | undefined;
  planYear: number | undefined;
  recipients?: readonly string[] | undefined;
  signature?: Signature | undefined;
}

/** Most units are people's committees; a department is signed by its director. */
export function defaultSignature(unitName: string): Signature {
  const name = unitName.normalize('NFC');
  if (/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b/i.test(name)) {
    return { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' };
  }
  if (/^Sở\b/i.test(name)) return { position: 'GIÁM ĐỐC' };
  return { position: 'THỦ TRƯỞNG CƠ QUAN' };
}

const DEFAULT_RECIPIENTS = ['Sở Nội vụ;', 'Các cơ quan, đơn vị liên quan;', 'Lưu: VT.'];
/** How many of the largest gains the plan's text names. */
const LARGEST_GAINS = 5;

const year = (value: number | undefined) => (value === undefined ? '' : ` năm ${value}`);
const number = (value: AppendixLine['maxPoints']) =>
  value === undefined ? '—' : formatExact(value);

/**
 * The plan as a Word document: the plan's heading and text (the result and each area as seed
 * 003 writes them, the largest gains with their what-if), "Nơi nhận" and signature, then
 * seed 004's appendix table on a landscape page.
 */
export function planDocument(plan: Plan, meta: PlanDocumentMeta): Document {
  const unitName = plan.unit.name;
  const summary = `Khắc phục, cải thiện và nâng cao Chỉ số cải cách hành chính ${unitName}${year(meta.planYear)}`;
  const gains = plan.rows
    .filter((r) => r.leaf && r.gain !== undefined && r.gain.gt(Decimal.ZERO))
    .sort((a, b) => b.gain!.compare(a.gain!))
    .slice(0, LARGEST_GAINS);
  const main = [
    ...documentHeading({
      parentAuthority: meta.parentAuthority,
      issuer: meta.issuer ?? unitName,
      number: 'Số:        /KH-UBND',
      place: meta.place,
      dateText: meta.dateText,
      kind: 'KẾ HOẠCH',
      summary,
    }),
    paragraph(`I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${year(meta.resultYear).toUpperCase()}`, {
      bold: true,
    }),
    bodyText(`${planTotalSummary(plan, meta.resultYear)}. Điểm theo từng lĩnh vực như sau:`),
    ...plan.areas.map((area, i) =>
      bodyText(`- ${planAreaSummary(area)}${i === plan.areas.length - 1 ? '.' : ';'}`),
    ),
    paragraph(`II. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP${year(meta.planYear).toUpperCase()}`, {
      bold: true,
    }),
    bodyText(
      'Các lĩnh vực, tiêu chí, tiêu chí thành phần chưa đạt điểm tối đa được khắc phục theo mục tiêu, nhiệm vụ, giải pháp và đơn vị chủ trì tại Phụ lục kèm theo; các nội dung không mất điểm tiếp tục được duy trì.',
    ),
    ...(gains.length > 0
      ? [
          bodyText('Những nội dung nếu đạt mục tiêu sẽ cải thiện chỉ số nhiều nhất:'),
          ...gains.map((r) =>
            bodyText(
              `- ${capitalize(levelName(r.depth))} ${r.code} (mất ${formatPoints(r.lost)} điểm): ${planRowSummary(r)};`,
            ),
          ),
        ]
      : []),
    bodyText('Các cơ quan, đơn vị căn cứ Kế hoạch này nghiêm túc triển khai thực hiện./.'),
    paragraph('', { after: 6 }),
    closing(meta.recipients ?? DEFAULT_RECIPIENTS, meta.signature ?? defaultSignature(unitName)),
  ];

  const headers = appendixHeaders(meta.resultYear, meta.planYear);
  const widths = [6, 27, 8, 8, 8, 28, 15];
  const columns: TableColumn[] = headers.map((header, i) => ({
    header,
    width: widths[i] ?? 10,
    align: i === 0 || (i >= 2 && i <= 4) ? 'center' : 'left',
  }));
  const { lines, total } = appendixLines(plan);
  const cells = (line: AppendixLine): (Run | Run[])[] => [
    line.code,
    line.mark
      ? [line.title, { text: ` (${MARK_TEXT[line.mark]})`, italic: true, bold: false }]
      : line.title,
    number(line.maxPoints),
    number(line.points),
    number(line.target),
    line.tasks,
    line.offices,
  ];
  const appendix = [
    paragraph('PHỤ LỤC', { bold: true, align: 'center', after: 0 }),
    paragraph(
      `MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC ${unitName.toUpperCase()}${year(meta.planYear).toUpperCase()}`,
      { bold: true, align: 'center', after: 0 },
    ),
    paragraph(`(Ban hành kèm theo Kế hoạch số        /KH-UBND ${meta.dateText} của ${unitName})`, {
      italic: true,
      align: 'center',
      after: 6,
    }),
    gridTable(
      columns,
      [...lines, total].map((line) => ({ cells: cells(line), bold: line.area })),
    ),
  ];
  return officialDocument([{ children: main }, { children: appendix, landscape: true }]);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
