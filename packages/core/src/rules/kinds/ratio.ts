import { Decimal } from '../../decimal/decimal.js';
import type { Ratio } from '../../decimal/ratio.js';
import { formatPercent, formatThreshold } from '../../format/format.js';
import type { FactsOf } from '../facts-schema.js';
import {
  exact,
  notApplicable,
  quantize,
  scored,
  type LeafOutcome,
  type RuleContext,
} from '../outcome.js';
import type { ProportionalRule, RatioBand, RatioBandsRule, ZeroDenominator } from '../rule.js';

/** "574/596 = 96,31%": the numbers as written, the percentage rounded for reading. */
function describeRatio(facts: FactsOf<'ratioBands'>, percent: Ratio): string {
  return `${exact(facts.numerator)}/${exact(facts.denominator)} = ${formatPercent(percent)}`;
}

function zeroDenominator(mode: ZeroDenominator, ctx: RuleContext): LeafOutcome {
  const reason = 'Không phát sinh (mẫu số bằng 0)';
  switch (mode) {
    case 'full':
      return scored(ctx.maxPoints, ctx, () => reason);
    case 'zero':
      return scored(Decimal.ZERO, ctx, () => reason);
    case 'notApplicable':
      return notApplicable(() => `${reason}: không tính điểm tiêu chí này`);
  }
}

function percentOf(facts: FactsOf<'ratioBands'>): Ratio {
  return facts.numerator.toRatio().times(Decimal.HUNDRED).dividedBy(facts.denominator);
}

/** "< 100%", "≥ 90%", "≥ 70% và < 90%": where the ratio fell among the bands. */
function describeBand(bands: readonly RatioBand[], index: number): string {
  const band = index >= 0 ? bands[index] : undefined;
  const above = index > 0 ? bands[index - 1] : undefined;
  const lowest = bands[bands.length - 1];
  const below = (b: RatioBand) => `${b.inclusive ? '<' : '≤'} ${formatThreshold(b.minPercent)}`;
  const atLeast = (b: RatioBand) => `${b.inclusive ? '≥' : '>'} ${formatThreshold(b.minPercent)}`;
  if (band === undefined) return lowest ? below(lowest) : '';
  if (above === undefined) return atLeast(band);
  if (band.minPercent.isZero() && band.inclusive) return below(above);
  return `${atLeast(band)} và ${below(above)}`;
}

export function evaluateRatioBands(
  rule: RatioBandsRule,
  facts: FactsOf<'ratioBands'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.denominator.isZero()) return zeroDenominator(rule.whenZeroDenominator, ctx);
  const percent = percentOf(facts);
  const index = rule.bands.findIndex((band) =>
    band.inclusive ? percent.gte(band.minPercent) : percent.gt(band.minPercent),
  );
  const band = rule.bands[index];
  const points = band ? ctx.maxPoints.min(band.points) : Decimal.ZERO;
  return scored(
    points,
    ctx,
    () => `${describeRatio(facts, percent)} ${describeBand(rule.bands, index)}`,
  );
}

export function evaluateProportional(
  rule: ProportionalRule,
  facts: FactsOf<'proportional'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.denominator.isZero()) return zeroDenominator(rule.whenZeroDenominator, ctx);
  const percent = percentOf(facts);
  const plainPercent = rule.fullAtPercent.equals(Decimal.HUNDRED);
  if (percent.gte(rule.fullAtPercent)) {
    return scored(ctx.maxPoints, ctx, () => {
      const target = plainPercent ? '' : ` ≥ ${formatThreshold(rule.fullAtPercent)}`;
      return `${describeRatio(facts, percent)}${target}`;
    });
  }
  const points = quantize(
    ctx.maxPoints.toRatio().times(percent).dividedBy(rule.fullAtPercent),
    ctx,
  );
  return scored(points, ctx, () => {
    const formula = `${exact(ctx.maxPoints)} × ${formatPercent(percent)}`;
    const target = plainPercent ? '' : ` ÷ ${formatThreshold(rule.fullAtPercent)}`;
    return `${describeRatio(facts, percent)}; ${formula}${target}`;
  });
}
