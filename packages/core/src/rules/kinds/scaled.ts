import { Decimal } from '../../decimal/decimal.js';
import { Ratio } from '../../decimal/ratio.js';
import {
  DISPLAY_DECIMALS,
  formatNumber,
  formatPercent,
  formatThreshold,
} from '../../format/format.js';
import type { FactsOf } from '../facts-schema.js';
import {
  exact,
  missing,
  quantize,
  scored,
  type LeafOutcome,
  type RuleContext,
} from '../outcome.js';
import type { ExternalIndexRule, LowerUnitsRule, RelativeToBestRule, SurveyRule } from '../rule.js';

export function evaluateRelativeToBest(
  rule: RelativeToBestRule,
  facts: FactsOf<'relativeToBest'>,
  ctx: RuleContext,
): LeafOutcome {
  const best = ctx.best;
  if (best === undefined) return missing('Chưa có giá trị so sánh của nhóm');
  const value = facts.value;
  let share: Ratio;
  if (rule.higherIsBetter) {
    share = best.isZero() ? Ratio.ZERO : value.toRatio().dividedBy(best);
  } else {
    share = value.isZero() ? Ratio.ONE : best.toRatio().dividedBy(value);
  }
  const points = quantize(ctx.maxPoints.toRatio().times(share.min(Ratio.ONE)), ctx);
  return scored(points, ctx, () => {
    const formula = rule.higherIsBetter
      ? `${exact(value)} ÷ ${exact(best)} (cao nhất trong nhóm)`
      : `${exact(best)} (thấp nhất trong nhóm) ÷ ${exact(value)}`;
    return `${formula} = ${formatPercent(share.times(Decimal.HUNDRED))}`;
  });
}

/** The best value among peers for a relativeToBest leaf. */
export function bestValue(
  rule: RelativeToBestRule,
  values: readonly Decimal[],
): Decimal | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => (rule.higherIsBetter ? a.max(b) : a.min(b)));
}

export function evaluateExternalIndex(
  rule: ExternalIndexRule,
  facts: FactsOf<'externalIndex'>,
  ctx: RuleContext,
): LeafOutcome {
  const value = facts.value;
  const share = value.dividedBy(rule.fullAt).min(Ratio.ONE);
  const points = quantize(ctx.maxPoints.toRatio().times(share), ctx);
  return scored(points, ctx, () => {
    const exactValue = value.toExactDecimal();
    const shown =
      exactValue !== undefined
        ? exact(exactValue)
        : formatNumber(value, { maxDecimals: DISPLAY_DECIMALS, minDecimals: DISPLAY_DECIMALS });
    return `Chỉ số đạt ${shown}/${exact(rule.fullAt)}`;
  });
}

export function evaluateLowerUnits(
  rule: LowerUnitsRule,
  facts: FactsOf<'lowerUnits'>,
  ctx: RuleContext,
): LeafOutcome {
  const count = facts.percents.length;
  if (count === 0) return missing('Chưa có kết quả của đơn vị cấp dưới');
  let share: Ratio;
  let reason: () => string;
  switch (rule.aggregate) {
    case 'mean': {
      const mean = Decimal.sum(facts.percents).toRatio().dividedBy(Decimal.fromInt(count));
      share = mean.dividedBy(Decimal.HUNDRED);
      reason = () => `Bình quân chỉ số của ${count} đơn vị cấp dưới ${formatPercent(mean)}`;
      break;
    }
    case 'min': {
      const lowest = facts.percents.reduce((a, b) => a.min(b));
      share = lowest.toRatio().dividedBy(Decimal.HUNDRED);
      reason = () => `Chỉ số thấp nhất trong ${count} đơn vị cấp dưới ${formatPercent(lowest)}`;
      break;
    }
    case 'shareAtLeast': {
      const threshold = rule.thresholdPercent ?? Decimal.ZERO;
      const reached = facts.percents.filter((p) => p.gte(threshold)).length;
      share = Ratio.of(reached, count);
      reason = () =>
        `${reached}/${count} đơn vị cấp dưới đạt từ ${formatThreshold(threshold)} trở lên`;
      break;
    }
    case 'shareInBand': {
      const band = rule.band ?? '';
      const bands = facts.bands;
      if (bands === undefined) return missing('Chưa có nhóm xếp loại của đơn vị cấp dưới');
      const inBand = facts.percents.filter((_p, i) => bands[i] === band).length;
      share = Ratio.of(inBand, count);
      reason = () => `${inBand}/${count} đơn vị cấp dưới thuộc nhóm "${band}"`;
      break;
    }
  }
  return scored(quantize(ctx.maxPoints.toRatio().times(share), ctx), ctx, reason);
}

export function evaluateSurvey(
  rule: SurveyRule,
  facts: FactsOf<'survey'>,
  ctx: RuleContext,
): LeafOutcome {
  let weighted = Ratio.ZERO;
  let weights = Decimal.ZERO;
  const answered: { label: string; mean: Ratio; weight: Decimal }[] = [];
  for (const group of rule.groups) {
    const answer = facts.groups[group.group];
    // A group with no valid answers drops out and the others' weights are renormalised.
    if (answer?.mean === undefined || answer.responses === 0 || answer.answers === 0) continue;
    weighted = weighted.plus(answer.mean.times(group.weight));
    weights = weights.plus(group.weight);
    answered.push({ label: group.label, mean: answer.mean, weight: group.weight });
  }
  if (weights.isZero()) return missing('Chưa có phiếu khảo sát hợp lệ');
  const mean = weighted.dividedBy(weights);
  const points = quantize(ctx.maxPoints.toRatio().times(mean).dividedBy(Decimal.HUNDRED), ctx);
  return scored(points, ctx, () => {
    const weightShown = rule.groups.length > 1;
    const parts = answered.map(
      (a) => `${a.label} ${formatPercent(a.mean)}${weightShown ? ` × ${exact(a.weight)}` : ''}`,
    );
    const summary =
      parts.length > 1 ? `${parts.join('; ')} → bình quân ${formatPercent(mean)}` : parts[0];
    return `Khảo sát: ${summary ?? ''}`;
  });
}
