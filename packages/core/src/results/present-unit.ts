import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import { UNIT } from '../decimal/scale.js';
import type { Framework } from '../framework/framework.js';
import type { UnitResult } from './compute-results.js';
import { lostPointsOf } from './lost-points.js';

/**
 * Fractional digits of percentages in machine output. Points are exact decimals and are
 * printed whole; a percentage such as 13,5 ÷ 14 has no finite decimal form, so it is given to
 * the millionth of a percent. Ranks were taken on the exact values before this.
 */
export const PERCENT_OUTPUT_DECIMALS = 6;

/**
 * `value.toNumber()` without going through text: millionths and 10⁶ are exact doubles and
 * division rounds correctly, so this is the same double as parsing the exact decimal.
 */
const num = (value: Decimal | undefined): number | null =>
  value === undefined ? null : value.units / UNIT;
const pct = (value: Ratio | undefined): number | null =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toNumber();

/** The framework's name and maximum, as the JSON result opens. */
export function presentFramework(framework: Framework) {
  return { name: framework.name, maxPoints: num(framework.maxPoints) };
}

/**
 * A unit's published result: totals, rank, band, rating, flags and areas. Reads no node
 * below the areas and evaluates no explanation, so it costs little per unit.
 */
export function presentUnitSummary(unit: UnitResult) {
  return {
    id: unit.id,
    name: unit.name,
    group: unit.group ?? null,
    type: unit.type ?? null,
    points: num(unit.points),
    maxPoints: num(unit.maxPoints),
    percent: pct(unit.percent),
    rank: unit.rank ?? null,
    groupSize: unit.groupSize,
    band: unit.band ?? null,
    previousId: unit.previousId ?? null,
    previousRank: unit.previousRank ?? null,
    previousPercent: num(unit.previousPercent),
    rankChange: unit.rankChange ?? null,
    percentChange: pct(unit.percentChange),
    headRating: unit.headRating ?? null,
    headRatingNote: unit.headRatingNote ?? null,
    flags: unit.flags.map((flag) => flag.label),
    flagDetails: unit.flags,
    missing: unit.score.missing,
    areas: unit.areas.map((area) => ({
      code: area.code,
      title: area.title,
      points: num(area.points),
      maxPoints: num(area.maxPoints),
      applicable: area.applicable,
      percent: pct(area.percent),
      rank: area.rank ?? null,
      previousPercent: num(area.previousPercent),
      percentChange: pct(area.percentChange),
    })),
  };
}

/**
 * Every node of a unit with its explanation, and the points it lost. Each leaf's explanation
 * is evaluated once and shared by its node and its lost-points entry.
 */
export function presentUnitDetail(framework: Framework, unit: UnitResult) {
  const explanations = new Map<string, string | null>();
  const nodes = framework.nodes.flatMap((frameworkNode) => {
    const node = unit.score.node(frameworkNode.code);
    if (!node) return [];
    const explanation = node.explain() ?? null;
    explanations.set(node.code, explanation);
    return [
      {
        code: node.code,
        points: num(node.points),
        maxPoints: num(node.maxPoints),
        applicable: node.applicable,
        status: node.status,
        explanation,
      },
    ];
  });
  // Not unit.lostPoints(): that keeps what it computes, and 4,000 units of it add up.
  const lostPoints = lostPointsOf(framework, unit.score).map((lost) => ({
    code: lost.code,
    title: lost.title,
    maxPoints: num(lost.maxPoints),
    points: num(lost.points),
    lost: num(lost.lost),
    explanation: explanations.has(lost.code)
      ? (explanations.get(lost.code) ?? null)
      : (lost.explain() ?? null),
  }));
  return { nodes, lostPoints };
}

export type UnitSummaryJson = ReturnType<typeof presentUnitSummary>;
export type UnitDetailJson = ReturnType<typeof presentUnitDetail>;
