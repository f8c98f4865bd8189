import type { Ratio } from '../decimal/ratio.js';

/**
 * Competition ranking ("1224"): equal values share a rank and the next rank skips.
 * Values are compared exactly; undefined values get no rank.
 */
export function rankValues<K>(
  entries: readonly { key: K; value: Ratio | undefined }[],
): Map<K, number> {
  const ranked = entries
    .filter((e): e is { key: K; value: Ratio } => e.value !== undefined)
    .sort((a, b) => b.value.compare(a.value));
  const ranks = new Map<K, number>();
  ranked.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.value.equals(entry.value) ? ranks.get(previous.key) : i + 1;
    ranks.set(entry.key, rank ?? i + 1);
  });
  return ranks;
}
