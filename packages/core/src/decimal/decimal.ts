import { Ratio } from './ratio.js';
import { MAX_UNITS, SCALE, UNIT, UNIT_BIG } from './scale.js';

/** Result of parsing user input: the value, or a Vietnamese reason it is not a number. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * An exact decimal number with at most six fractional digits, held as an integer count of
 * millionths in a plain number (exact below 2⁵³, about nine billion points: far beyond any
 * index; anything larger is refused rather than rounded). Points, maxima and thresholds are all Decimals so that sums such as
 * 13,567 + 6,931 come out to the last digit; anything that needs division becomes a
 * {@link Ratio} and is brought back with an explicit rounding rule.
 */
export class Decimal {
  static readonly SCALE = SCALE;
  static readonly ZERO = new Decimal(0);
  static readonly ONE = new Decimal(UNIT);
  static readonly HUNDRED = new Decimal(100 * UNIT);

  private constructor(readonly units: number) {}

  static fromUnits(units: number | bigint): Decimal {
    const value = typeof units === 'bigint' ? Number(units) : units;
    if (!Number.isSafeInteger(value) || (typeof units === 'bigint' && BigInt(value) !== units)) {
      throw new RangeError(`decimal out of range: ${String(units)} millionths`);
    }
    // -0 and 0 are the same number of points.
    return value === 0 ? Decimal.ZERO : new Decimal(value);
  }

  static fromInt(value: number | bigint): Decimal {
    return Decimal.fromUnits(typeof value === 'bigint' ? value * UNIT_BIG : value * UNIT);
  }

  /**
   * Reads a number written either way Vietnamese offices write it: "4,5" or "4.5", or a JSON
   * number. Thousands separators are refused because "1.234" would be ambiguous.
   */
  static parse(input: string | number): ParseResult<Decimal> {
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) return { ok: false, reason: 'không phải là số hữu hạn' };
      if (Number.isInteger(input) && Math.abs(input) <= MAX_UNITS / UNIT) {
        return { ok: true, value: Decimal.fromUnits(input * UNIT) };
      }
      return Decimal.parse(numberToPlainString(input));
    }
    const text = input.trim().replace(/\s+/g, '');
    if (text === '') return { ok: false, reason: 'đang để trống' };
    const match = DECIMAL_TEXT.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      return { ok: false, reason: `"${input}" không phải là số` };
    }
    const [, sign, whole = '', fraction = ''] = match;
    if (fraction.length > SCALE) {
      return { ok: false, reason: `"${input}" có quá ${SCALE} chữ số thập phân` };
    }
    const units = BigInt(whole || '0') * UNIT_BIG + BigInt(fraction.padEnd(SCALE, '0') || '0');
    if (units > BigInt(MAX_UNITS)) return { ok: false, reason: `"${input}" quá lớn` };
    return { ok: true, value: Decimal.fromUnits(sign === '-' ? -units : units) };
  }

  /** Like {@link parse} but throws; for literals in code and tests. */
  static of(input: string | number): Decimal {
    const result = Decimal.parse(input);
    if (!result.ok) throw new RangeError(result.reason);
    return result.value;
  }

  plus(other: Decimal): Decimal {
    return Decimal.fromUnits(this.units + other.units);
  }

  minus(other: Decimal): Decimal {
    return Decimal.fromUnits(this.units - other.units);
  }

  negate(): Decimal {
    return Decimal.fromUnits(-this.units);
  }

  timesInt(factor: number): Decimal {
    return Decimal.fromUnits(this.units * factor);
  }

  compare(other: Decimal): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.units === other.units;
  }

  lt(other: Decimal): boolean {
    return this.units < other.units;
  }

  lte(other: Decimal): boolean {
    return this.units <= other.units;
  }

  gt(other: Decimal): boolean {
    return this.units > other.units;
  }

  gte(other: Decimal): boolean {
    return this.units >= other.units;
  }

  isZero(): boolean {
    return this.units === 0;
  }

  isNegative(): boolean {
    return this.units < 0;
  }

  min(other: Decimal): Decimal {
    return this.units <= other.units ? this : other;
  }

  max(other: Decimal): Decimal {
    return this.units >= other.units ? this : other;
  }

  /** True when this value is a whole multiple of `step` (e.g. manual points in steps of 0,25). */
  isMultipleOf(step: Decimal): boolean {
    return step.units === 0 || this.units % step.units === 0;
  }

  toRatio(): Ratio {
    return Ratio.of(BigInt(this.units), UNIT_BIG);
  }

  /** Number of fractional digits actually used (0 to 6). */
  fractionDigits(): number {
    let units = Math.abs(this.units);
    let digits = SCALE;
    while (digits > 0 && units % 10 === 0) {
      units /= 10;
      digits -= 1;
    }
    return digits;
  }

  /** Canonical machine form: "78.422", "-0.5", "100". Never rounded. */
  toString(): string {
    const negative = this.units < 0;
    const abs = Math.abs(this.units);
    const whole = Math.floor(abs / UNIT);
    const fraction = String(abs % UNIT)
      .padStart(SCALE, '0')
      .replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }

  /** Exact as a JSON number: six fractional digits always survive the round trip. */
  toNumber(): number {
    return Number(this.toString());
  }

  toJSON(): string {
    return this.toString();
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let units = 0;
    for (const value of values) units += value.units;
    return Decimal.fromUnits(units);
  }
}

function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form only appears for very small or very large numbers; toFixed keeps up to 20
  // digits, enough to let parse() report "too many decimals" instead of misreading.
  return value.toFixed(20).replace(/\.?0+$/, '');
}
