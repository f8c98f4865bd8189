import { Decimal } from '../../decimal/decimal.js';
import { Ratio } from '../../decimal/ratio.js';
import { formatDate } from '../../format/format.js';
import type { FactsOf } from '../facts-schema.js';
import {
  exact,
  FactsError,
  missing,
  quantize,
  scored,
  type LeafOutcome,
  type RuleContext,
} from '../outcome.js';
import type { CountOnTimeRule, ManualRule, PassFailRule, TimelinessRule } from '../rule.js';

export function evaluatePassFail(
  rule: PassFailRule,
  facts: FactsOf<'passFail'>,
  ctx: RuleContext,
): LeafOutcome {
  if (rule.conditions.length === 0) {
    if (facts.passed === undefined) return missing('Chưa nhập đạt/không đạt');
    return facts.passed
      ? scored(ctx.maxPoints, ctx, () => 'Đạt')
      : scored(Decimal.ZERO, ctx, () => 'Không đạt');
  }
  const given = facts.conditions ?? {};
  const unanswered = rule.conditions.filter((c) => given[c] === undefined);
  if (facts.passed === undefined && unanswered.length === rule.conditions.length) {
    return missing('Chưa nhập các điều kiện');
  }
  // "passed" alone answers every condition at once, as an appraiser ticking the whole leaf.
  const failed = rule.conditions.filter((c) => (given[c] ?? facts.passed) !== true);
  return failed.length === 0
    ? scored(ctx.maxPoints, ctx, () => `Đạt đủ ${rule.conditions.length} điều kiện`)
    : scored(Decimal.ZERO, ctx, () => `Không đạt: ${failed.join('; ')}`);
}

export function evaluateTimeliness(
  rule: TimelinessRule,
  facts: FactsOf<'timeliness'>,
  ctx: RuleContext,
): LeafOutcome {
  let status = facts.status;
  let reason: (() => string) | undefined;
  const { completedOn } = facts;
  const { deadline } = rule;
  if (completedOn !== undefined && deadline !== undefined) {
    const late = completedOn > deadline;
    if (status !== undefined && status !== (late ? 'late' : 'onTime')) {
      return missing(
        `Mâu thuẫn: ngày hoàn thành ${formatDate(completedOn)} so với hạn ${formatDate(deadline)} không khớp với trạng thái đã nhập`,
      );
    }
    status = late ? 'late' : 'onTime';
    reason = () =>
      `Hoàn thành ngày ${formatDate(completedOn)}, ${late ? 'sau hạn' : 'đúng hạn'} ${formatDate(deadline)}`;
  }
  switch (status) {
    case undefined:
      return missing('Chưa nhập tình trạng thực hiện');
    case 'onTime':
      return scored(ctx.maxPoints, ctx, reason ?? (() => 'Hoàn thành đúng hạn'));
    case 'late':
      return scored(ctx.maxPoints.min(rule.latePoints), ctx, reason ?? (() => 'Hoàn thành chậm'));
    case 'notDone':
      return scored(rule.notDonePoints, ctx, () => 'Không thực hiện');
  }
}

export function evaluateCountOnTime(
  rule: CountOnTimeRule,
  facts: FactsOf<'countOnTime'>,
  ctx: RuleContext,
): LeafOutcome {
  const reason = `${facts.onTime}/${rule.required} đúng hạn`;
  if (facts.onTime >= rule.required) return scored(ctx.maxPoints, ctx, () => reason);
  if (!rule.partialCredit) {
    return scored(Decimal.ZERO, ctx, () => `${reason}, chưa đủ ${rule.required}`);
  }
  const points = quantize(
    ctx.maxPoints.toRatio().times(Ratio.of(facts.onTime, rule.required)),
    ctx,
  );
  return scored(
    points,
    ctx,
    () => `${reason}: ${exact(ctx.maxPoints)} × ${facts.onTime}/${rule.required}`,
  );
}

export function evaluateManual(
  rule: ManualRule,
  facts: FactsOf<'manual'>,
  ctx: RuleContext,
): LeafOutcome {
  if (facts.points.isNegative() || facts.points.gt(ctx.maxPoints)) {
    throw new FactsError('points', `phải từ 0 đến ${exact(ctx.maxPoints)} điểm`);
  }
  if (rule.step !== undefined && !facts.points.isMultipleOf(rule.step)) {
    throw new FactsError('points', `phải chấm theo bước ${exact(rule.step)} điểm`);
  }
  return scored(facts.points, ctx, () => 'Chấm trực tiếp');
}
