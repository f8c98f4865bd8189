import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import type { Framework } from '../framework/framework.js';
import type { Results, UnitResult } from './compute-results.js';

/**
 * Fractional digits of percentages in machine output. Points are exact decimals and are
 * printed whole; a percentage such as 13,5 ÷ 14 has no finite decimal form, so it is given to
 * the millionth of a percent. Ranks were taken on the exact values before this.
 */
export const PERCENT_OUTPUT_DECIMALS = 6;

const num = (value: Decimal | undefined): number | null =>
  value === undefined ? null : value.toNumber();
const pct = (value: Ratio | undefined): number | null =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toNumber();

/** The stable JSON result of `chiso results --input`. */
export function presentResults(framework: Framework, results: Results) {
  return {
    framework: { name: framework.name, maxPoints: num(framework.maxPoints) },
    units: results.units.map((unit) => presentUnit(framework, unit)),
  };
}

function presentUnit(framework: Framework, unit: UnitResult) {
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
    nodes: framework.nodes
      .flatMap((frameworkNode) => {
        const node = unit.score.node(frameworkNode.code);
        return node ? [node] : [];
      })
      .map((node) => ({
        code: node.code,
        points: num(node.points),
        maxPoints: num(node.maxPoints),
        applicable: node.applicable,
        status: node.status,
        explanation: node.explain() ?? null,
      })),
    lostPoints: unit.lostPoints().map((lost) => ({
      code: lost.code,
      title: lost.title,
      maxPoints: num(lost.maxPoints),
      points: num(lost.points),
      lost: num(lost.lost),
      explanation: lost.explain() ?? null,
    })),
  };
}

export type ResultsJson = ReturnType<typeof presentResults>;
