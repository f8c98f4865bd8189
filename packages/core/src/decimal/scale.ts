/** Fractional digits every Decimal carries: points are exact to the millionth. */
export const SCALE = 6;
/** Millionths in one: a Decimal's units are integers of 10⁻⁶. */
export const UNIT = 1_000_000;
export const UNIT_BIG = 1_000_000n;
/** Largest magnitude a Decimal holds exactly (about nine billion). */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;
