import { Decimal, type Plan } from '@chiso/core';

/** One line of seed 004's appendix, shared by the .xlsx and the .docx of a plan. */
export interface AppendixLine {
  code: string;
  title: string;
  /** Area rows are bold. */
  area: boolean;
  /** Rows with nothing lost and rows that do not apply are kept and marked. */
  mark: 'nothingLost' | 'notApplicable' | undefined;
  maxPoints: Decimal | undefined;
  points: Decimal | undefined;
  target: Decimal | undefined;
  tasks: string;
  offices: string;
}

export const MARK_TEXT = {
  nothingLost: 'không mất điểm',
  notApplicable: 'không áp dụng',
} as const;

/** Seed 004's column headers, with the years of the result and of the plan. */
export function appendixHeaders(resultYear: number | undefined, planYear: number | undefined) {
  return [
    'Stt',
    'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
    'Điểm chuẩn',
    resultYear === undefined ? 'Điểm đạt được' : `Điểm ${resultYear} đạt được`,
    planYear === undefined ? 'Mục tiêu' : `Mục tiêu năm ${planYear}`,
    'Nhiệm vụ/ Giải pháp/ Nội dung thực hiện',
    'Đơn vị chủ trì',
  ];
}

/** "Phòng Nội vụ; phối hợp: Văn phòng, UBND các xã". */
function officesText(lead: string | undefined, supporting: readonly string[]): string {
  const parts = lead ? [lead] : [];
  if (supporting.length > 0) parts.push(`phối hợp: ${supporting.join(', ')}`);
  return parts.join('; ');
}

/** The rows of the appendix in framework order, and its total line. */
export function appendixLines(plan: Plan): { lines: AppendixLine[]; total: AppendixLine } {
  const lines = plan.rows.map((row): AppendixLine => ({
    code: row.code,
    title: row.title,
    area: row.depth === 1,
    mark: !row.applicable ? 'notApplicable' : row.nothingLost ? 'nothingLost' : undefined,
    maxPoints: row.maxPoints,
    points: row.points,
    target: row.target,
    tasks: row.tasks ?? '',
    offices: officesText(row.leadOffice, row.supportingOffices),
  }));
  const areas = plan.rows.filter((r) => r.depth === 1 && r.applicable);
  const total: AppendixLine = {
    code: '',
    title: 'TỔNG ĐIỂM',
    area: true,
    mark: undefined,
    maxPoints: plan.unit.maxPoints,
    points: plan.unit.points,
    target: Decimal.sum(areas.map((a) => a.target ?? Decimal.ZERO)),
    tasks: '',
    offices: '',
  };
  return { lines, total };
}
