import { Ratio } from '../decimal/ratio.js';
import { formatPercent, formatPoints, formatPointsFixed, formatRank } from '../format/format.js';
import { levelName } from '../framework/framework.js';
import type { Plan, PlanArea, PlanRow } from './plan.js';

/** "(tăng 5 bậc)", "(giảm 1 bậc)", "(giữ nguyên hạng)". */
function rankChange(change: number): string {
  if (change > 0) return `tăng ${change} bậc`;
  if (change < 0) return `giảm ${-change} bậc`;
  return 'giữ nguyên hạng';
}

/**
 * A row's what-if the way a unit reads it: "đạt mục tiêu → 86,40 điểm, hạng 3 (tăng 5 bậc)".
 * Rows with nothing lost, a target equal to or below the points, or not applicable say so.
 */
export function planRowSummary(row: PlanRow): string {
  if (!row.applicable) return 'Không áp dụng đối với đơn vị';
  const points = `${formatPointsFixed(row.pointsIfTarget!)} điểm`;
  const rank = row.rankIfTarget === undefined ? '' : `, hạng ${row.rankIfTarget}`;
  if (row.nothingLost) return `không mất điểm (đơn vị đạt ${points}${rank})`;
  const change =
    row.rankChangeIfTarget === undefined ? '' : ` (${rankChange(row.rankChangeIfTarget)})`;
  const figures = `${points}${rank}${change}`;
  const gain = row.gain!;
  if (gain.isZero()) return `mục tiêu bằng điểm đạt được → ${figures}`;
  if (gain.isNegative()) return `mục tiêu thấp hơn điểm đạt được → ${figures}`;
  return `đạt mục tiêu → ${figures}`;
}

/**
 * Seed 003's line for an area: "Lĩnh vực 3: Cải cách TTHC đạt 13,57/17 điểm, hạng 2/5, tăng
 * 5,79% so với năm trước".
 */
export function planAreaSummary(area: PlanArea): string {
  const head = `${capitalize(levelName(1))} ${area.code}: ${area.title}`;
  if (!area.applicable) return `${head}: không áp dụng đối với đơn vị`;
  const parts = [`${head} đạt ${formatPoints(area.points)}/${formatPoints(area.maxPoints)} điểm`];
  if (area.rank !== undefined) parts.push(`hạng ${formatRank(area.rank, area.groupSize)}`);
  if (area.percentChange !== undefined) {
    const change = area.percentChange;
    const down = change.lt(Ratio.ZERO);
    parts.push(
      change.isZero()
        ? 'không đổi so với năm trước'
        : `${down ? 'giảm' : 'tăng'} ${formatPercent(down ? change.negate() : change)} so với năm trước`,
    );
  }
  return parts.join(', ');
}

/** "Chỉ số CCHC năm 2023 đạt 78,42/100 điểm (78,42%), xếp hạng 3/5". */
export function planTotalSummary(plan: Plan, resultYear: number | undefined): string {
  const { unit } = plan;
  const parts = [
    `Chỉ số CCHC${resultYear === undefined ? '' : ` năm ${resultYear}`} đạt ${formatPoints(unit.points)}/${formatPoints(unit.maxPoints)} điểm${unit.percent === undefined ? '' : ` (${formatPercent(unit.percent)})`}`,
  ];
  if (unit.rank !== undefined) parts.push(`xếp hạng ${formatRank(unit.rank, unit.groupSize)}`);
  return parts.join(', ');
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
