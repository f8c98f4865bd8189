import { Decimal } from '../../decimal/decimal.js';
import type { FactsOf } from '../facts-schema.js';
import { exact, type LeafOutcome, type RuleContext, scored } from '../outcome.js';
import type { BonusPenaltyRule, DeductionRule, PerItemRule } from '../rule.js';

export function evaluatePerItem(
  rule: PerItemRule,
  facts: FactsOf<'perItem'>,
  ctx: RuleContext,
): LeafOutcome {
  const cap = (rule.cap ?? ctx.maxPoints).min(ctx.maxPoints);
  const earned = rule.pointsPerItem.timesInt(facts.count);
  const reason = `${facts.count} × ${exact(rule.pointsPerItem)} = ${exact(earned)}`;
  return earned.gt(cap)
    ? scored(cap, ctx, `${reason}, tối đa ${exact(cap)}`)
    : scored(earned, ctx, reason);
}

export function evaluateDeduction(
  rule: DeductionRule,
  facts: FactsOf<'deduction'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.occurrences === 0) return scored(ctx.maxPoints, ctx, 'Không có trường hợp bị trừ điểm');
  const deducted = rule.pointsPerOccurrence.timesInt(facts.occurrences);
  const raw = ctx.maxPoints.minus(deducted);
  const reason = `${facts.occurrences} trường hợp × ${exact(rule.pointsPerOccurrence)} = trừ ${exact(deducted)}`;
  return raw.lt(rule.minPoints)
    ? scored(rule.minPoints, ctx, `${reason}, không thấp hơn ${exact(rule.minPoints)}`)
    : scored(raw, ctx, reason);
}

export function evaluateBonusPenalty(
  rule: BonusPenaltyRule,
  facts: FactsOf<'bonusPenalty'>,
  _ctx: RuleContext,
): LeafOutcome {
  const bonus = facts.bonus.min(rule.bonusCap);
  const penalty = facts.penalty.min(rule.penaltyCap);
  const points = bonus.minus(penalty);
  const parts = [
    `thưởng ${exact(facts.bonus)}${facts.bonus.gt(rule.bonusCap) ? ` (tối đa ${exact(rule.bonusCap)})` : ''}`,
    `trừ ${exact(facts.penalty)}${facts.penalty.gt(rule.penaltyCap) ? ` (tối đa ${exact(rule.penaltyCap)})` : ''}`,
  ];
  const sign = points.gt(Decimal.ZERO) ? '+' : '';
  return {
    status: 'scored',
    points,
    explanation: `Điểm ${parts.join(', ')} → ${sign}${exact(points)} (ngoài thang điểm)`,
  };
}
