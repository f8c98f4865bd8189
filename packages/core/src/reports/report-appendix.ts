import type { Decimal } from '../decimal/decimal.js';
import {
  formatNodeDifference,
  formatNodePoints,
  formatPercent,
  formatPoints,
  formatRank,
} from '../format/format.js';
import { bestValues } from '../results/best-values.js';
import type { UnitResult } from '../results/compute-results.js';
import { scoreUnit, type UnitInput, type UnitScore } from '../results/score-unit.js';
import type { ReportBlock, ReportSource } from './report-blocks.js';
import { lowerFirst } from './report-text.js';
import type { AppendixLine, AppendixTable, ReportAppendix, ReportColumn } from './report-view.js';

export interface AppendixInput {
  /** Each block with its source: framework, self-assessed side, reasons. */
  blocks: readonly ReportBlock[];
  year: number | undefined;
}

export const COLUMNS_WITH_SELF: ReportColumn[] = [
  { header: 'Mã', width: 7, align: 'center' },
  { header: 'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần', width: 33, align: 'left' },
  { header: 'Điểm tối đa', width: 9, align: 'center' },
  { header: 'Điểm tự đánh giá', width: 9, align: 'center' },
  { header: 'Điểm thẩm định', width: 9, align: 'center' },
  { header: 'Chênh lệch', width: 9, align: 'center' },
  { header: 'Lý do', width: 24, align: 'left' },
];
const COLUMNS_FINAL_ONLY: ReportColumn[] = [
  { header: 'Mã', width: 8, align: 'center' },
  { header: 'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần', width: 40, align: 'left' },
  { header: 'Điểm tối đa', width: 11, align: 'center' },
  { header: 'Điểm đạt', width: 11, align: 'center' },
  { header: 'Lý do mất điểm', width: 30, align: 'left' },
];

/**
 * The appendix: per unit (biểu A1…, B1…) every node with its max, self-assessed and final
 * points, their difference and the reason. The results request holds only the final side, so
 * the self-assessed column appears when a unit of the request carries `selfAssessed` (a leaf
 * not named there kept its final points); without any, the table has the final points only
 * and says so (decision 0021).
 */
export function reportAppendix(input: AppendixInput): ReportAppendix {
  const sources = [...new Set(input.blocks.map((b) => b.source))];
  const withSelf = sources.some(
    (s) => (s.selfAssessed?.size ?? 0) > 0 || (s.selfScores?.size ?? 0) > 0,
  );
  const selfScores = new Map<string, UnitScore>();
  for (const source of withSelf ? sources : []) {
    for (const [id, score] of source.selfScores ?? selfScoresOf(input.blocks, source)) {
      selfScores.set(id, score);
    }
  }
  return {
    title: `PHỤ LỤC\nKẾT QUẢ CHỈ SỐ CCHC${input.year === undefined ? '' : ` NĂM ${input.year}`} CỦA TỪNG CƠ QUAN, ĐƠN VỊ`,
    note: withSelf
      ? 'Điểm thẩm định là điểm cuối cùng; chênh lệch = điểm thẩm định - điểm tự đánh giá; tiêu chí thành phần không ghi điểm tự đánh giá được coi như tự đánh giá bằng điểm thẩm định.'
      : 'Yêu cầu không có điểm tự đánh giá của các đơn vị: biểu ghi điểm đạt (điểm thẩm định, cuối cùng) của từng lĩnh vực, tiêu chí, tiêu chí thành phần.',
    withSelfAssessed: withSelf,
    columns: withSelf ? COLUMNS_WITH_SELF : COLUMNS_FINAL_ONLY,
    rows: input.blocks.reduce(
      (n, b) => n + b.units.length * (b.source.framework.nodes.length + 1),
      0,
    ),
    tables: function* () {
      for (const block of input.blocks) {
        let n = 0;
        for (const unit of block.units) {
          yield unitTable(
            block,
            `Biểu ${block.letter}${++n}`,
            unit,
            selfScores.get(unit.id),
            withSelf,
          );
        }
      }
    },
  };
}

/**
 * The cells of a line as the Word table prints them: a leaf's points exact, a sum's rounded
 * as the text writes it, through core/format (decision 0021).
 */
