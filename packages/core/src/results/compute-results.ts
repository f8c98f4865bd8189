import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { bestValues } from './best-values.js';
import { groupBy } from './group-by.js';
import { bandOf, flagsOf, headRatingNote, headRatingOf, type RaisedFlag } from './classify.js';
import { findPredecessor, indexLineage, type LineageLink } from './lineage.js';
import { lostPointsOf, type LostPoints } from './lost-points.js';
import type { ResultsPolicy } from './policy.js';
import { rankValues } from './rank.js';
import { percentOf, scoreUnit, type UnitInput, type UnitScore } from './score-unit.js';
import { checkUnits } from './check-units.js';

/** A unit's published result of the previous period. */
export interface PreviousResult {
  id: string;
  percent: Decimal | undefined;
  rank: number | undefined;
  /** Area code → area %. */
  areas: ReadonlyMap<string, Decimal>;
}

export interface ResultsInput {
  framework: Framework;
  policy: ResultsPolicy;
  units: readonly UnitInput[];
  previous?: readonly PreviousResult[];
  lineage?: readonly LineageLink[];
}

export interface AreaResult {
  code: string;
  title: string;
  points: Decimal;
  maxPoints: Decimal;
  applicable: boolean;
  percent: Ratio | undefined;
  /** Rank of this area's % among the peer group. */
  rank: number | undefined;
  previousPercent: Decimal | undefined;
  /** Percentage points gained since the previous period. */
  percentChange: Ratio | undefined;
}

export interface UnitResult {
  id: string;
  name: string;
  group: string | undefined;
  type: string | undefined;
  score: UnitScore;
  points: Decimal;
  maxPoints: Decimal;
  percent: Ratio | undefined;
  rank: number | undefined;
  /** Ranked units in the peer group. */
  groupSize: number;
  band: string | undefined;
  headRating: string | undefined;
  /** Why the rating is below what the total alone gives (an area under its threshold). */
  headRatingNote: string | undefined;
  flags: RaisedFlag[];
  /** The previous-period unit compared with (itself or a predecessor). */
  previousId: string | undefined;
  previousPercent: Decimal | undefined;
  previousRank: number | undefined;
  /** Positive when the unit moved up ("tăng 7 bậc"). */
  rankChange: number | undefined;
  percentChange: Ratio | undefined;
  areas: AreaResult[];
  /** Lost points per leaf, largest first; computed when first asked for. */
  lostPoints: () => LostPoints[];
}

export interface Results {
  /** By peer group, then rank, then id: the same whatever order the units came in. */
  units: UnitResult[];
}

const groupKey = (unit: { group: string | undefined }) => unit.group ?? '';

/**
 * Points, %, ranks, bands, head-of-agency ratings, flags and changes against the previous
 * period for a set of units on one framework. Throws VALIDATION_FAILED listing every problem
 * of every unit, so that nothing is computed from half-valid input.
 */
export function computeResults(input: ResultsInput): Results {
  const { framework, policy } = input;
  const issues: Issue[] = checkUnits(framework, input.units);
  const bests = bestValues(framework, input.units, groupKey);

  const scores = new Map<UnitInput, UnitScore>();
  input.units.forEach((unit, i) => {
    try {
      scores.set(unit, scoreUnit(framework, unit, bests.get(groupKey(unit)), `units[${i}]`));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Dữ liệu chấm điểm không hợp lệ', issues);
  }

  const previousById = new Map((input.previous ?? []).map((p) => [p.id, p]));
  const lineage = indexLineage(input.lineage ?? []);
  const results: UnitResult[] = [];
  for (const members of groupBy(input.units, groupKey).values()) {
    const scoreOf = (unit: UnitInput) => scores.get(unit) as UnitScore;
    const areaPercents = new Map(
      members.map((unit) => [unit, framework.areas.map((a) => areaPercent(scoreOf(unit), a))]),
    );
    const ranks = rankValues(members.map((unit) => ({ key: unit, value: scoreOf(unit).percent })));
    const areaRanks = framework.areas.map((_area, i) =>
      rankValues(members.map((unit) => ({ key: unit, value: areaPercents.get(unit)?.[i] }))),
    );
    for (const unit of members) {
      const score = scoreOf(unit);
      const previousId = findPredecessor(unit.id, (id) => previousById.has(id), lineage);
      const previous = previousId === undefined ? undefined : previousById.get(previousId);
      const percents = areaPercents.get(unit) ?? [];
      const areas: AreaResult[] = framework.areas.map((area, i) => {
        const node = score.pointsOf(area);
        const percent = percents[i];
        const previousPercent = previous?.areas.get(area.code);
        return {
          code: area.code,
          title: area.title,
          points: node.points,
          maxPoints: node.maxPoints,
          applicable: node.applicable,
          percent,
          rank: areaRanks[i]?.get(unit),
          previousPercent,
          percentChange: change(percent, previousPercent),
        };
      });
      const rank = ranks.get(unit);
      results.push({
        id: unit.id,
        name: unit.name,
        group: unit.group,
        type: unit.type,
        score,
        points: score.points,
        maxPoints: score.maxPoints,
        percent: score.percent,
        rank,
        groupSize: ranks.size,
        band: bandOf(score.percent, policy.bands),
        headRating: headRatingOf(
          score.percent,
          areas.filter((a) => a.applicable),
          policy.headRating,
        ),
        headRatingNote: headRatingNote(
          score.percent,
          areas.filter((a) => a.applicable),
          policy.headRating,
        ),
        flags: flagsOf(areas, policy.flags),
        previousId,
        previousPercent: previous?.percent,
        previousRank: previous?.rank,
        rankChange:
          rank !== undefined && previous?.rank !== undefined ? previous.rank - rank : undefined,
        percentChange: change(score.percent, previous?.percent),
        areas,
        lostPoints: memoize(() => lostPointsOf(framework, score)),
      });
    }
  }
  const collator = new Intl.Collator('vi');
  results.sort(
    (a, b) =>
      collator.compare(groupKey(a), groupKey(b)) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { units: results };
}

function memoize<T>(compute: () => T): () => T {
  let value: { computed: T } | undefined;
  return () => (value ??= { computed: compute() }).computed;
}

function areaPercent(score: UnitScore, area: FrameworkNode): Ratio | undefined {
  const node = score.pointsOf(area);
  return node.applicable ? percentOf(node.points, node.maxPoints) : undefined;
}

function change(current: Ratio | undefined, previous: Decimal | undefined): Ratio | undefined {
  return current !== undefined && previous !== undefined
    ? current.minus(previous.toRatio())
    : undefined;
}
