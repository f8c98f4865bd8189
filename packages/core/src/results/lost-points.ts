import type { Decimal } from '../decimal/decimal.js';
import type { Framework } from '../framework/framework.js';
import type { UnitScore } from './score-unit.js';

export interface LostPoints {
  code: string;
  title: string;
  maxPoints: Decimal;
  points: Decimal;
  /** max − points: what an improvement plan tries to win back. */
  lost: Decimal;
  /** The leaf's explanation: the reason the points were lost. */
  explain: () => string | undefined;
}

/** Applicable leaves below their max, the largest loss first, then in framework order. */
export function lostPointsOf(framework: Framework, score: UnitScore): LostPoints[] {
  const lost: LostPoints[] = [];
  for (const leaf of framework.leaves) {
    const node = score.node(leaf.code);
    if (!node || !node.applicable || !node.points.lt(node.maxPoints)) continue;
    lost.push({
      code: leaf.code,
      title: leaf.title,
      maxPoints: node.maxPoints,
      points: node.points,
      lost: node.maxPoints.minus(node.points),
      explain: node.explain,
    });
  }
  // Array.prototype.sort is stable, so equal losses keep framework order.
  return lost.sort((a, b) => b.lost.compare(a.lost));
}
