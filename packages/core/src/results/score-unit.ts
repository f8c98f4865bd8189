import { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { pointsRange } from '../rules/check-rule.js';
import { evaluateRule } from '../rules/evaluate-rule.js';
import { exact, type LeafOutcome } from '../rules/outcome.js';

/** One unit's data for one framework. */
export interface UnitInput {
  id: string;
  name: string;
  /** Peer group for ranking (departments apart from districts); one group when absent. */
  group: string | undefined;
  /** Unit type, matched against nodes' `appliesTo`. */
  type: string | undefined;
  /** Points given directly, for leaves (e.g. appraised points copied from a table). */
  points: ReadonlyMap<string, Decimal>;
  /** Facts per leaf, fed to the leaf's rule. */
  facts: ReadonlyMap<string, unknown>;
  /** Nodes that do not apply to this unit; their max leaves the denominator. */
  notApplicable: ReadonlySet<string>;
}

export interface NodeScore {
  code: string;
  points: Decimal;
  /** Max over the applicable leaves below (the leaf's own max for a leaf). */
  maxPoints: Decimal;
  applicable: boolean;
  /** How a leaf came out; "total" for a parent. */
  status: LeafOutcome['status'] | 'total';
  explanation: string | undefined;
}

export interface UnitScore {
  unitId: string;
  nodes: ReadonlyMap<string, NodeScore>;
  points: Decimal;
  maxPoints: Decimal;
  /** 100 × points ÷ max, exact; undefined when nothing applies. */
  percent: Ratio | undefined;
  /** Codes of applicable leaves with neither points nor facts yet. */
  missing: string[];
}

/** Best value of each relativeToBest leaf in the unit's peer group. */
export type BestValues = ReadonlyMap<string, Decimal>;

export function percentOf(points: Decimal, maxPoints: Decimal): Ratio | undefined {
  return maxPoints.isZero() || maxPoints.isNegative()
    ? undefined
    : points.toRatio().times(Decimal.HUNDRED).dividedBy(maxPoints);
}

/**
 * Scores one unit on a framework: each leaf by its rule (or the points given), each parent as
 * the sum of its applicable children. Throws VALIDATION_FAILED listing every bad entry under
 * `path` (e.g. "units[3]").
 */
export function scoreUnit(
  framework: Framework,
  unit: UnitInput,
  bests: BestValues = new Map(),
  path = '',
): UnitScore {
  const issues: Issue[] = [];
  const nodes = new Map<string, NodeScore>();
  const missing: string[] = [];
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);

  const visit = (node: FrameworkNode, inheritedNotApplicable: boolean): NodeScore => {
    const notApplicable =
      inheritedNotApplicable ||
      unit.notApplicable.has(node.code) ||
      (node.appliesTo.length > 0 &&
        (unit.type === undefined || !node.appliesTo.includes(unit.type)));
    let score: NodeScore;
    if (node.children.length === 0) {
      score = scoreLeaf(node, notApplicable);
    } else {
      let points = Decimal.ZERO;
      let maxPoints = Decimal.ZERO;
      let applicable = false;
      for (const code of node.children) {
        const child = framework.byCode.get(code);
        if (!child) continue;
        const childScore = visit(child, notApplicable);
        if (!childScore.applicable) continue;
        applicable = true;
        points = points.plus(childScore.points);
        maxPoints = maxPoints.plus(childScore.maxPoints);
      }
      score = {
        code: node.code,
        points,
        maxPoints,
        applicable,
        status: 'total',
        explanation: undefined,
      };
    }
    nodes.set(node.code, score);
    return score;
  };

  const scoreLeaf = (node: FrameworkNode, notApplicable: boolean): NodeScore => {
    const base = { code: node.code, maxPoints: node.maxPoints };
    if (notApplicable) {
      return {
        ...base,
        points: Decimal.ZERO,
        applicable: false,
        status: 'notApplicable',
        explanation: 'Không áp dụng đối với đơn vị',
      };
    }
    const given = unit.points.get(node.code);
    const facts = unit.facts.get(node.code);
    if (given !== undefined && facts !== undefined) {
      issues.push({
        path: at(`facts.${node.code}`),
        message: `tiêu chí ${node.code} đã có điểm nhập trực tiếp; chỉ nhập điểm hoặc dữ liệu chấm điểm`,
      });
    }
    if (given !== undefined) {
      const range = pointsRange(node.rule, node.maxPoints);
      if (given.lt(range.min) || given.gt(range.max)) {
        issues.push({
          path: at(`points.${node.code}`),
          message: `${exact(given)} điểm nằm ngoài khoảng ${exact(range.min)}–${exact(range.max)} của tiêu chí ${node.code}`,
        });
      }
      return {
        ...base,
        points: given,
        applicable: true,
        status: 'scored',
        explanation: `Điểm đã chấm: ${exact(given)}/${exact(node.maxPoints)}`,
      };
    }
    if (facts === undefined || node.rule === undefined) {
      missing.push(node.code);
      return {
        ...base,
        points: Decimal.ZERO,
        applicable: true,
        status: 'missing',
        explanation: 'Chưa chấm điểm',
      };
    }
    let outcome: LeafOutcome;
    try {
      outcome = evaluateRule(
        node.rule,
        facts,
        {
          maxPoints: node.maxPoints,
          pointsDecimals: framework.pointsDecimals,
          best: bests.get(node.code),
        },
        at(`facts.${node.code}`),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push(...error.issues);
      outcome = { status: 'missing', explanation: 'Dữ liệu chấm điểm không hợp lệ' };
    }
    if (outcome.status === 'missing') missing.push(node.code);
    return {
      ...base,
      points: outcome.status === 'scored' ? outcome.points : Decimal.ZERO,
      applicable: outcome.status !== 'notApplicable',
      status: outcome.status,
      explanation: outcome.explanation,
    };
  };

  let points = Decimal.ZERO;
  let maxPoints = Decimal.ZERO;
  for (const area of framework.areas) {
    const score = visit(area, false);
    if (!score.applicable) continue;
    points = points.plus(score.points);
    maxPoints = maxPoints.plus(score.maxPoints);
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      `Dữ liệu của đơn vị ${unit.id} không hợp lệ`,
      issues,
    );
  }
  return {
    unitId: unit.id,
    nodes,
    points,
    maxPoints,
    percent: percentOf(points, maxPoints),
    missing,
  };
}
