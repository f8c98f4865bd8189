import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
import { DomainError } from '../errors.js';
import { formatPercent } from '../format/format.js';
import { computeResults } from '../results/compute-results.js';
import { DEFAULT_POLICY } from '../results/policy.js';
import { evaluateRule } from '../rules/evaluate-rule.js';
import { ruleSchema } from '../rules/rule-schema.js';
import { frameworkOf, unitOf } from '../test-support/factories.js';
import { parQuestionnaire, sipasQuestionnaire } from '../test-support/surveys.js';
import { sipasFacts, sipasIndex } from './sipas.js';
import { groupMean, surveyLeafFacts, tallyResponses, type Tally } from './tally.js';

const twoGroups = {
  kind: 'survey',
  groups: [
    { group: 'daiBieu', label: 'Đại biểu HĐND', weight: 1 },
    { group: 'nguoiDan', label: 'Người dân', weight: 2 },
  ],
};

function points(rule: unknown, facts: unknown, max: string): string {
  const outcome = evaluateRule(ruleSchema.parse(rule), facts, {
    maxPoints: Decimal.of(max),
    pointsDecimals: 3,
  });
  return outcome.status === 'scored' ? outcome.points.toString() : outcome.status;
}

// Delegates: C1 and C2 feed 1.1, C3 (optional) feeds 1.2. Citizens: N1 feeds 1.1.
const delegates = parQuestionnaire('daiBieu', [
  ['C1', '1.1'],
  ['C2', '1.1'],
  ['C3', '1.2', true],
]);
const citizens = parQuestionnaire('nguoiDan', [['N1', '1.1']]);
// A = 100, B = 60, C = 20, D = 0.
const delegateTally = tallyResponses(delegates, [
  [1, 2, 1], // 100, 60 | 100
  [2, 3, 0], // 60, 20  | blank
  [4, 1, 2], // 0, 100  | 60
]);
const citizenTally = tallyResponses(citizens, [[1], [1], [3], [2]]); // 100 100 20 60

describe('surveyLeafFacts: exact sums per leaf and group', () => {
  const facts = surveyLeafFacts([
    { questionnaire: delegates, tally: delegateTally },
    { questionnaire: citizens, tally: citizenTally },
  ]);

  it.each([
    ['1.1', 'daiBieu', { weightSum: '340', answers: 6, responses: 3 }],
    ['1.1', 'nguoiDan', { weightSum: '280', answers: 4, responses: 4 }],
    ['1.2', 'daiBieu', { weightSum: '160', answers: 2, responses: 3 }],
  ])('leaf %s, group %s', (leaf, group, expected) => {
    expect(facts.get(leaf)?.groups[group]).toEqual(expected);
  });

  it('has no facts for a group that asks nothing about the leaf', () => {
    expect(Object.keys(facts.get('1.2')?.groups ?? {})).toEqual(['daiBieu']);
  });

  it('adds up several forms of the same group', () => {
    const second = parQuestionnaire('daiBieu', [['X1', '1.2']]);
    const more = surveyLeafFacts([
      { questionnaire: delegates, tally: delegateTally },
      { questionnaire: second, tally: tallyResponses(second, [[3], [3]]) },
    ]);
    expect(more.get('1.2')?.groups.daiBieu).toEqual({
      weightSum: '200',
      answers: 4,
      responses: 5,
    });
  });

  it('keeps fractional weights exact', () => {
    const q = parQuestionnaire('a', [['C1', '1.1']]);
    q.questions[0]!.options[1]!.weight = Decimal.of('33,333333');
    const f = surveyLeafFacts([{ questionnaire: q, tally: { responses: 3, counts: [[0, 3]] } }]);
    expect(f.get('1.1')?.groups.a?.weightSum).toBe('99.999999');
  });

  it('ignores SIPAS forms', () => {
    const s = sipasQuestionnaire([['S1', 'tiepCan']]);
    expect(surveyLeafFacts([{ questionnaire: s, tally: tallyResponses(s, [[1]]) }]).size).toBe(0);
  });

  it('gives the exact group mean', () => {
    expect(groupMean(facts.get('1.1')!.groups.daiBieu!)!.equals(Ratio.of(170, 3))).toBe(true);
    expect(groupMean({ weightSum: '0', answers: 0, responses: 2 })).toBeUndefined();
  });
});

