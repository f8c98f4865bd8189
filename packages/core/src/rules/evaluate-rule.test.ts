import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { DomainError } from '../errors.js';
import { evaluateRule } from './evaluate-rule.js';
import type { LeafOutcome } from './outcome.js';
import { ruleSchema } from './rule-schema.js';

interface Case {
  name: string;
  rule: unknown;
  max: string;
  facts: unknown;
  best?: string;
  expect: { points?: string; status?: LeafOutcome['status']; explanation?: string };
}

function run(c: Pick<Case, 'rule' | 'max' | 'facts' | 'best'>): LeafOutcome {
  const rule = ruleSchema.parse(c.rule);
  return evaluateRule(rule, c.facts, {
    maxPoints: Decimal.of(c.max),
    pointsDecimals: 3,
    best: c.best === undefined ? undefined : Decimal.of(c.best),
  });
}

const onTimeRatio = {
  kind: 'ratioBands',
  bands: [
    { minPercent: 100, points: 1 },
    { minPercent: 0, points: '0,95' },
  ],
};

/** Every rule shape, with the real cases of the seed 000 appendix where there is one. */
const CASES: Case[] = [
  // 1. pass/fail
  {
    name: 'passFail: passed',
    rule: { kind: 'passFail' },
    max: '1',
    facts: { passed: true },
    expect: { points: '1', explanation: 'Đạt → 1/1' },
  },
  {
    name: 'passFail: failed',
    rule: { kind: 'passFail' },
    max: '1',
    facts: { passed: false },
    expect: { points: '0' },
  },
  {
    name: 'passFail AND: Cà Mau 1.1.2, budget missing',
    rule: { kind: 'passFail', conditions: ['Xác định đủ nhiệm vụ', 'Bố trí kinh phí'] },
    max: '1',
    facts: { conditions: { 'Xác định đủ nhiệm vụ': true, 'Bố trí kinh phí': false } },
    expect: { points: '0', explanation: 'Không đạt: Bố trí kinh phí → 0/1' },
  },
  {
    name: 'passFail AND: all conditions met',
    rule: { kind: 'passFail', conditions: ['A', 'B'] },
    max: '1',
    facts: { conditions: { A: true, B: true } },
    expect: { points: '1' },
  },
  {
    name: 'passFail: nothing entered',
    rule: { kind: 'passFail' },
    max: '1',
    facts: {},
    expect: { status: 'missing' },
  },
  // 2. timeliness — seed 000, 7.1.1: the district's IT plan issued after the province's deadline
  {
    name: 'timeliness: seed 000 7.1.1 issued late',
    rule: { kind: 'timeliness', deadline: '2022-01-31', latePoints: '0,25' },
    max: '0,5',
    facts: { completedOn: '15/02/2022' },
    expect: {
      points: '0.25',
      explanation: 'Hoàn thành ngày 15/02/2022, sau hạn 31/01/2022 → 0,25/0,5',
    },
  },
  {
    name: 'timeliness: on the deadline day counts as on time',
    rule: { kind: 'timeliness', deadline: '2022-01-31', latePoints: '0,25' },
    max: '0,5',
    facts: { completedOn: '2022-01-31' },
    expect: { points: '0.5' },
  },
  {
    name: 'timeliness: Cà Mau 1.1.1 by status',
    rule: { kind: 'timeliness', latePoints: '0,5' },
    max: '1',
    facts: { status: 'notDone' },
    expect: { points: '0', explanation: 'Không thực hiện → 0/1' },
  },
  // 3. required count, each on time — Cà Mau 1.2.1: four periodic reports
  {
    name: 'countOnTime: 4 of 4',
    rule: { kind: 'countOnTime', required: 4 },
    max: '1',
    facts: { onTime: 4 },
    expect: { points: '1' },
  },
  {
    name: 'countOnTime: 3 of 4, all or nothing',
    rule: { kind: 'countOnTime', required: 4 },
    max: '1',
    facts: { onTime: 3 },
    expect: { points: '0' },
  },
  {
    name: 'countOnTime: 3 of 4 with partial credit',
    rule: { kind: 'countOnTime', required: 4, partialCredit: true },
    max: '1',
    facts: { onTime: 3 },
    expect: { points: '0.75' },
  },
  // 4. ratio bands — seed 000, area 3: on-time dossiers below 100% lose 0,05
  {
    name: 'ratioBands: seed 000 district on-time dossiers 574/596',
    rule: onTimeRatio,
    max: '1',
    facts: { numerator: 574, denominator: 596 },
    expect: { points: '0.95', explanation: '574/596 = 96,31% < 100% → 0,95/1' },
  },
  {
    name: 'ratioBands: seed 000 commune on-time dossiers 22.855/23.067',
    rule: onTimeRatio,
    max: '1',
    facts: { numerator: 22855, denominator: 23067 },
    expect: { points: '0.95', explanation: '22.855/23.067 = 99,08% < 100% → 0,95/1' },
  },
  {
    name: 'ratioBands: seed 000 7.3.1 postal procedures 7/301 below 30%',
    rule: { kind: 'ratioBands', bands: [{ minPercent: 30, points: 1 }] },
    max: '1',
    facts: { numerator: 7, denominator: 301 },
    expect: { points: '0', explanation: '7/301 = 2,33% < 30% → 0/1' },
  },
  {
    name: 'ratioBands: seed 000 7.3.3 results by post 38/489 below 20%',
    rule: { kind: 'ratioBands', bands: [{ minPercent: 20, points: '0,5' }] },
    max: '0,5',
    facts: { numerator: 38, denominator: 489 },
    expect: { points: '0', explanation: '38/489 = 7,77% < 20% → 0/0,5' },
  },
  {
    name: 'ratioBands: seed 000 5.7.2 staff with a degree 182/216',
    rule: { kind: 'ratioBands', bands: [{ minPercent: 100, points: '0,25' }] },
    max: '0,25',
    facts: { numerator: 182, denominator: 216 },
    expect: { points: '0', explanation: '182/216 = 84,26% < 100% → 0/0,25' },
  },
  ...(
    [
      ['95', '2', '95/100 = 95,00% > 90% → 2/2'],
      ['90', '1', '90/100 = 90,00% ≥ 70% và ≤ 90% → 1/2'],
      ['70', '1', '70/100 = 70,00% ≥ 70% và ≤ 90% → 1/2'],
      ['69.9', '0', '69,9/100 = 69,90% < 70% → 0/2'],
    ] as const
  ).map(([pct, points, explanation]): Case => ({
    name: `ratioBands: Cà Mau 1.1.4 plan completion ${pct}%`,
    rule: {
      kind: 'ratioBands',
      bands: [
        { minPercent: 90, inclusive: false, points: 2 },
        { minPercent: 70, points: 1 },
      ],
    },
    max: '2',
    facts: { numerator: pct, denominator: 100 },
    expect: { points, explanation },
  })),
  {
    name: 'ratioBands: nothing to count, configured as full points',
    rule: { ...onTimeRatio, whenZeroDenominator: 'full' },
    max: '1',
    facts: { numerator: 0, denominator: 0 },
    expect: { points: '1' },
  },
  {
    name: 'ratioBands: nothing to count, configured as not applicable',
    rule: { ...onTimeRatio, whenZeroDenominator: 'notApplicable' },
    max: '1',
    facts: { numerator: 0, denominator: 0 },
    expect: { status: 'notApplicable' },
  },
  // 5. proportional — seed 004 3.6: apologies sent for 9 of 11 late dossiers → 1,636 of 2
  {
    name: 'proportional: seed 004 3.6 apologies 9/11',
    rule: { kind: 'proportional' },
    max: '2',
    facts: { numerator: 9, denominator: 11 },
    expect: { points: '1.636', explanation: '9/11 = 81,82%; 2 × 81,82% → 1,636/2' },
  },
  {
    name: 'proportional with a target: full at 80%',
    rule: { kind: 'proportional', fullAtPercent: 80 },
    max: '1',
    facts: { numerator: 85, denominator: 100 },
    expect: { points: '1' },
  },
  {
    name: 'proportional with a target: 40% of a 80% target',
    rule: { kind: 'proportional', fullAtPercent: 80 },
    max: '1',
    facts: { numerator: 40, denominator: 100 },
    expect: { points: '0.5' },
  },
  // 6. normalised to the best unit in the peer group
  {
    name: 'relativeToBest: 12 of a best 15',
    rule: { kind: 'relativeToBest' },
    max: '2',
    facts: { value: 12 },
    best: '15',
    expect: { points: '1.6', explanation: '12 ÷ 15 (cao nhất trong nhóm) = 80,00% → 1,6/2' },
  },
  {
    name: 'relativeToBest: lower is better (processing days)',
    rule: { kind: 'relativeToBest', higherIsBetter: false },
    max: '1',
    facts: { value: 4 },
    best: '3',
    expect: { points: '0.75' },
  },
  // 7. points per item with a cap — seed 004 1.7 innovations
  {
    name: 'perItem: 3 initiatives at 1 point, capped at the max 2',
    rule: { kind: 'perItem', pointsPerItem: 1 },
    max: '2',
    facts: { count: 3 },
    expect: { points: '2', explanation: '3 × 1 = 3, tối đa 2 → 2/2' },
  },
  {
    name: 'perItem: 1 initiative at 0,5',
    rule: { kind: 'perItem', pointsPerItem: '0,5', cap: '1,5' },
    max: '2',
    facts: { count: 1 },
    expect: { points: '0.5' },
  },
  // 8. deduction per occurrence — seed 000 1.6.2: one reprimand letter from the province
  {
    name: 'deduction: seed 000 1.6.2 one reprimand letter',
    rule: { kind: 'deduction', pointsPerOccurrence: '0,5' },
    max: '0,5',
    facts: { occurrences: 1 },
    expect: { points: '0', explanation: '1 trường hợp × 0,5 = trừ 0,5 → 0/0,5' },
  },
  {
    name: 'deduction: seed 000 1.6.1 seventeen overdue tasks, floored at 0',
    rule: { kind: 'deduction', pointsPerOccurrence: '0,25' },
    max: '0,5',
    facts: { occurrences: 17 },
    expect: {
      points: '0',
      explanation: '17 trường hợp × 0,25 = trừ 4,25, không thấp hơn 0 → 0/0,5',
    },
  },
  {
    name: 'deduction reaching below the leaf into an extra penalty',
    rule: { kind: 'deduction', pointsPerOccurrence: '0,25', minPoints: '-0,25' },
    max: '0,25',
    facts: { occurrences: 3 },
    expect: { points: '-0.25' },
  },
  {
    name: 'deduction: none',
    rule: { kind: 'deduction', pointsPerOccurrence: 1 },
    max: '2',
    facts: { occurrences: 0 },
    expect: { points: '2' },
  },
  // 9. bonus and penalty outside the 100 points
  {
    name: 'bonusPenalty: capped bonus minus penalty',
    rule: { kind: 'bonusPenalty', bonusCap: 2, penaltyCap: 3 },
    max: '0',
    facts: { bonus: '2,5', penalty: '0,5' },
    expect: {
      points: '1.5',
      explanation: 'Điểm thưởng 2,5 (tối đa 2), trừ 0,5 → +1,5 (ngoài thang điểm)',
    },
  },
  {
    name: 'bonusPenalty: penalty only',
    rule: { kind: 'bonusPenalty', bonusCap: 2, penaltyCap: 3 },
    max: '0',
    facts: { penalty: 4 },
    expect: { points: '-3' },
  },
  // 10. nothing arose → full points
  {
    name: 'noneArose: no complaints in the year',
    rule: { kind: 'noneArose', otherwise: { kind: 'proportional' } },
    max: '1',
    facts: { noneArose: true },
    expect: { points: '1', explanation: 'Không phát sinh, đạt điểm tối đa → 1/1' },
  },
  {
    name: 'noneArose: some arose, inner rule applies',
    rule: { kind: 'noneArose', otherwise: { kind: 'proportional' } },
    max: '1',
    facts: { numerator: 3, denominator: 4 },
    expect: { points: '0.75' },
  },
  // 11. not applicable → out of the denominator
  {
    name: 'notApplicableWhen: Hà Nam, a unit without administrative procedures',
    rule: {
      kind: 'notApplicableWhen',
      condition: 'đơn vị không có TTHC',
      otherwise: { kind: 'passFail' },
    },
    max: '2',
    facts: { notApplicable: true },
    expect: {
      status: 'notApplicable',
      explanation: 'Không áp dụng (đơn vị không có TTHC): 2 điểm không tính vào điểm tối đa',
    },
  },
  {
    name: 'notApplicableWhen: applicable, inner rule applies',
    rule: { kind: 'notApplicableWhen', condition: 'x', otherwise: { kind: 'passFail' } },
    max: '2',
    facts: { passed: true },
    expect: { points: '2' },
  },
  // 12. survey: max × weighted mean of the groups' mean answer weight
  {
    name: 'survey: two groups weighted 1 and 2',
    rule: {
      kind: 'survey',
      groups: [
        { group: 'daiBieu', label: 'Đại biểu HĐND', weight: 1 },
        { group: 'nguoiDan', label: 'Người dân', weight: 2 },
      ],
    },
    max: '10',
    facts: {
      groups: { daiBieu: { mean: 80, responses: 20 }, nguoiDan: { mean: 70, responses: 640 } },
    },
    expect: {
      points: '7.333',
      explanation:
        'Khảo sát: Đại biểu HĐND 80,00% × 1; Người dân 70,00% × 2 → bình quân 73,33% → 7,333/10',
    },
  },
  {
    name: 'survey: a group without answers drops out',
    rule: { kind: 'survey', groups: [{ group: 'a' }, { group: 'b' }] },
    max: '4',
    facts: { groups: { a: { mean: 50, responses: 10 }, b: { mean: 90, responses: 0 } } },
    expect: { points: '2' },
  },
  {
    name: 'survey: no answers yet',
    rule: { kind: 'survey', groups: [{ group: 'a' }] },
    max: '4',
    facts: { groups: {} },
    expect: { status: 'missing' },
  },
  // 13. external index — seed 004 8.1: SIPAS 75,1% → 7,51 of 10
  {
    name: 'externalIndex: seed 004 8.1 SIPAS',
    rule: { kind: 'externalIndex' },
    max: '10',
    facts: { value: '75,1' },
    expect: { points: '7.51', explanation: 'Chỉ số đạt 75,1/100 → 7,51/10' },
  },
  // 14. from lower units — seed 000 8.3: the district scored on its communes' index
  {
    name: 'lowerUnits: mean of the communes',
    rule: { kind: 'lowerUnits' },
    max: '1,5',
    facts: { percents: [80, 90, '85,5'] },
    expect: {
      points: '1.278',
      explanation: 'Bình quân chỉ số của 3 đơn vị cấp dưới 85,17% → 1,278/1,5',
    },
  },
  {
    name: 'lowerUnits: the lowest',
    rule: { kind: 'lowerUnits', aggregate: 'min' },
    max: '1',
    facts: { percents: [80, 60] },
    expect: { points: '0.6' },
  },
  {
    name: 'lowerUnits: share reaching 80%',
    rule: { kind: 'lowerUnits', aggregate: 'shareAtLeast', thresholdPercent: 80 },
    max: '1',
    facts: { percents: [80, 79.99, 95, 60] },
    expect: { points: '0.5' },
  },
  {
    name: 'lowerUnits: share in band "Từ 90% trở lên", fed from published communes',
    rule: {
      kind: 'lowerUnits',
      aggregate: 'shareInBand',
      band: 'Từ 90% trở lên',
      source: { unitType: 'xa', year: 2025 },
    },
    max: '1,5',
    facts: {
      percents: [92, 85, 90],
      bands: ['Từ 90% trở lên', 'Từ 80% đến dưới 90%', 'Từ 90% trở lên'],
    },
    expect: {
      points: '1',
      explanation: '2/3 đơn vị cấp dưới thuộc nhóm "Từ 90% trở lên" → 1/1,5',
    },
  },
  {
    name: 'lowerUnits: share in band without the bands is missing',
    rule: { kind: 'lowerUnits', aggregate: 'shareInBand', band: 'A' },
    max: '1',
    facts: { percents: [92] },
    expect: { status: 'missing' },
  },
  // 15. manual within [0, max] in steps
  {
    name: 'manual: 1,75 in steps of 0,25',
    rule: { kind: 'manual', step: '0,25' },
    max: '2',
    facts: { points: '1,75' },
    expect: { points: '1.75' },
  },
];