export function appendixCells(line: AppendixLine, withSelf: boolean): string[] {
  const points = (value: Decimal | undefined) =>
    !line.applicable || value === undefined ? '—' : formatNodePoints(value, line.leaf);
  const difference =
    line.selfAssessed === undefined || !line.applicable
      ? '—'
      : formatNodeDifference(line.final, line.selfAssessed, line.leaf);
  return withSelf
    ? [
        line.code,
        line.title,
        formatNodePoints(line.maxPoints, line.leaf),
        points(line.selfAssessed),
        points(line.final),
        difference,
        line.reason,
      ]
    : [
        line.code,
        line.title,
        formatNodePoints(line.maxPoints, line.leaf),
        points(line.final),
        line.reason,
      ];
}

function unitTable(
  block: ReportBlock,
  label: string,
  unit: UnitResult,
  self: UnitScore | undefined,
  withSelf: boolean,
): AppendixTable {
  const { framework } = block.source;
  const reasons = block.source.reasons?.get(unit.id);
  const selfScore = withSelf ? (self ?? unit.score) : undefined;
  // pointsOf, not node(): no score object per node, the explanation only where one is shown.
  const lines = framework.nodes.map((node): AppendixLine => {
    const score = unit.score.pointsOf(node);
    const selfAssessed = selfScore?.pointsOf(node).points;
    const leaf = node.children.length === 0;
    const differs = selfAssessed !== undefined && !selfAssessed.equals(score.points);
    const explained = leaf && score.applicable && (score.points.lt(score.maxPoints) || differs);
    return {
      code: node.code,
      title: node.title,
      depth: node.depth,
      leaf,
      applicable: score.applicable,
      maxPoints: score.applicable ? score.maxPoints : node.maxPoints,
      selfAssessed,
      final: score.points,
      difference: selfAssessed === undefined ? undefined : score.points.minus(selfAssessed),
      reason:
        reasons?.get(node.code) ??
        (!score.applicable && leaf
          ? 'Không áp dụng'
          : explained
            ? (unit.score.node(node.code)?.explain() ?? '')
            : ''),
    };
  });
  const selfTotal = withSelf ? (self ?? unit.score).points : undefined;
  const total: AppendixLine = {
    code: '',
    title: 'TỔNG ĐIỂM',
    depth: 0,
    leaf: false,
    applicable: true,
    maxPoints: unit.maxPoints,
    selfAssessed: selfTotal,
    final: unit.points,
    difference: selfTotal === undefined ? undefined : unit.points.minus(selfTotal),
    reason: '',
  };
  const parts = [`Tổng điểm ${formatPoints(unit.points)}/${formatPoints(unit.maxPoints)} điểm`];
  if (unit.percent !== undefined) parts.push(`Chỉ số ${formatPercent(unit.percent)}`);
  if (unit.rank !== undefined) parts.push(`xếp hạng ${formatRank(unit.rank, unit.groupSize)}`);
  if (unit.band !== undefined) parts.push(`nhóm ${lowerFirst(unit.band)}`);
  return {
    label,
    unitId: unit.id,
    unitName: unit.name,
    summary: `${parts.join('; ')}.`,
    lines,
    total,
  };
}

/**
 * The self-assessed side of the units that carry it: their leaves' points replaced by the
 * self-assessed ones (facts of those leaves dropped), scored like the final side.
 */
function selfScoresOf(
  blocks: readonly ReportBlock[],
  source: ReportSource,
): Map<string, UnitScore> {
  const units: UnitInput[] = [];
  for (const block of blocks) {
    if (block.source !== source) continue;
    for (const unit of block.units) {
      const self = source.selfAssessed?.get(unit.id);
      if (!self) continue;
      const original = unit.score.unit;
      const facts = new Map(original.facts);
      for (const code of self.keys()) facts.delete(code);
      units.push({ ...original, points: new Map([...original.points, ...self]), facts });
    }
  }
  const groupKey = (u: UnitInput) => u.group ?? '';
  const bests = bestValues(source.framework, units, groupKey);
  return new Map(units.map((u) => [u.id, scoreUnit(source.framework, u, bests.get(groupKey(u)))]));
}
