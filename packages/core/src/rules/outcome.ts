import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import { formatExact } from '../format/format.js';

/**
 * What a leaf comes to for one unit. The Vietnamese explanation is built only when asked for
 * (`explain()`): ranking thousands of units needs the points, not the sentences.
 */
export type LeafOutcome =
  | { status: 'scored'; points: Decimal; explain: () => string }
  /** The leaf does not apply: its max leaves the unit's denominator. */
  | { status: 'notApplicable'; explain: () => string }
  /** Nothing entered yet: counts as 0 points, and is reported. */
  | { status: 'missing'; explain: () => string };

export interface RuleContext {
  maxPoints: Decimal;
  /** Fractional digits the framework keeps for computed points (half away from zero). */
  pointsDecimals: number;
  /** Best value in the unit's peer group, for relativeToBest leaves. */
  best?: Decimal | undefined;
}

/** Exact points with a decimal comma, no rounding: "1,636", "0,95", "2". */
export const exact = formatExact;

export function outOf(points: Decimal, max: Decimal): string {
  return `${exact(points)}/${exact(max)}`;
}

/** Points with the reason they came out so: "<reason> → 0,95/1". */
export function scored(points: Decimal, ctx: RuleContext, reason: () => string): LeafOutcome {
  const max = ctx.maxPoints;
  return { status: 'scored', points, explain: () => `${reason()} → ${outOf(points, max)}` };
}

export function missing(text: string): LeafOutcome {
  return { status: 'missing', explain: () => text };
}

export function notApplicable(explain: () => string): LeafOutcome {
  return { status: 'notApplicable', explain };
}

/** Brings a computed fraction of points to the framework's stated precision. */
export function quantize(points: Ratio, ctx: RuleContext): Decimal {
  return points.round(ctx.pointsDecimals);
}

/** Facts that parse but make no sense for this leaf; `field` is the key within the facts. */
export class FactsError extends Error {
  override readonly name = 'FactsError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
