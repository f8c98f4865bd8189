/** Fractional digits every Decimal carries: points are exact to the millionth. */
export const SCALE = 6;
export const UNIT = 10n ** BigInt(SCALE);
