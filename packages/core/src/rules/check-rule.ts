import { Decimal } from '../decimal/decimal.js';
import { exact } from './outcome.js';
import type { Rule } from './rule.js';

/** The points a leaf with this rule can hold, for checking points entered directly. */
export function pointsRange(
  rule: Rule | undefined,
  maxPoints: Decimal,
): { min: Decimal; max: Decimal } {
  switch (rule?.kind) {
    case 'bonusPenalty':
      return { min: rule.penaltyCap.negate(), max: rule.bonusCap };
    case 'deduction':
      return { min: rule.minPoints.min(Decimal.ZERO), max: maxPoints };
    case 'noneArose':
    case 'notApplicableWhen':
      return pointsRange(rule.otherwise, maxPoints);
    default:
      return { min: Decimal.ZERO, max: maxPoints };
  }
}

/** Problems of a rule's parameters against its leaf's max, in Vietnamese; empty when sound. */
export function checkRule(rule: Rule, maxPoints: Decimal): string[] {
  const problems: string[] = [];
  const notAboveMax = (value: Decimal, what: string) => {
    if (value.gt(maxPoints)) {
      problems.push(`${what} (${exact(value)}) lớn hơn điểm tối đa ${exact(maxPoints)}`);
    }
  };
  switch (rule.kind) {
    case 'bonusPenalty':
      if (!maxPoints.isZero()) {
        problems.push('điểm thưởng/điểm trừ nằm ngoài thang điểm nên điểm tối đa phải là 0');
      }
      return problems;
    case 'timeliness':
      notAboveMax(rule.latePoints, 'điểm khi hoàn thành chậm');
      notAboveMax(rule.notDonePoints, 'điểm khi không thực hiện');
      break;
    case 'ratioBands':
      rule.bands.forEach((band, i) => {
        notAboveMax(band.points, `điểm của mức thứ ${i + 1}`);
        if (band.points.isNegative()) problems.push(`điểm của mức thứ ${i + 1} không được âm`);
        const previous = rule.bands[i - 1];
        if (previous && !band.minPercent.lt(previous.minPercent)) {
          problems.push('các mức tỷ lệ phải xếp từ cao xuống thấp, không trùng nhau');
        }
      });
      break;
    case 'perItem':
      if (rule.cap) notAboveMax(rule.cap, 'mức trần');
      break;
    case 'deduction':
      notAboveMax(rule.minPoints, 'điểm thấp nhất');
      break;
    case 'survey': {
      const keys = rule.groups.map((g) => g.group);
      if (new Set(keys).size !== keys.length) problems.push('một nhóm đối tượng khảo sát bị lặp');
      break;
    }
    case 'noneArose':
    case 'notApplicableWhen':
      return checkRule(rule.otherwise, maxPoints);
    default:
      break;
  }
  if (maxPoints.isNegative()) problems.push('điểm tối đa không được âm');
  return problems;
}
