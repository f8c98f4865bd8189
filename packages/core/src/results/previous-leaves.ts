import { Decimal } from '../decimal/decimal.js';
import type { ClassifiedLink, CodeMapKind } from '../framework/code-map.js';

/** A node of last year's published result of one unit. */
export interface PublishedNode {
  points: Decimal;
  maxPoints: Decimal;
  applicable: boolean;
  /** "scored", "missing", "notApplicable" ("total" for a parent). */
  status: string;
}

export type PreviousStatus = 'scored' | 'missing' | 'notApplicable' | 'notComparable';

/** What a leaf of this year's framework earned last year, through the code map. */
export interface PreviousLeaf {
  kind: CodeMapKind;
  /** Last year's codes it comes from. */
  fromCodes: string[];
  /** Null when nothing applied; for a split, the whole old leaf's (shown, never compared). */
  points: Decimal | null;
  maxPoints: Decimal | null;
  status: PreviousStatus;
}

/**
 * Last year's points of each leaf of this year's framework (decision 0013): the same or a
 * renumbered leaf takes the old one's; a merged leaf the sum of the old leaves' points and
 * maxima (those that applied); a leaf split from an old one is "not comparable", because any
 * share of the old points would be invented. A new leaf, or an old leaf the unit had no result
 * for, has nothing.
 */
export function previousLeafPoints(
  links: readonly ClassifiedLink[],
  nodeOf: (oldCode: string) => PublishedNode | undefined,
): Map<string, PreviousLeaf> {
  const sources = new Map<string, { kind: CodeMapKind; olds: string[] }>();
  for (const link of links) {
    if (link.newCode === null || link.oldCode === null) continue;
    const entry = sources.get(link.newCode) ?? { kind: link.kind, olds: [] };
    entry.olds.push(link.oldCode);
    sources.set(link.newCode, entry);
  }
  const out = new Map<string, PreviousLeaf>();
  for (const [code, { kind, olds }] of sources) {
    const nodes = olds.map(nodeOf);
    const found = nodes.filter((n): n is PublishedNode => n !== undefined);
    if (found.length === 0) continue;
    const base = { kind, fromCodes: olds };
    if (kind === 'split' || found.length < nodes.length) {
      // Part of a merge is missing from last year's result: a partial sum would mislead.
      const whole = found.length === nodes.length ? found : [];
      out.set(code, {
        ...base,
        points: whole.length > 0 ? Decimal.sum(whole.map((n) => n.points)) : null,
        maxPoints: whole.length > 0 ? Decimal.sum(whole.map((n) => n.maxPoints)) : null,
        status: 'notComparable',
      });
      continue;
    }
    const applied = found.filter((n) => n.applicable && n.status !== 'notApplicable');
    if (applied.length === 0) {
      out.set(code, { ...base, points: null, maxPoints: null, status: 'notApplicable' });
      continue;
    }
    out.set(code, {
      ...base,
      points: Decimal.sum(applied.map((n) => n.points)),
      maxPoints: Decimal.sum(applied.map((n) => n.maxPoints)),
      status: applied.some((n) => n.status === 'missing') ? 'missing' : 'scored',
    });
  }
  return out;
}
