import { Decimal } from '../decimal/decimal.js';
import type { Framework } from '../framework/framework.js';
import type { PreviousLeaf } from '../results/previous-leaves.js';

/**
 * Last year's points of each leaf from `previousLeafPoints` (decision 0013), as a plan takes
 * them: a leaf scored (or left unscored, counting 0) has its points; one that did not apply
 * has null; one not comparable (split from an old leaf) is left out, as unknown.
 */
export function lastYearPointsOf(
  previous: ReadonlyMap<string, PreviousLeaf>,
): Map<string, Decimal | null> {
  const out = new Map<string, Decimal | null>();
  for (const [code, leaf] of previous) {
    if (leaf.status === 'notComparable') continue;
    out.set(code, leaf.status === 'notApplicable' ? null : leaf.points);
  }
  return out;
}

/**
 * Last year's points of every node, by framework position: as given, or for a parent not
 * given the sum of its children when every child is known (a child that did not apply adds
 * nothing; a parent none of whose children applied did not apply). Undefined means unknown,
 * null not applicable.
 */
export function nodeLastYear(
  framework: Framework,
  given: ReadonlyMap<string, Decimal | null>,
): (Decimal | null | undefined)[] {
  const nodes = framework.nodes;
  const values = new Array<Decimal | null | undefined>(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (given.has(node.code)) {
      values[i] = given.get(node.code);
      continue;
    }
    if (node.childIndices.length === 0) continue;
    const children = node.childIndices.map((c) => values[c]);
    if (children.some((v) => v === undefined)) continue;
    const known = children.filter((v): v is Decimal => v !== null && v !== undefined);
    values[i] = known.length === 0 ? null : Decimal.sum(known);
  }
  return values;
}
