import { Decimal } from '../../decimal/decimal.js';
import type { FactsOf } from '../facts-schema.js';
import { exact, scored, type LeafOutcome, type RuleContext } from '../outcome.js';
import type { BonusPenaltyRule, DeductionRule, PerItemRule } from '../rule.js';

export function evaluatePerItem(
  rule: PerItemRule,
  facts: FactsOf<'perItem'>,
  ctx: RuleContext,
): LeafOutcome {
  const cap = (rule.cap ?? ctx.maxPoints).min(ctx.maxPoints);
  const earned = rule.pointsPerItem.timesInt(facts.count);
  const reason = () => `${facts.count} × ${exact(rule.pointsPerItem)} = ${exact(earned)}`;
  return earned.gt(cap)
    ? scored(cap, ctx, () => `${reason()}, tối đa ${exact(cap)}`)
    : scored(earned, ctx, reason);
}

export function evaluateDeduction(
  rule: DeductionRule,
  facts: FactsOf<'deduction'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.occurrences === 0) {
    return scored(ctx.maxPoints, ctx, () => 'Không có trường hợp bị trừ điểm');
  }
  const deducted = rule.pointsPerOccurrence.timesInt(facts.occurrences);
  const raw = ctx.maxPoints.minus(deducted);
  const reason = () =>
    `${facts.occurrences} trường hợp × ${exact(rule.pointsPerOccurrence)} = trừ ${exact(deducted)}`;
  return raw.lt(rule.minPoints)
    ? scored(rule.minPoints, ctx, () => `${reason()}, không thấp hơn ${exact(rule.minPoints)}`)
    : scored(raw, ctx, reason);
}

export function evaluateBonusPenalty(
  rule: BonusPenaltyRule,
  facts: FactsOf<'bonusPenalty'>,
): LeafOutcome {
  const bonus = facts.bonus.min(rule.bonusCap);
  const penalty = facts.penalty.min(rule.penaltyCap);
  const points = bonus.minus(penalty);
  return {
    status: 'scored',
    points,
    explain: () => {
      const cap = (value: Decimal, max: Decimal) =>
        `${exact(value)}${value.gt(max) ? ` (tối đa ${exact(max)})` : ''}`;
      const sign = points.gt(Decimal.ZERO) ? '+' : '';
      return `Điểm thưởng ${cap(facts.bonus, rule.bonusCap)}, trừ ${cap(facts.penalty, rule.penaltyCap)} → ${sign}${exact(points)} (ngoài thang điểm)`;
    },
  };
}
