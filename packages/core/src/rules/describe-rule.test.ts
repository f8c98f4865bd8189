import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { describeRule } from './describe-rule.js';
import type { RatioBandsRule } from './rule.js';
import { ruleSchema } from './rule-schema.js';

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

describe('describeRule for lower units', () => {
  it('names the aggregate and the published source', () => {
    expect(
      describeRule({ kind: 'lowerUnits', aggregate: 'mean', source: { unitType: 'xa' } }, d('1.5')),
    ).toBe(
      '1,5 điểm × bình quân chỉ số của các đơn vị cấp dưới (lấy từ kết quả đã công bố của UBND xã, cùng năm với kỳ đánh giá)',
    );
    expect(
      describeRule(
        {
          kind: 'lowerUnits',
          aggregate: 'shareInBand',
          band: 'Tốt',
          source: { unitType: 'xa', year: 2024 },
        },
        d('1'),
      ),
    ).toBe(
      '1 điểm × tỷ lệ đơn vị cấp dưới thuộc nhóm "Tốt" (lấy từ kết quả đã công bố của UBND xã, năm 2024)',
    );
  });

  it('names every unit type a source takes (a thị xã’s wards beside communes)', () => {
    expect(
      describeRule(
        {
          kind: 'lowerUnits',
          aggregate: 'mean',
          source: { unitType: 'xa', alsoUnitTypes: ['phuong'], year: 2024 },
        },
        d('1.5'),
      ),
    ).toBe(
      '1,5 điểm × bình quân chỉ số của các đơn vị cấp dưới (lấy từ kết quả đã công bố của UBND xã và UBND phường, năm 2024)',
    );
    expect(
      ruleSchema.safeParse({
        kind: 'lowerUnits',
        source: { unitType: 'xa', alsoUnitTypes: ['phuong', 'thitran'] },
      }).success,
    ).toBe(true);
    expect(
      ruleSchema.safeParse({ kind: 'lowerUnits', source: { unitType: 'xa', alsoUnitTypes: [''] } })
        .success,
    ).toBe(false);
  });
});
