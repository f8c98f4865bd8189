import { Decimal } from '../decimal/decimal.js';
import { formatExact, formatPoints } from '../format/format.js';

/**
 * Whether last year's plan reached its targets (issue 10, item 6; decision 0020): the plan
 * made from year N's result set targets for year N+1; the plan made from year N+1's result
 * shows, node by node, that target against the points N+1 earned.
 */

/** A node's target in last year's plan, and whether the unit wrote it or it was the default. */
export interface LastTarget {
  target: Decimal;
  given: boolean;
}

export type TargetOutcome = 'met' | 'notMet' | 'noTarget' | 'notApplicable';

export interface TargetComparison {
  code: string;
  outcome: TargetOutcome;
  /** Last year's target for this node; undefined when the old plan had none (new code, N/A). */
  target: Decimal | undefined;
  /** Whether last year's target was written by the unit (not the default, the max). */
  targetGiven: boolean;
  /** This year's points of the node; undefined when it does not apply this year. */
  points: Decimal | undefined;
  /** Target − points when the target was missed; zero otherwise. */
  shortBy: Decimal;
  /** "Đạt mục tiêu", "Chưa đạt mục tiêu, thiếu 0,5 điểm", "Không có mục tiêu năm trước". */
  label: string;
}

export interface TargetsSummary {
  met: number;
  compared: number;
  /** True when the count is over the targets the unit wrote; false: over every default too. */
  givenOnly: boolean;
  /** "Đạt 12/20 mục tiêu năm trước". */
  label: string;
}

/** What a row must have to be compared: its code, whether it applies, its points this year. */
export interface ComparedRow {
  code: string;
  applicable: boolean;
  points: Decimal | undefined;
}

/** A shortfall as people read it; a tiny one that would round to 0 is shown exactly. */
function shortText(value: Decimal): string {
  const rounded = formatPoints(value);
  return rounded === '0' ? formatExact(value) : rounded;
}

function labelOf(outcome: TargetOutcome, shortBy: Decimal): string {
  switch (outcome) {
    case 'met':
      return 'Đạt mục tiêu';
    case 'notMet':
      return `Chưa đạt mục tiêu, thiếu ${shortText(shortBy)} điểm`;
    case 'noTarget':
      return 'Không có mục tiêu năm trước';
    case 'notApplicable':
      return 'Năm nay không áp dụng đối với đơn vị';
  }
}

/**
 * Each row against last year's target for its code. Met when this year's points reach the
 * target exactly or more (a planned decline, a target below last year's points, is met by
 * staying at or above it); a code absent from last year's plan, or not applicable then, has no
 * target; a node that does not apply this year cannot be compared.
 */
export function compareTargets(
  rows: readonly ComparedRow[],
  last: ReadonlyMap<string, LastTarget>,
): TargetComparison[] {
  return rows.map((row) => {
    const previous = last.get(row.code);
    const base = {
      code: row.code,
      target: previous?.target,
      targetGiven: previous?.given ?? false,
      points: row.applicable ? row.points : undefined,
    };
    let outcome: TargetOutcome;
    let shortBy = Decimal.ZERO;
    if (!row.applicable) outcome = previous ? 'notApplicable' : 'noTarget';
    else if (!previous) outcome = 'noTarget';
    else {
      const points = row.points ?? Decimal.ZERO;
      outcome = points.gte(previous.target) ? 'met' : 'notMet';
      if (outcome === 'notMet') shortBy = previous.target.minus(points);
    }
    return { ...base, outcome, shortBy, label: labelOf(outcome, shortBy) };
  });
}

/**
 * How many of last year's targets were met. A plan's rows carry the default target (the max)
 * where the unit wrote none, so the count is over the targets the unit wrote when it wrote
 * any — those are what it committed to —, and over every compared row otherwise.
 */
export function targetsSummary(comparisons: readonly TargetComparison[]): TargetsSummary {
  const compared = comparisons.filter((c) => c.outcome === 'met' || c.outcome === 'notMet');
  const given = compared.filter((c) => c.targetGiven);
  const counted = given.length > 0 ? given : compared;
  const met = counted.filter((c) => c.outcome === 'met').length;
  const givenOnly = given.length > 0;
  const label =
    counted.length === 0
      ? 'Không có mục tiêu năm trước để so sánh'
      : `Đạt ${met}/${counted.length} mục tiêu năm trước${givenOnly ? '' : ' (mục tiêu mặc định: điểm tối đa)'}`;
  return { met, compared: counted.length, givenOnly, label };
}
