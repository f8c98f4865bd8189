import { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { formatExact } from '../format/format.js';
import { levelName, type Framework } from '../framework/framework.js';
import { groupBy } from '../results/group-by.js';
import type { Results } from '../results/compute-results.js';
import { percentOf } from '../results/unit-score.js';
import { pointsRange } from '../rules/check-rule.js';
import { nodeLastYear } from './last-year.js';
import { PeerGroup } from './peer-group.js';
import type { Plan, PlanArea, PlanRow, PlanRowDetails, PlanUnit } from './plan.js';

const NO_OFFICES: readonly string[] = Object.freeze([]);

export interface PlanInput {
  framework: Framework;
  unit: PlanUnit;
  /** The unit's peer group, its own result included (see `PeerGroup`). */
  peers: PeerGroup;
  /** Last year's points by node code; parents missing here are summed from their children. */
  lastYear?: ReadonlyMap<string, Decimal | null> | undefined;
  /** Targets by node code; every other applicable node aims at its max. */
  targets?: ReadonlyMap<string, Decimal> | undefined;
  /** Tasks and offices by node code. */
  details?: ReadonlyMap<string, PlanRowDetails> | undefined;
  /** Where the targets came from, for messages ("units[0].targets"; "" for none). */
  targetsPath?: string | undefined;
}

/**
 * The improvement plan of one unit (decision 0016): one row per framework node in framework
 * order with its max, points, last year's points, lost points, target and gain, and what the
 * unit's total, index and rank in its peer group would be if that one row reached its target
 * and nothing else changed; and seed 003's summary per area. Throws VALIDATION_FAILED naming
 * every target that is for an unknown or not-applicable code, or outside what the node can
 * earn.
 */
export function buildPlan(input: PlanInput): Plan {
  const { framework, unit, peers } = input;
  const nodes = framework.nodes;
  const count = nodes.length;
  const targetsPath = input.targetsPath ?? 'targets';
  const targets = input.targets ?? new Map<string, Decimal>();
  const scores = nodes.map((node) => unit.score.pointsOf(node));

  // Bottom-up (children come after their parent in framework order): loss, the lowest and
  // highest points a node can earn, and the default target, each the sum over applicable
  // children for a parent.
  const lost: Decimal[] = new Array<Decimal>(count);
  const lowest: Decimal[] = new Array<Decimal>(count);
  const highest: Decimal[] = new Array<Decimal>(count);
  const target: Decimal[] = new Array<Decimal>(count);
  for (let i = count - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const score = scores[i]!;
    if (node.childIndices.length === 0) {
      const range = pointsRange(node.rule, node.maxPoints);
      // A bonus already above the leaf's max of 0 loses nothing and is not asked to go down.
      const leafLost = score.points.lt(node.maxPoints)
        ? node.maxPoints.minus(score.points)
        : Decimal.ZERO;
      lost[i] = leafLost;
      lowest[i] = range.min;
      highest[i] = range.max;
      target[i] = targets.get(node.code) ?? score.points.plus(leafLost);
      continue;
    }
    let sumLost = Decimal.ZERO;
    let sumLow = Decimal.ZERO;
    let sumHigh = Decimal.ZERO;
    let sumTarget = Decimal.ZERO;
    for (const child of node.childIndices) {
      if (!scores[child]!.applicable) continue;
      sumLost = sumLost.plus(lost[child]!);
      sumLow = sumLow.plus(lowest[child]!);
      sumHigh = sumHigh.plus(highest[child]!);
      sumTarget = sumTarget.plus(target[child]!);
    }
    lost[i] = sumLost;
    lowest[i] = sumLow;
    highest[i] = sumHigh;
    target[i] = targets.get(node.code) ?? sumTarget;
  }

  const issues = checkTargets(framework, targets, targetsPath, (index) => ({
    applicable: scores[index]!.applicable,
    lowest: lowest[index]!,
    highest: highest[index]!,
  }));
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      `Mục tiêu của đơn vị ${unit.id} không hợp lệ`,
      issues,
    );
  }

  const lastYear = nodeLastYear(framework, input.lastYear ?? new Map());
  const rows: PlanRow[] = nodes.map((node, i): PlanRow => {
    const score = scores[i]!;
    const details = input.details?.get(node.code);
    // One literal per row, every field in the same order: 4,000 plans make half a million
    // rows, and objects built by spreading are several times slower to make and collect.
    const applicable = score.applicable;
    const rowTarget = applicable ? target[i]! : undefined;
    const pointsIfTarget =
      rowTarget === undefined ? undefined : unit.points.minus(score.points).plus(rowTarget);
    const percentIfTarget =
      pointsIfTarget === undefined ? undefined : percentOf(pointsIfTarget, unit.maxPoints);
    const rankIfTarget =
      percentIfTarget === undefined || unit.rank === undefined
        ? undefined
        : peers.rankOf(percentIfTarget, unit.percent);
    return {
      code: node.code,
      title: node.title,
      depth: node.depth,
      leaf: node.childIndices.length === 0,
      applicable,
      maxPoints: applicable ? score.maxPoints : undefined,
      points: applicable ? score.points : undefined,
      lastYearPoints: lastYear[i] ?? null,
      lost: applicable ? lost[i]! : Decimal.ZERO,
      nothingLost: applicable && lost[i]!.isZero(),
      target: rowTarget,
      targetGiven: applicable && targets.has(node.code),
      gain: rowTarget === undefined ? undefined : rowTarget.minus(score.points),
      pointsIfTarget,
      percentIfTarget,
      rankIfTarget,
      rankChangeIfTarget:
        rankIfTarget === undefined || unit.rank === undefined
          ? undefined
          : unit.rank - rankIfTarget,
      tasks: details?.tasks,
      leadOffice: details?.leadOffice,
      supportingOffices: details?.supportingOffices ?? NO_OFFICES,
    };
  });

  const areas: PlanArea[] = framework.areas.map((area) => {
    const score = scores[area.index]!;
    const result = unit.areas.find((a) => a.code === area.code);
    return {
      code: area.code,
      title: area.title,
      applicable: score.applicable,
      points: score.points,
      maxPoints: score.maxPoints,
      rank: result?.rank,
      groupSize: unit.groupSize,
      percentChange: result?.percentChange,
      lastYearPoints: lastYear[area.index] ?? null,
    };
  });

  return {
    unit: {
      id: unit.id,
      name: unit.name,
      group: unit.group,
      points: unit.points,
      maxPoints: unit.maxPoints,
      percent: unit.percent,
      rank: unit.rank,
      groupSize: unit.groupSize,
    },
    rows,
    areas,
  };
}

