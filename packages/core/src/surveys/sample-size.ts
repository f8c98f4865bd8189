import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';

const FIVE_PERCENT = Decimal.of(5);

/**
 * Responses needed from a population of N for a margin of error e (Yamane's formula):
 * n = N ÷ (1 + N·e²), rounded up, computed exactly. N = 596 at 5% gives 240.
 */
export function sampleSize(population: number, marginPercent: Decimal = FIVE_PERCENT): number {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`population must be a whole number ≥ 0: ${population}`);
  }
  if (marginPercent.isNegative() || marginPercent.gt(Decimal.HUNDRED)) {
    throw new RangeError(`margin must be 0..100%: ${marginPercent.toString()}`);
  }
  if (population === 0) return 0;
  const n = BigInt(population);
  // e = units ÷ 10⁸ (millionths of a percent), so e² = units² ÷ 10¹⁶.
  const scale = 10n ** 16n;
  const units = BigInt(marginPercent.units);
  const numerator = n * scale;
  const denominator = scale + n * units * units;
  return Number((numerator + denominator - 1n) / denominator);
}

/** Responses received as a % of the target; undefined when there is no target. */
export function responseRate(received: number, target: number): Ratio | undefined {
  if (target <= 0) return undefined;
  return Ratio.of(BigInt(received) * 100n, BigInt(target));
}
