import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
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
  /**
   * Why a leaf given points, or left without any, came out so ("Thẩm định 6/8: thiếu báo cáo
   * quý IV"): its explanation in place of the generic one. Leaves scored by their rule explain
   * themselves.
   */
  notes?: ReadonlyMap<string, string> | undefined;
}

/** Best value of each relativeToBest leaf in the unit's peer group. */
export type BestValues = ReadonlyMap<string, Decimal>;

export type NodeStatus = LeafOutcome['status'] | 'total';

/** Where a leaf's points came from; decides how its explanation is rebuilt. */
export const SOURCE = { rule: 0, given: 1, unitNotApplicable: 2, nothing: 3, total: 4 } as const;
export type Source = (typeof SOURCE)[keyof typeof SOURCE];

const STATUSES: readonly NodeStatus[] = ['scored', 'notApplicable', 'missing', 'total'];

/** A node's score, as read from a UnitScore. */
export interface NodeScore {
  code: string;
  points: Decimal;
  /** Max over the applicable leaves below (the leaf's own max for a leaf). */
  maxPoints: Decimal;
  applicable: boolean;
  /** How a leaf came out; "total" for a parent. */
  status: NodeStatus;
  /** Why the leaf has these points, in Vietnamese; nothing for a parent. */
  explain: () => string | undefined;
}

/** 100 × points ÷ max, exact; undefined when the max is not positive. */
export function percentOf(points: Decimal, maxPoints: Decimal): Ratio | undefined {
  return maxPoints.units <= 0
    ? undefined
    : Ratio.of(BigInt(points.units) * 100n, BigInt(maxPoints.units));
}

/**
 * A unit's points on every node of a framework. Scores of thousands of units are held at
 * once, so they are kept as numbers in arrays (in framework order) and turned into objects
 * only when read; explanations are rebuilt on demand by evaluating the pure rule again.
 */
export class UnitScore {
  readonly points: Decimal;
  readonly maxPoints: Decimal;
  /** 100 × points ÷ max, exact; undefined when nothing applies. */
  readonly percent: Ratio | undefined;

  constructor(
    readonly framework: Framework,
    readonly unit: UnitInput,
    private readonly bests: BestValues,
    /** Points of each node in millionths. */
    private readonly pointUnits: Float64Array,
    /** Applicable max of each node in millionths. */
    private readonly maxUnits: Float64Array,
    /** Status index | source << 2 | applicable << 5. */
    private readonly states: Uint8Array,
    /** Codes of applicable leaves with neither points nor facts yet (or facts incomplete). */
    readonly missing: string[],
  ) {
    let points = 0;
    let max = 0;
    for (const area of framework.areas) {
      if (!this.isApplicable(area.index)) continue;
      points += pointUnits[area.index] ?? 0;
      max += maxUnits[area.index] ?? 0;
    }
    this.points = Decimal.fromUnits(points);
    this.maxPoints = Decimal.fromUnits(max);
    this.percent = percentOf(this.points, this.maxPoints);
  }

  get unitId(): string {
    return this.unit.id;
  }

  private isApplicable(index: number): boolean {
    return ((this.states[index] ?? 0) & 32) !== 0;
  }

  /** The score of a node by code, or undefined for a code not in the framework. */
  node(code: string): NodeScore | undefined {
    const node = this.framework.byCode.get(code);
    return node && this.nodeAt(node);
  }

  /** Every node's score, in framework order. */
  nodes(): NodeScore[] {
    return this.framework.nodes.map((node) => this.nodeAt(node));
  }

  /** Points and max of a node without building its score object. */
  pointsOf(node: FrameworkNode): { points: Decimal; maxPoints: Decimal; applicable: boolean } {
    return {
      points: Decimal.fromUnits(this.pointUnits[node.index] ?? 0),
      maxPoints: Decimal.fromUnits(this.maxUnits[node.index] ?? 0),
      applicable: this.isApplicable(node.index),
    };
  }

  private nodeAt(node: FrameworkNode): NodeScore {
    const state = this.states[node.index] ?? 0;
    const source = ((state >> 2) & 7) as Source;
    const { points, maxPoints, applicable } = this.pointsOf(node);
    return {
      code: node.code,
      points,
      maxPoints,
      applicable,
      status: STATUSES[state & 3] ?? 'total',
      explain: () => this.explain(node, source, points),
    };
  }

  private explain(node: FrameworkNode, source: Source, points: Decimal): string | undefined {
    switch (source) {
      case SOURCE.total:
        return undefined;
      case SOURCE.unitNotApplicable:
        return 'Không áp dụng đối với đơn vị';
      case SOURCE.given:
        return (
          this.unit.notes?.get(node.code) ??
          `Điểm chấm trực tiếp ${exact(points)}/${exact(node.maxPoints)}`
        );
      case SOURCE.nothing:
        return this.unit.notes?.get(node.code) ?? 'Chưa chấm điểm';
      case SOURCE.rule:
        if (node.rule === undefined) return undefined;
        try {
          return evaluateRule(node.rule, this.unit.facts.get(node.code), {
            maxPoints: node.maxPoints,
            pointsDecimals: this.framework.pointsDecimals,
            best: this.bests.get(node.code),
          }).explain();
        } catch {
          return 'Dữ liệu chấm điểm không hợp lệ';
        }
    }
  }
}

/** Packs a node's state into one byte. */
export function packState(status: NodeStatus, source: Source, applicable: boolean): number {
  return STATUSES.indexOf(status) | (source << 2) | (applicable ? 32 : 0);
}
