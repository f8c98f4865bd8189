import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { pointsRange } from '../rules/check-rule.js';
import { evaluateRule } from '../rules/evaluate-rule.js';
import { exact, type LeafOutcome } from '../rules/outcome.js';
import {
  packState,
  SOURCE,
  UnitScore,
  type BestValues,
  type NodeStatus,
  type Source,
  type UnitInput,
} from './unit-score.js';

export {
  percentOf,
  UnitScore,
  type BestValues,
  type NodeScore,
  type NodeStatus,
  type UnitInput,
} from './unit-score.js';

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
  const count = framework.nodes.length;
  const pointUnits = new Float64Array(count);
  const maxUnits = new Float64Array(count);
  const states = new Uint8Array(count);
  const issues: Issue[] = [];
  const missing: string[] = [];
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);

  /** Stores a node's points and max (in millionths) and state; returns whether it applies. */
  const record = (
    node: FrameworkNode,
    points: number,
    max: number,
    status: NodeStatus,
    source: Source,
    applicable: boolean,
  ) => {
    pointUnits[node.index] = points;
    maxUnits[node.index] = max;
    states[node.index] = packState(status, source, applicable);
    return applicable;
  };

  const scoreLeaf = (node: FrameworkNode, notApplicable: boolean): boolean => {
    const { code, maxPoints } = node;
    if (notApplicable) {
      return record(node, 0, maxPoints.units, 'notApplicable', SOURCE.unitNotApplicable, false);
    }
    const given = unit.points.get(code);
    const facts = unit.facts.get(code);
    if (given !== undefined) {
      if (facts !== undefined) {
        issues.push({
          path: at(`facts.${code}`),
          message: `tiêu chí ${code} đã có điểm nhập trực tiếp; chỉ nhập điểm hoặc dữ liệu chấm điểm`,
        });
      }
      const range = pointsRange(node.rule, maxPoints);
      if (given.lt(range.min) || given.gt(range.max)) {
        issues.push({
          path: at(`points.${code}`),
          message: `${exact(given)} điểm nằm ngoài khoảng ${exact(range.min)}–${exact(range.max)} của tiêu chí ${code}`,
        });
      }
      return record(node, given.units, maxPoints.units, 'scored', SOURCE.given, true);
    }
    if (facts === undefined || node.rule === undefined) {
      missing.push(code);
      return record(node, 0, maxPoints.units, 'missing', SOURCE.nothing, true);
    }
    let outcome: LeafOutcome;
    try {
      outcome = evaluateRule(
        node.rule,
        facts,
        { maxPoints, pointsDecimals: framework.pointsDecimals, best: bests.get(code) },
        at(`facts.${code}`),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push(...error.issues);
      missing.push(code);
      return record(node, 0, maxPoints.units, 'missing', SOURCE.rule, true);
    }
    if (outcome.status === 'missing') missing.push(code);
    const points = outcome.status === 'scored' ? outcome.points.units : 0;
    return record(
      node,
      points,
      maxPoints.units,
      outcome.status,
      SOURCE.rule,
      outcome.status !== 'notApplicable',
    );
  };

  const visit = (node: FrameworkNode, inheritedNotApplicable: boolean): boolean => {
    const notApplicable =
      inheritedNotApplicable ||
      unit.notApplicable.has(node.code) ||
      (node.appliesTo.length > 0 &&
        (unit.type === undefined || !node.appliesTo.includes(unit.type)));
    if (node.childIndices.length === 0) return scoreLeaf(node, notApplicable);
    let points = 0;
    let max = 0;
    let applicable = false;
    for (const index of node.childIndices) {
      const child = framework.nodes[index];
      if (!child || !visit(child, notApplicable)) continue;
      applicable = true;
      points += pointUnits[index] ?? 0;
      max += maxUnits[index] ?? 0;
    }
    if (!Number.isSafeInteger(points) || !Number.isSafeInteger(max)) {
      throw new RangeError(`points of ${node.code} out of range`);
    }
    return record(node, points, max, 'total', SOURCE.total, applicable);
  };

  for (const area of framework.areas) visit(area, false);
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      `Dữ liệu của đơn vị ${unit.id} không hợp lệ`,
      issues,
    );
  }
  return new UnitScore(framework, unit, bests, pointUnits, maxUnits, states, missing);
}