describe('evaluateRule: every rule shape', () => {
  it.each(CASES)('$name', (c) => {
    const outcome = run(c);
    if (c.expect.status) expect(outcome.status).toBe(c.expect.status);
    if (c.expect.points !== undefined) {
      expect(outcome.status).toBe('scored');
      if (outcome.status === 'scored') expect(outcome.points.toString()).toBe(c.expect.points);
    }
    if (c.expect.explanation !== undefined) expect(outcome.explain()).toBe(c.expect.explanation);
  });

  it('covers all fifteen kinds', () => {
    const kinds = new Set(CASES.map((c) => (c.rule as { kind: string }).kind));
    expect(kinds.size).toBe(15);
  });
});

describe('evaluateRule: bad facts are refused in Vietnamese, naming the field', () => {
  const refuse = (c: Pick<Case, 'rule' | 'max' | 'facts'>) => {
    try {
      run(c);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).issues;
    }
    throw new Error('expected a DomainError');
  };

  it('numerator above denominator', () => {
    expect(
      refuse({ rule: onTimeRatio, max: '1', facts: { numerator: 600, denominator: 596 } }),
    ).toEqual([
      { path: 'facts.numerator', message: 'Tử số (đạt) không được lớn hơn mẫu số (tổng)' },
    ]);
  });

  it('a word where a number is expected', () => {
    expect(
      refuse({ rule: onTimeRatio, max: '1', facts: { numerator: 'nhiều', denominator: 596 } }),
    ).toEqual([{ path: 'facts.numerator', message: 'Tử số (đạt): "nhiều" không phải là số' }]);
  });

  it('manual points above the max, and off the step', () => {
    expect(refuse({ rule: { kind: 'manual' }, max: '2', facts: { points: 3 } })[0]).toEqual({
      path: 'facts.points',
      message: 'Điểm tự chấm phải từ 0 đến 2 điểm',
    });
    expect(
      refuse({ rule: { kind: 'manual', step: '0,25' }, max: '2', facts: { points: '0,3' } })[0]
        ?.message,
    ).toBe('Điểm tự chấm phải chấm theo bước 0,25 điểm');
  });

  it('a count that is not whole', () => {
    expect(
      refuse({
        rule: { kind: 'deduction', pointsPerOccurrence: 1 },
        max: '1',
        facts: { occurrences: 1.5 },
      })[0],
    ).toEqual({
      path: 'facts.occurrences',
      message: 'Số trường hợp bị trừ điểm: 1.5 không phải là số nguyên không âm',
    });
  });

  it('an unknown field', () => {
    expect(
      refuse({ rule: { kind: 'passFail' }, max: '1', facts: { pased: true } })[0]?.message,
    ).toBe('có trường không được hỗ trợ: pased');
  });

  it('a wrapper flag that is not a boolean', () => {
    expect(
      refuse({
        rule: { kind: 'noneArose', otherwise: { kind: 'passFail' } },
        max: '1',
        facts: { noneArose: 'có' },
      })[0],
    ).toEqual({
      path: 'facts.noneArose',
      message: 'Không phát sinh trong năm phải là đúng/sai (true/false)',
    });
  });
});

describe('ruleSchema', () => {
  it('refuses an unknown kind in Vietnamese-ready form', () => {
    expect(ruleSchema.safeParse({ kind: 'magic' }).success).toBe(false);
  });

  it('requires a threshold for shareAtLeast', () => {
    expect(ruleSchema.safeParse({ kind: 'lowerUnits', aggregate: 'shareAtLeast' }).success).toBe(
      false,
    );
    expect(ruleSchema.safeParse({ kind: 'lowerUnits', aggregate: 'shareInBand' }).success).toBe(
      false,
    );
    const fed = ruleSchema.parse({
      kind: 'lowerUnits',
      source: { unitType: 'xa', periodId: 'p-1' },
    });
    expect(fed).toEqual({
      kind: 'lowerUnits',
      aggregate: 'mean',
      source: { unitType: 'xa', periodId: 'p-1' },
    });
    expect(ruleSchema.safeParse({ kind: 'lowerUnits', source: { unitType: '' } }).success).toBe(
      false,
    );
  });
});
