import { Decimal } from './decimal.js';
import { SCALE, UNIT, UNIT_BIG } from './scale.js';

/** Relative gap beyond which two doubles are ordered like the exact values they stand for. */
const CLEAR_GAP = 1e-9;

/**
 * An exact fraction of two integers. Percentages (13,5 / 14) and rule ratios (574 / 596) are
 * Ratios: comparing two of them is exact, so ranks never depend on a rounding.
 * Numerator and denominator are kept unreduced; comparisons cross-multiply.
 */
export class Ratio {
  /** Floating approximation, computed once; only used to skip exact work on clear cases. */
  private approximation: number | undefined = undefined;

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint | number, den: bigint | number = 1n): Ratio {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('ratio with a zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    return new Ratio(n, d);
  }

  static readonly ZERO = Ratio.of(0n);
  static readonly ONE = Ratio.of(1n);

  plus(other: Ratio): Ratio {
    if (this.den === other.den) return new Ratio(this.num + other.num, this.den);
    return Ratio.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  minus(other: Ratio): Ratio {
    return this.plus(other.negate());
  }

  negate(): Ratio {
    return new Ratio(-this.num, this.den);
  }

  times(other: Ratio | Decimal): Ratio {
    const o = other instanceof Decimal ? other.toRatio() : other;
    return Ratio.of(this.num * o.num, this.den * o.den);
  }

  dividedBy(other: Ratio | Decimal): Ratio {
    const o = other instanceof Decimal ? other.toRatio() : other;
    if (o.num === 0n) throw new RangeError('division by zero');
    return Ratio.of(this.num * o.den, this.den * o.num);
  }

  /** The value as a double: within 10⁻¹⁵ of the exact value, relatively. */
  approx(): number {
    this.approximation ??= Number(this.num) / Number(this.den);
    return this.approximation;
  }

  /**
   * Exact three-way comparison. Doubles settle the clear cases (ranking sorts make hundreds of
   * thousands of comparisons); values closer than 10⁻⁹ apart, ties included, are decided by
   * cross-multiplying the integers.
   */
  compare(other: Ratio | Decimal): -1 | 0 | 1 {
    const a = this.approx();
    const b = other instanceof Decimal ? other.units / UNIT : other.approx();
    if (Math.abs(a - b) > CLEAR_GAP * Math.max(1, Math.abs(a), Math.abs(b))) return a < b ? -1 : 1;
    const o = other instanceof Decimal ? other.toRatio() : other;
    const left = this.num * o.den;
    const right = o.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Ratio | Decimal): boolean {
    return this.compare(other) === 0;
  }

  lt(other: Ratio | Decimal): boolean {
    return this.compare(other) < 0;
  }

  gte(other: Ratio | Decimal): boolean {
    return this.compare(other) >= 0;
  }

  gt(other: Ratio | Decimal): boolean {
    return this.compare(other) > 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  min(other: Ratio): Ratio {
    return this.compare(other) <= 0 ? this : other;
  }

  max(other: Ratio): Ratio {
    return this.compare(other) >= 0 ? this : other;
  }

  /**
   * Rounds half away from zero to `decimals` fractional digits (at most six). This is the
   * "làm tròn" of official tables; it is used for a framework's stated point precision and
   * by the display formatter, nowhere else.
   */
  round(decimals: number): Decimal {
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > SCALE) {
      throw new RangeError(`decimals must be 0..${SCALE}`);
    }
    const factor = 10n ** BigInt(decimals);
    const negative = this.num < 0n;
    const abs = negative ? -this.num : this.num;
    const rounded = (2n * abs * factor + this.den) / (2n * this.den);
    const units = rounded * (UNIT_BIG / factor);
    return Decimal.fromUnits(negative ? -units : units);
  }

  /** True when the fraction has a finite decimal form within six digits. */
  isExactDecimal(): boolean {
    return (this.num * UNIT_BIG) % this.den === 0n;
  }

  /** The exact Decimal when there is one within six digits, else undefined. */
  toExactDecimal(): Decimal | undefined {
    return this.isExactDecimal() ? Decimal.fromUnits((this.num * UNIT_BIG) / this.den) : undefined;
  }
}
