import type { Ratio } from '../decimal/ratio.js';

/**
 * The index values of a peer group, sorted once, highest first. A what-if rank is then a
 * binary search: the same competition ranking as `rankValues` (exact comparison, equal values
 * share a rank), without ranking the group again for every row of every plan.
 */
export class PeerGroup {
  private readonly sorted: Ratio[];

  constructor(percents: Iterable<Ratio | undefined>) {
    this.sorted = [...percents]
      .filter((p): p is Ratio => p !== undefined)
      .sort((a, b) => b.compare(a));
  }

  /** Ranked units of the group. */
  get size(): number {
    return this.sorted.length;
  }

  /** How many values are strictly above `value`. */
  private countAbove(value: Ratio): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.sorted[mid] as Ratio).gt(value)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The rank a unit of this group would have with `value` in place of its current `own`
   * value (which is in the group, and is taken out of the count).
   */
  rankOf(value: Ratio, own: Ratio | undefined): number {
    const above = this.countAbove(value) - (own !== undefined && own.gt(value) ? 1 : 0);
    return above + 1;
  }
}
