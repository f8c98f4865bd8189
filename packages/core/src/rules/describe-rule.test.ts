import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { describeRule } from './describe-rule.js';
import type { RatioBandsRule } from './rule.js';

const d = (value: string) => Decimal.of(value);

function bands(...rows: [string, boolean, string][]): RatioBandsRule {
  return {
    kind: 'ratioBands',
    bands: rows.map(([minPercent, inclusive, points]) => ({
      minPercent: d(minPercent),
      inclusive,
      points: d(points),
    })),
    whenZeroDenominator: 'full',
  };
}

describe('describeRule for ratio bands', () => {
  it('names what lies below the lowest band', () => {
    expect(describeRule(bands(['100', true, '1'], ['80', true, '0.5']), d('1'))).toBe(
      '≥ 100%: 1 điểm; ≥ 80%: 0,5 điểm; thấp hơn: 0 điểm',
    );
  });

  it('says nothing below a last band that starts at 0% inclusive', () => {
    expect(describeRule(bands(['90', false, '2'], ['0', true, '1']), d('2'))).toBe(
      '> 90%: 2 điểm; ≥ 0%: 1 điểm',
    );
  });
});
