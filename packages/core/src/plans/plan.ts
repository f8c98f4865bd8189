import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import type { FrameworkNode } from '../framework/framework.js';

/**
 * What a plan needs of a unit's computed result. `computeResults`' UnitResult has it; a
 * published version read back from storage can be wrapped to have it.
 */
export interface PlanUnit {
  id: string;
  name: string;
  group: string | undefined;
  points: Decimal;
  /** Max over the applicable leaves: the denominator of the index. */
  maxPoints: Decimal;
  percent: Ratio | undefined;
  rank: number | undefined;
  groupSize: number;
  areas: readonly { code: string; rank: number | undefined; percentChange: Ratio | undefined }[];
  score: {
    pointsOf(node: FrameworkNode): { points: Decimal; maxPoints: Decimal; applicable: boolean };
  };
}

/** What a plan says beyond the figures: tasks and who leads them (seed 004's last columns). */
export interface PlanRowDetails {
  tasks?: string | undefined;
  leadOffice?: string | undefined;
  supportingOffices?: readonly string[] | undefined;
}

/** One framework node of a plan, in framework order. */
export interface PlanRow {
  code: string;
  title: string;
  /** 1 for an area (lĩnh vực), 2 for a criterion, 3 and more for sub-criteria. */
  depth: number;
  leaf: boolean;
  /** False when the node does not apply to the unit: no max, no points, no loss, no target. */
  applicable: boolean;
  maxPoints: Decimal | undefined;
  points: Decimal | undefined;
  /** Last year's points where known; null when unknown or not applicable last year. */
  lastYearPoints: Decimal | null;
  /** Max − points summed over the applicable leaves below (a leaf's own for a leaf). */
  lost: Decimal;
  /** Nothing lost on an applicable row: kept in the plan, as seed 004 keeps it, and marked. */
  nothingLost: boolean;
  target: Decimal | undefined;
  /** True when the target was given, false when it is the default. */
  targetGiven: boolean;
  /** Target − points; negative when the target is below the points (a planned decline). */
  gain: Decimal | undefined;
  /** The unit's total if this row alone reached its target. */
  pointsIfTarget: Decimal | undefined;
  percentIfTarget: Ratio | undefined;
  rankIfTarget: number | undefined;
  /** Current rank − rank if the target is reached: positive means up ("tăng 5 bậc"). */
  rankChangeIfTarget: number | undefined;
  tasks: string | undefined;
  leadOffice: string | undefined;
  supportingOffices: readonly string[];
}

/** Seed 003's summary of an area: score/max, rank among peers, change against last year. */
export interface PlanArea {
  code: string;
  title: string;
  applicable: boolean;
  points: Decimal;
  maxPoints: Decimal;
  /** Rank of the area's % in the peer group, as the results give it. */
  rank: number | undefined;
  groupSize: number;
  /** Percentage points of the area's % against last year's. */
  percentChange: Ratio | undefined;
  lastYearPoints: Decimal | null;
}

export interface Plan {
  unit: {
    id: string;
    name: string;
    group: string | undefined;
    points: Decimal;
    maxPoints: Decimal;
    percent: Ratio | undefined;
    rank: number | undefined;
    groupSize: number;
  };
  rows: PlanRow[];
  areas: PlanArea[];
}