describe('survey rule on tallied facts', () => {
  const facts = surveyLeafFacts([
    { questionnaire: delegates, tally: delegateTally },
    { questionnaire: citizens, tally: citizenTally },
  ]);

  it('weights two groups 1 and 2 exactly: 18,5 × (340/6 × 1 + 70 × 2) ÷ 3 ÷ 100', () => {
    // (170/3 + 140) / 3 = 590/9 %; 18,5 × 590/900 = 12,12777… → 12,128.
    expect(points(twoGroups, facts.get('1.1'), '18,5')).toBe('12.128');
  });

  it('drops a group without answers and renormalises', () => {
    // Only delegates answered about 1.2: 160/2 = 80% of 2.
    expect(points(twoGroups, facts.get('1.2'), '2')).toBe('1.6');
    expect(
      points(
        twoGroups,
        { groups: { daiBieu: { weightSum: 0, answers: 0, responses: 5 }, nguoiDan: { mean: 50 } } },
        '4',
      ),
    ).toBe('2');
  });

  it('is missing when no group answered', () => {
    expect(points(twoGroups, { groups: { daiBieu: { weightSum: 0, answers: 0 } } }, '4')).toBe(
      'missing',
    );
  });

  it('explains with the exact means', () => {
    const outcome = evaluateRule(ruleSchema.parse(twoGroups), facts.get('1.1'), {
      maxPoints: Decimal.of('18,5'),
      pointsDecimals: 3,
    });
    expect(outcome.explain()).toBe(
      'Khảo sát: Đại biểu HĐND 56,67% × 1; Người dân 70,00% × 2 → bình quân 65,56% → 12,128/18,5',
    );
  });

  it('does not round the mean before weighting', () => {
    // 2/3 answers of 100: mean 66,666…%; × 3 points = 2 exactly, not 1,99999.
    const rule = { kind: 'survey', groups: [{ group: 'a' }] };
    expect(points(rule, { groups: { a: { weightSum: 200, answers: 3 } } }, '3')).toBe('2');
  });

  it.each([
    [{ groups: { a: {} } }, 'facts.groups.a', 'a cần điểm bình quân, hoặc tổng trọng số'],
    [
      { groups: { a: { mean: 50, weightSum: 50, answers: 1 } } },
      'facts.groups.a.mean',
      'không ghi cả hai',
    ],
    [
      { groups: { a: { weightSum: 50 } } },
      'facts.groups.a.answers',
      'a — số câu trả lời: bắt buộc',
    ],
    [{ groups: { a: { answers: 2 } } }, 'facts.groups.a.weightSum', 'bắt buộc'],
    [{ groups: { a: { weightSum: '200,5', answers: 2 } } }, 'facts.groups.a.weightSum', '100 ×'],
    [{ groups: { a: { weightSum: -1, answers: 2 } } }, 'facts.groups.a.weightSum', 'không được âm'],
  ])('rejects %j', (facts, path, message) => {
    const rule = ruleSchema.parse({ kind: 'survey', groups: [{ group: 'a' }] });
    try {
      evaluateRule(rule, facts, { maxPoints: Decimal.ONE, pointsDecimals: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const issues = (error as DomainError).issues;
      expect(issues.map((i) => i.path)).toContain(path);
      expect(issues.find((i) => i.path === path)?.message).toContain(message);
    }
  });

  it('gives the same points from exact facts as from the exact mean (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        (counts, max) => {
          const answers = counts.reduce((a, b) => a + b, 0);
          fc.pre(answers > 0);
          const weightSum = counts[0]! * 100 + counts[1]! * 60 + counts[2]! * 20;
          const rule = { kind: 'survey', groups: [{ group: 'a' }] };
          const got = points(rule, { groups: { a: { weightSum, answers } } }, String(max));
          const expected = Ratio.of(weightSum * max, answers * 100)
            .round(3)
            .toString();
          expect(got).toBe(expected);
        },
      ),
    );
  });
});