function checkTargets(
  framework: Framework,
  targets: ReadonlyMap<string, Decimal>,
  path: string,
  bounds: (index: number) => { applicable: boolean; lowest: Decimal; highest: Decimal },
): Issue[] {
  const issues: Issue[] = [];
  for (const [code, value] of targets) {
    const at = path === '' ? code : `${path}.${code}`;
    const node = framework.byCode.get(code);
    if (!node) {
      issues.push({ path: at, message: `không có tiêu chí mã ${code} trong bộ chỉ số` });
      continue;
    }
    const what = `${levelName(node.depth)} ${code}`;
    const { applicable, lowest, highest } = bounds(node.index);
    if (!applicable) {
      issues.push({
        path: at,
        message: `${what} không áp dụng đối với đơn vị nên không đặt mục tiêu`,
      });
    } else if (value.gt(highest)) {
      issues.push({
        path: at,
        message: `mục tiêu ${formatExact(value)} điểm của ${what} vượt điểm tối đa ${formatExact(highest)}`,
      });
    } else if (value.lt(lowest)) {
      issues.push({
        path: at,
        message: `mục tiêu ${formatExact(value)} điểm của ${what} thấp hơn mức thấp nhất ${formatExact(lowest)}`,
      });
    }
  }
  return issues;
}

export interface PlansOptions {
  lastYear?: (unitId: string) => ReadonlyMap<string, Decimal | null> | undefined;
  targets?: (unitId: string) => ReadonlyMap<string, Decimal> | undefined;
  details?: ReadonlyMap<string, PlanRowDetails> | undefined;
}

const groupKey = (unit: { group: string | undefined }) => unit.group ?? '';

/**
 * The plans of every unit of a set of results, one at a time (each peer group is sorted
 * once): a caller that stores or writes each plan need not hold 4,000 of them at once.
 */
export function* plansOf(
  framework: Framework,
  results: Results,
  options: PlansOptions = {},
): Generator<Plan> {
  for (const members of groupBy(results.units, groupKey).values()) {
    const peers = new PeerGroup(members.map((m) => m.percent));
    for (const unit of members) {
      yield buildPlan({
        framework,
        unit,
        peers,
        lastYear: options.lastYear?.(unit.id),
        targets: options.targets?.(unit.id),
        details: options.details,
      });
    }
  }
}

/** The plans of every unit of a set of results, in the order of `plansOf`. */
export function buildPlans(
  framework: Framework,
  results: Results,
  options: PlansOptions = {},
): Plan[] {
  return [...plansOf(framework, results, options)];
}

/**
 * The plan of one unit of a set of results (a published period, a `chiso results` request).
 * Throws NOT_FOUND when the unit is not among them.
 */
export function planForUnit(
  framework: Framework,
  results: Results,
  unitId: string,
  options: Omit<PlanInput, 'framework' | 'unit' | 'peers'> = {},
): Plan {
  const unit = results.units.find((u) => u.id === unitId);
  if (!unit) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, `Không có đơn vị "${unitId}" trong kết quả`, [
      {
        message: `các đơn vị có trong kết quả: ${results.units
          .slice(0, 10)
          .map((u) => u.id)
          .join(', ')}${results.units.length > 10 ? ', …' : ''}`,
      },
    ]);
  }
  const peers = new PeerGroup(
    results.units.filter((u) => groupKey(u) === groupKey(unit)).map((u) => u.percent),
  );
  return buildPlan({ framework, unit, peers, ...options });
}
