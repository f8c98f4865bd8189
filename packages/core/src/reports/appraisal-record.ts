import {
  formatDocumentCount,
  formatDocumentDate,
  formatNodeDifference,
  formatPercent,
  formatPoints,
} from '../format/format.js';
import type { Framework } from '../framework/framework.js';
import type { UnitResult } from '../results/compute-results.js';
import { appendixCells, COLUMNS_WITH_SELF } from './report-appendix.js';
import type { AppendixLine, ReportColumn } from './report-view.js';

export interface AppraisalRecordInput {
  framework: Framework;
  year: number;
  /** The unit's own points (self phase). */
  self: UnitResult;
  /** The points as appraised: appraised where set, the unit's own elsewhere. */
  appraised: UnitResult;
  /** The appraiser's reason by leaf code. */
  reasons: ReadonlyMap<string, string>;
  /** Full names of the appraisers: those assigned, then any other who decided a leaf. */
  appraisers: readonly string[];
  /** ISO dates of the first and the last leaf decided; undefined when none was. */
  firstAppraisal: string | undefined;
  lastAppraisal: string | undefined;
  /** ISO dates the first round was sent to the unit and the explanation round closed. */
  sentOn: string | undefined;
  finalisedOn: string | undefined;
  /** The appraisal is still going on (first round not sent): the record is a draft. */
  draft: boolean;
}

export interface AppraisalRecordView {
  draft: boolean;
  /** "BIÊN BẢN THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025". */
  title: string;
  /** "của Sở Nội vụ". */
  subtitle: string;
  /** Who appraised, when, and what was appraised. */
  opening: string[];
  columns: ReportColumn[];
  rows: { cells: string[]; bold: boolean }[];
  /** Totals, index, how many leaves changed. */
  conclusion: string[];
  /** The unit's representative on the left, the appraisers on the right. */
  signatures: { heading: string; names: string[] }[];
}

/**
 * The appraisal record of one unit (biên bản thẩm định) as worded pieces: who appraised and
 * when, every node with its max, the unit's own points, the appraised points, the difference
 * and the appraiser's reason, then the totals and the signatures. Every number is worded here
 * (decimal comma) so that the Word renderer only lays it out.
 */
export function buildAppraisalRecord(input: AppraisalRecordInput): AppraisalRecordView {
  const { self, appraised } = input;
  const lines = input.framework.nodes.map((node): AppendixLine => {
    const own = self.score.pointsOf(node);
    const final = appraised.score.pointsOf(node);
    const leaf = node.children.length === 0;
    return {
      code: node.code,
      title: node.title,
      depth: node.depth,
      leaf,
      applicable: final.applicable,
      maxPoints: final.applicable ? final.maxPoints : node.maxPoints,
      selfAssessed: own.applicable ? own.points : undefined,
      final: final.points,
      difference: own.applicable ? final.points.minus(own.points) : undefined,
      reason: input.reasons.get(node.code) ?? (leaf && !final.applicable ? 'Không áp dụng' : ''),
    };
  });
  const changed = input.framework.leaves.filter((leaf) => {
    const own = self.score.pointsOf(leaf);
    const final = appraised.score.pointsOf(leaf);
    return own.applicable !== final.applicable || !own.points.equals(final.points);
  });
  const total: AppendixLine = {
    code: '',
    title: 'TỔNG ĐIỂM',
    depth: 0,
    leaf: false,
    applicable: true,
    maxPoints: appraised.maxPoints,
    selfAssessed: self.points,
    final: appraised.points,
    difference: appraised.points.minus(self.points),
    reason: '',
  };
  const unitName = appraised.name;
  const period =
    input.firstAppraisal === undefined
      ? 'Chưa có tiêu chí nào được thẩm định.'
      : input.firstAppraisal === input.lastAppraisal
        ? `Thời gian thẩm định: ${formatDocumentDate(input.firstAppraisal)}.`
        : `Thời gian thẩm định: từ ${formatDocumentDate(input.firstAppraisal)} đến ${formatDocumentDate(input.lastAppraisal ?? input.firstAppraisal)}.`;
  const rounds = [
    input.sentOn === undefined
      ? undefined
      : `Kết quả thẩm định vòng 1 gửi đơn vị ${formatDocumentDate(input.sentOn)}`,
    input.finalisedOn === undefined
      ? undefined
      : `hoàn thành thẩm định sau giải trình ${formatDocumentDate(input.finalisedOn)}`,
  ].filter((part) => part !== undefined);
  const index = (result: UnitResult) =>
    result.percent === undefined ? '' : ` (Chỉ số ${formatPercent(result.percent)})`;
  // The difference as the total line shows it (rounded sums, decision 0021).
  const difference = formatNodeDifference(appraised.points, self.points, false);
  return {
    draft: input.draft,
    title: `BIÊN BẢN THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${input.year}`,
    subtitle: `của ${unitName}`,
    opening: [
      `Thành phần thẩm định: ${input.appraisers.length === 0 ? 'chưa phân công người thẩm định' : input.appraisers.join('; ')}.`,
      period,
      ...(rounds.length > 0 ? [`${rounds.join('; ')}.`] : []),
      `Nội dung: thẩm định kết quả tự đánh giá, chấm điểm của ${unitName} theo ${input.framework.name}, từng lĩnh vực, tiêu chí, tiêu chí thành phần như bảng sau (chênh lệch = điểm thẩm định - điểm tự đánh giá).`,
    ],
    columns: COLUMNS_WITH_SELF,
    rows: [...lines, total].map((line) => ({
      cells: appendixCells(line, true),
      bold: line.depth <= 1,
    })),
    conclusion: [
      `Điểm tự đánh giá: ${formatPoints(self.points)}/${formatPoints(self.maxPoints)} điểm${index(self)}.`,
      `Điểm thẩm định: ${formatPoints(appraised.points)}/${formatPoints(appraised.maxPoints)} điểm${index(appraised)}; ${difference === '0' ? 'bằng điểm tự đánh giá' : `chênh lệch ${difference} điểm so với điểm tự đánh giá`}.`,
      changed.length === 0
        ? 'Không có tiêu chí thành phần nào thay đổi điểm so với tự đánh giá.'
        : `Có ${formatDocumentCount(changed.length)} tiêu chí thành phần thay đổi điểm so với tự đánh giá: ${changed.map((leaf) => leaf.code).join('; ')}.`,
    ],
    signatures: [
      { heading: `ĐẠI DIỆN ${unitName.toUpperCase()}`, names: [''] },
      {
        heading: 'NGƯỜI THẨM ĐỊNH',
        names: input.appraisers.length === 0 ? [''] : [...input.appraisers],
      },
    ],
  };
}
