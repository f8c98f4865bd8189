import { Decimal } from '../decimal/decimal.js';
import { SCALE, UNIT } from '../decimal/scale.js';
import { parseCount } from './parse-input.js';

/**
 * Pieces of hand-written readers that return what a zod schema would, or undefined whenever
 * they are not sure; the schema then parses and words the problem. Used where zod's
 * generality costs most of the time: the facts and points of thousands of units.
 */

/** A plain object (from JSON or a literal), which every zod object and record accepts. */
export function plainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A plain object holding no key but the given ones (a zod strict object's shape). */
export function knownKeys(
  value: unknown,
  keys: readonly string[],
): Record<string, unknown> | undefined {
  if (!plainObject(value)) return undefined;
  for (const key of Object.keys(value)) if (!keys.includes(key)) return undefined;
  return value;
}

/**
 * A plain object used as a record with keys of its own choosing. Keys that zod treats
 * specially ("__proto__" is never copied, an own "constructor" makes it no plain object) are
 * left to zod.
 */
export function freeRecord(value: unknown): Record<string, unknown> | undefined {
  if (
    !plainObject(value) ||
    Object.hasOwn(value, '__proto__') ||
    Object.hasOwn(value, 'constructor')
  ) {
    return undefined;
  }
  return value;
}

/** `z.string().trim().min(1)`. */
export function trimmedText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length > 0 ? text : undefined;
}

/** Plain digits with at most six decimals and nine whole digits: millionths stay exact. */
const PLAIN_DECIMAL = /^(\d{1,9})(?:[.,](\d{1,6}))?$/;

/**
 * `decimalInput`. Plain text such as "0,75" is read with number arithmetic (exact within
 * these bounds) instead of Decimal.parse's big integers; the rest goes to Decimal.parse.
 */
export function decimalValue(value: unknown): Decimal | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (typeof value === 'string' || !Number.isInteger(value)) {
    const match = PLAIN_DECIMAL.exec(typeof value === 'string' ? value : String(value));
    if (match) {
      const fraction = match[2] ?? '';
      return Decimal.fromUnits(
        Number(match[1]) * UNIT + (fraction === '' ? 0 : Number(fraction.padEnd(SCALE, '0'))),
      );
    }
  }
  const parsed = Decimal.parse(value);
  return parsed.ok ? parsed.value : undefined;
}

/** `decimalInput` refined to be zero or more. */
export function nonNegativeValue(value: unknown): Decimal | undefined {
  const parsed = decimalValue(value);
  return parsed === undefined || parsed.isNegative() ? undefined : parsed;
}

/** `countInput`. */
export function countValue(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const parsed = parseCount(value);
  return parsed.ok ? parsed.value : undefined;
}
