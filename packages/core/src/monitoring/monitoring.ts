import { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { percentOf } from '../results/unit-score.js';

// Mid-year self-monitoring (tự theo dõi, đánh giá giữa kỳ; seed 000, decision 0016): per leaf,
// the points a unit expects at the end of the year, why it expects to lose the rest, and which
// office answers for it.

/** Why a unit expects to lose points on a leaf: the closed list, plus free text. */
export const LOSS_REASONS = ['yearEnd', 'notDone', 'late', 'belowTarget', 'other'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

export const LOSS_REASON_LABELS: Record<LossReason, string> = {
  yearEnd: 'Chỉ đánh giá được cuối năm',
  notDone: 'Chưa thực hiện',
  late: 'Thực hiện chậm',
  belowTarget: 'Số liệu chưa đạt',
  other: 'Lý do khác',
};

/**
 * Where a pre-filled expectation came from: the unit's current self-assessment facts, last
 * year's published points, or nothing known yet (full points assumed until the unit says
 * otherwise); "entered" once a person set it.
 */
export const EXPECTATION_SOURCES = ['self', 'lastYear', 'assumed', 'entered'] as const;
export type ExpectationSource = (typeof EXPECTATION_SOURCES)[number];

export const EXPECTATION_SOURCE_LABELS: Record<ExpectationSource, string> = {
  self: 'Theo số liệu tự đánh giá hiện có',
  lastYear: 'Theo kết quả năm trước',
  assumed: 'Chưa có số liệu, tạm tính đủ điểm',
  entered: 'Đơn vị nhập',
};

/** One leaf of a snapshot. A leaf not applicable to the unit has no expectation. */
export interface MonitoringRow {
  code: string;
  /** null: the leaf does not apply to the unit. */
  expectedPoints: Decimal | null;
  source: ExpectationSource;
  reason: LossReason | null;
  reasonText: string | null;
  officeId: string | null;
}

/** What is known of a leaf when a snapshot starts. */
export interface LeafKnowledge {
  /** From the unit's current facts, if it has entered them and they score. */
  self?: { status: 'scored' | 'notApplicable' | 'missing'; points: Decimal } | undefined;
  /** Last year's points on this leaf, if comparable. */
  lastYear?: Decimal | null | undefined;
  officeId?: string | null | undefined;
}

/**
 * The first version of a snapshot: the unit's own facts where it has them, last year's points
 * where it has none, else the max; a reason guessed only where a loss is expected and none
 * other fits ("chưa thực hiện" when the facts score nothing, "số liệu chưa đạt" when they score
 * part, "chỉ đánh giá được cuối năm" when last year's result is all there is).
 */
export function prefillMonitoring(
  framework: Framework,
  knowledge: (code: string) => LeafKnowledge,
): MonitoringRow[] {
  return framework.leaves.map((leaf) => {
    const known = knowledge(leaf.code);
    const officeId = known.officeId ?? null;
    const base = { code: leaf.code, reasonText: null, officeId };
    if (known.self?.status === 'notApplicable') {
      return { ...base, expectedPoints: null, source: 'self', reason: null };
    }
    if (known.self?.status === 'scored') {
      const points = known.self.points;
      // Nothing scored: not done yet; part of the points: the figures fall short.
      const short = points.lt(leaf.maxPoints);
      const reason = !short ? null : points.units === 0 ? 'notDone' : 'belowTarget';
      return { ...base, expectedPoints: points, source: 'self', reason };
    }
    if (known.lastYear !== undefined && known.lastYear !== null) {
      const points = known.lastYear.min(leaf.maxPoints);
      return {
        ...base,
        expectedPoints: points,
        source: 'lastYear',
        reason: points.lt(leaf.maxPoints) ? 'yearEnd' : null,
      };
    }
    return { ...base, expectedPoints: leaf.maxPoints, source: 'assumed', reason: null };
  });
}

/** A leaf where points are at risk, as the appendix lists it. */
export interface LeafAtRisk {
  code: string;
  title: string;
  maxPoints: Decimal;
  expectedPoints: Decimal;
  atRisk: Decimal;
  reason: LossReason | null;
  reasonText: string | null;
  officeId: string | null;
}

/** One area (lĩnh vực) of a snapshot: what the unit expects of it and what it may lose. */
export interface AreaExpectation {
  code: string;
  title: string;
  /** Over the leaves that apply. */
  maxPoints: Decimal;
  expectedPoints: Decimal;
  atRisk: Decimal;
  leaves: LeafAtRisk[];
}

export interface MonitoringSummary {
  maxPoints: Decimal;
  expectedPoints: Decimal;
  atRisk: Decimal;
  /** 100 × expected ÷ max, exact; undefined when nothing applies. */
  expectedIndex: Ratio | undefined;
  areas: AreaExpectation[];
}

function areaOf(framework: Framework, node: FrameworkNode): FrameworkNode {
  let current = node;
  while (current.parent !== undefined) {
    const parent = framework.byCode.get(current.parent);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** Sums a snapshot per area and in all, listing each leaf with points at risk in order. */
export function summarizeMonitoring(
  framework: Framework,
  rows: readonly MonitoringRow[],
): MonitoringSummary {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const areas = new Map<string, AreaExpectation>(
    framework.areas.map((area) => [
      area.code,
      {
        code: area.code,
        title: area.title,
        maxPoints: Decimal.ZERO,
        expectedPoints: Decimal.ZERO,
        atRisk: Decimal.ZERO,
        leaves: [],
      },
    ]),
  );
  for (const leaf of framework.leaves) {
    const row = byCode.get(leaf.code);
    const area = areas.get(areaOf(framework, leaf).code);
    if (!area || !row || row.expectedPoints === null) continue;
    const atRisk = leaf.maxPoints.minus(row.expectedPoints);
    area.maxPoints = area.maxPoints.plus(leaf.maxPoints);
    area.expectedPoints = area.expectedPoints.plus(row.expectedPoints);
    area.atRisk = area.atRisk.plus(atRisk);
    if (atRisk.units > 0) {
      area.leaves.push({
        code: leaf.code,
        title: leaf.title,
        maxPoints: leaf.maxPoints,
        expectedPoints: row.expectedPoints,
        atRisk,
        reason: row.reason,
        reasonText: row.reasonText,
        officeId: row.officeId,
      });
    }
  }
  const list = [...areas.values()];
  const sum = (pick: (area: AreaExpectation) => Decimal) =>
    list.reduce((total, area) => total.plus(pick(area)), Decimal.ZERO);
  const maxPoints = sum((a) => a.maxPoints);
  const expectedPoints = sum((a) => a.expectedPoints);
  return {
    maxPoints,
    expectedPoints,
    atRisk: sum((a) => a.atRisk),
    expectedIndex: percentOf(expectedPoints, maxPoints),
    areas: list,
  };
}
