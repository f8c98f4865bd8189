import { Decimal } from '../../decimal/decimal.js';
import type { Ratio } from '../../decimal/ratio.js';
import { formatNumber, formatPercent, formatThreshold } from '../../format/format.js';
import type { FactsOf } from '../facts-schema.js';
import { exact, quantize, scored, type LeafOutcome, type RuleContext } from '../outcome.js';
import type { ProportionalRule, RatioBandsRule, ZeroDenominator } from '../rule.js';

/** "574/596 = 96,31%": the numbers as written, the percentage rounded for reading. */
function describeRatio(numerator: Decimal, denominator: Decimal, percent: Ratio): string {
  const show = (d: Decimal) => formatNumber(d, { maxDecimals: Decimal.SCALE, minDecimals: 0 });
  return `${show(numerator)}/${show(denominator)} = ${formatPercent(percent)}`;
}

function zeroDenominator(mode: ZeroDenominator, ctx: RuleContext): LeafOutcome {
  const reason = 'Không phát sinh (mẫu số bằng 0)';
  switch (mode) {
    case 'full':
      return scored(ctx.maxPoints, ctx, reason);
    case 'zero':
      return scored(Decimal.ZERO, ctx, reason);
    case 'notApplicable':
      return { status: 'notApplicable', explanation: `${reason}: không tính điểm tiêu chí này` };
  }
}

function percentOf(facts: FactsOf<'ratioBands'>): Ratio {
  return facts.numerator.toRatio().times(Decimal.HUNDRED).dividedBy(facts.denominator);
}

export function evaluateRatioBands(
  rule: RatioBandsRule,
  facts: FactsOf<'ratioBands'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.denominator.isZero()) return zeroDenominator(rule.whenZeroDenominator, ctx);
  const percent = percentOf(facts);
  const ratioText = describeRatio(facts.numerator, facts.denominator, percent);
  const index = rule.bands.findIndex((band) =>
    band.inclusive ? percent.gte(band.minPercent) : percent.gt(band.minPercent),
  );
  const band = index >= 0 ? rule.bands[index] : undefined;
  const above = index > 0 ? rule.bands[index - 1] : undefined;
  const lowest = rule.bands[rule.bands.length - 1];
  let condition: string;
  if (band === undefined) {
    condition = lowest
      ? `${lowest.inclusive ? '<' : '≤'} ${formatThreshold(lowest.minPercent)}`
      : '';
  } else if (above === undefined) {
    condition = `${band.inclusive ? '≥' : '>'} ${formatThreshold(band.minPercent)}`;
  } else if (band.minPercent.isZero() && band.inclusive) {
    condition = `${above.inclusive ? '<' : '≤'} ${formatThreshold(above.minPercent)}`;
  } else {
    condition = `${band.inclusive ? '≥' : '>'} ${formatThreshold(band.minPercent)} và ${above.inclusive ? '<' : '≤'} ${formatThreshold(above.minPercent)}`;
  }
  const points = band ? ctx.maxPoints.min(band.points) : Decimal.ZERO;
  return scored(points, ctx, `${ratioText} ${condition}`);
}

export function evaluateProportional(
  rule: ProportionalRule,
  facts: FactsOf<'proportional'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.denominator.isZero()) return zeroDenominator(rule.whenZeroDenominator, ctx);
  const percent = percentOf(facts);
  const ratioText = describeRatio(facts.numerator, facts.denominator, percent);
  if (percent.gte(rule.fullAtPercent)) {
    const target = rule.fullAtPercent.equals(Decimal.HUNDRED)
      ? ''
      : ` ≥ ${formatThreshold(rule.fullAtPercent)}`;
    return scored(ctx.maxPoints, ctx, `${ratioText}${target}`);
  }
  const points = quantize(
    ctx.maxPoints.toRatio().times(percent).dividedBy(rule.fullAtPercent),
    ctx,
  );
  const formula = rule.fullAtPercent.equals(Decimal.HUNDRED)
    ? `${exact(ctx.maxPoints)} × ${formatPercent(percent)}`
    : `${exact(ctx.maxPoints)} × ${formatPercent(percent)} ÷ ${formatThreshold(rule.fullAtPercent)}`;
  return scored(points, ctx, `${ratioText}; ${formula}`);
}