describe('externalIndex facts: value or numerator ÷ denominator', () => {
  const rule = { kind: 'externalIndex' };
  it.each([
    [{ value: '75,1' }, '10', '7.51'],
    [{ numerator: '185', denominator: '2' }, '10', '9.25'],
    [{ numerator: 14350, denominator: 149 }, '10', '9.631'],
    [{ numerator: '1000', denominator: '9' }, '10', '10'],
    [{ numerator: '0', denominator: '7' }, '10', '0'],
    // Beyond 2⁵³: 9007199254740993 / 18014398509481986 = 0,5 (%), of 100 → 0,005 × 10 = 0,05.
    [{ numerator: '9007199254740993', denominator: '18014398509481986' }, '10', '0.05'],
  ])('%j of max %s gives %s', (facts, max, expected) => {
    expect(points(rule, facts, max)).toBe(expected);
  });

  it('explains a fraction with two decimals', () => {
    const outcome = evaluateRule(
      ruleSchema.parse(rule),
      { numerator: '14350', denominator: '149' },
      { maxPoints: Decimal.of(10), pointsDecimals: 3 },
    );
    expect(outcome.explain()).toBe('Chỉ số đạt 96,31/100 → 9,631/10');
  });

  it.each([
    [{}, 'facts.value', 'bắt buộc'],
    [{ value: 5, numerator: 1, denominator: 2 }, 'facts.value', 'không ghi cả hai'],
    [{ numerator: '1' }, 'facts.denominator', 'bắt buộc'],
    [{ denominator: '1' }, 'facts.numerator', 'bắt buộc'],
    [{ numerator: '1', denominator: '0' }, 'facts.denominator', 'Mẫu số của chỉ số phải lớn hơn 0'],
    [{ numerator: '1.5', denominator: '2' }, 'facts.numerator', 'số nguyên không âm'],
    [{ numerator: -1, denominator: 2 }, 'facts.numerator', 'số nguyên không âm'],
  ])('rejects %j', (facts, path, message) => {
    try {
      evaluateRule(ruleSchema.parse(rule), facts, { maxPoints: Decimal.ONE, pointsDecimals: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const issue = (error as DomainError).issues.find((i) => i.path === path);
      expect(issue?.message).toContain(message);
    }
  });
});

/** A tally of one question per element: [satisfied, not satisfied] answers each. */
function sipasTally(perElement: [satisfied: number, other: number][]): Tally {
  return {
    responses: Math.max(...perElement.map(([s, o]) => s + o)),
    counts: perElement.map(([s, o]) => [s, 0, 0, o]),
  };
}

describe('sipasIndex', () => {
  const elements = sipasQuestionnaire([
    ['S1', 'tiepCan'],
    ['S2', 'thuTuc'],
  ]);

  it('counts "rất hài lòng" and "hài lòng" as satisfied, per element', () => {
    const index = sipasIndex(elements, {
      responses: 100,
      counts: [
        [50, 40, 8, 2],
        [20, 37, 3, 0],
      ],
    });
    expect(
      index.elements.map((e) => [
        e.key,
        e.label,
        e.satisfied,
        e.answered,
        formatPercent(e.percent!),
      ]),
    ).toEqual([
      ['tiepCan', 'Tiếp cận dịch vụ hành chính công', 90, 100, '90,00%'],
      ['thuTuc', 'Thủ tục hành chính', 57, 60, '95,00%'],
    ]);
    // Mean of elements: (90 + 95) / 2 = 92,5%.
    expect(index.overall!.equals(Decimal.of('92,5'))).toBe(true);
    expect(index.target.toString()).toBe('95');
    expect(index.met).toBe(false);
    expect(sipasFacts(index)).toEqual({ numerator: '185', denominator: '2' });
  });

  it('pools all answers when asked: 147 / 160 = 91,875%', () => {
    const pooled = sipasQuestionnaire(
      [
        ['S1', 'tiepCan'],
        ['S2', 'thuTuc'],
      ],
      { formula: 'pooled' },
    );
    const index = sipasIndex(pooled, {
      responses: 100,
      counts: [
        [50, 40, 8, 2],
        [20, 37, 3, 0],
      ],
    });
    expect(index.overall!.equals(Decimal.of('91,875'))).toBe(true);
    expect(sipasFacts(index)).toEqual({ numerator: '735', denominator: '8' });
  });

  // "met" is strictly above the target (seed 002: "trên 95%", "trên 85%").
  it.each([
    ['regular', 'meanOfElements', [[95, 5]], false],
    ['regular', 'meanOfElements', [[96, 4]], true],
    ['regular', 'meanOfElements', [[9499, 501]], false],
    ['regular', 'meanOfElements', [[9501, 499]], true],
    ['regular', 'pooled', [[95, 5]], false],
    ['regular', 'pooled', [[190, 9]], true],
    ['spot', 'meanOfElements', [[85, 15]], false],
    ['spot', 'meanOfElements', [[8501, 1499]], true],
    ['spot', 'pooled', [[17, 3]], false],
    ['spot', 'pooled', [[86, 14]], true],
    // Two elements at 200/200 and 90/100: mean 95% (not met), pooled 290/300 = 96,67% (met).
    [
      'regular',
      'meanOfElements',
      [
        [200, 0],
        [90, 10],
      ],
      false,
    ],
    [
      'regular',
      'pooled',
      [
        [200, 0],
        [90, 10],
      ],
      true,
    ],
  ] as const)('%s, %s: %j → met %s', (mode, formula, counts, met) => {
    const q = sipasQuestionnaire(
      counts.map((_, i) => [`S${i + 1}`, i === 0 ? 'tiepCan' : 'ketQua']),
      { mode, formula },
    );
    const index = sipasIndex(q, sipasTally(counts.map(([s, o]) => [s, o])));
    expect(index.target.toString()).toBe(mode === 'regular' ? '95' : '85');
    expect(index.met).toBe(met);
  });

  it('keeps an explicit target', () => {
    const q = sipasQuestionnaire([['S1', 'tiepCan']], { mode: 'spot', target: '90' });
    expect(sipasIndex(q, sipasTally([[91, 9]])).met).toBe(true);
    expect(sipasIndex(q, sipasTally([[90, 10]])).met).toBe(false);
  });

  it('has no overall and no facts without answers; an unanswered element drops out', () => {
    const empty = sipasIndex(elements, { responses: 0, counts: [] });
    expect(empty.overall).toBeUndefined();
    expect(empty.met).toBeUndefined();
    expect(sipasFacts(empty)).toBeUndefined();
    const one = sipasIndex(elements, {
      responses: 3,
      counts: [
        [3, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
    expect(one.elements[1]!.percent).toBeUndefined();
    expect(one.overall!.equals(Decimal.HUNDRED)).toBe(true);
  });

  it('gives 0 as 0/1', () => {
    const index = sipasIndex(elements, sipasTally([[0, 4]]));
    expect(sipasFacts(index)).toEqual({ numerator: '0', denominator: '1' });
  });
});

describe('end to end: tallies → facts → computeResults', () => {
  const framework = frameworkOf([
    ['1', '20,5'],
    ['1.1', '18,5', ruleSchema.parse(twoGroups)],
    ['1.2', '2', ruleSchema.parse(twoGroups)],
    ['2', '10'],
    ['2.1', '10', ruleSchema.parse({ kind: 'externalIndex' })],
  ]);
  const sipas = sipasQuestionnaire(
    [
      ['S1', 'tiepCan'],
      ['S2', 'thuTuc'],
    ],
    { leafCode: '2.1' },
  );
  const sipasTallied: Tally = {
    responses: 100,
    counts: [
      [50, 40, 8, 2],
      [20, 37, 3, 0],
    ],
  };

  it('scores the unit to the hand-computed points', () => {
    const leafFacts = surveyLeafFacts([
      { questionnaire: delegates, tally: delegateTally },
      { questionnaire: citizens, tally: citizenTally },
      { questionnaire: sipas, tally: sipasTallied },
    ]);
    const facts: Record<string, unknown> = Object.fromEntries(leafFacts);
    facts[sipas.sipas!.leafCode!] = sipasFacts(sipasIndex(sipas, sipasTallied));
    const results = computeResults({
      framework,
      policy: DEFAULT_POLICY,
      units: [unitOf({ id: 'so-a', facts })],
    });
    const unit = results.units[0]!;
    // 1.1: 12,128 (above); 1.2: 80% of 2 = 1,6; 2.1: 92,5% of 10 = 9,25.
    expect(unit.areas.map((a) => `${a.code}: ${a.points.toString()}`)).toEqual([
      '1: 13.728',
      '2: 9.25',
    ]);
    expect(unit.points.toString()).toBe('22.978');
    expect(unit.maxPoints.toString()).toBe('30.5');
  });
});
