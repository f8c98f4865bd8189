import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { DomainError } from '../errors.js';
import { buildFramework } from '../framework/build-framework.js';
import { formatPercent, formatPoints } from '../format/format.js';
import { parseFrameworkTable } from '../tabular/framework-table.js';
import { frameworkOf, resultsInputOf, SMALL_FRAMEWORK, unitOf } from '../test-support/factories.js';
import { SEED_004_TABLE } from '../test-support/seed-004.js';
import { computeResults } from './compute-results.js';
import { DEFAULT_POLICY } from './policy.js';
import { presentResults } from './present-results.js';

describe('seed 004: Đắk Glong 2023 reproduced to the digit', () => {
  const table = parseFrameworkTable(
    { sheet: 'Phụ lục', rows: SEED_004_TABLE },
    { name: 'Bộ chỉ số cấp huyện 2023' },
  );
  const framework = buildFramework(table.framework);
  const leafPoints = new Map(
    framework.leaves.map((leaf) => [leaf.code, table.achieved.get(leaf.code) ?? Decimal.ZERO]),
  );
  const results = computeResults({
    framework,
    policy: DEFAULT_POLICY,
    units: [{ ...unitOf({ id: 'dak-glong', name: 'UBND huyện Đắk Glong' }), points: leafPoints }],
  });
  const unit = results.units[0]!;

  it('has 8 areas summing to 100 points', () => {
    expect(framework.areas).toHaveLength(8);
    expect(framework.maxPoints.toString()).toBe('100');
  });

  it('totals 78,422 points, shown as 78,42', () => {
    expect(unit.points.toString()).toBe('78.422');
    expect(unit.maxPoints.toString()).toBe('100');
    expect(formatPoints(unit.points)).toBe('78,42');
    expect(formatPercent(unit.percent!)).toBe('78,42%');
  });

  it('matches every area of the appendix', () => {
    expect(
      unit.areas.map((a) => `${a.code}: ${a.points.toString()}/${a.maxPoints.toString()}`),
    ).toEqual([
      '1: 13.5/14',
      '2: 10.5/11',
      '3: 13.567/17',
      '4: 7.5/7.5',
      '5: 7.25/11',
      '6: 8.961/11',
      '7: 7.634/15.5',
      '8: 9.51/13',
    ]);
    expect(unit.areas.map((a) => formatPercent(a.percent!))).toEqual([
      '96,43%',
      '95,45%',
      '79,81%',
      '100,00%',
      '65,91%',
      '81,46%',
      '49,25%',
      '73,15%',
    ]);
  });

  it('lists the lost points largest first, adding up to 21,578', () => {
    expect(
      unit
        .lostPoints()
        .slice(0, 6)
        .map((l) => `${l.code} ${l.lost.toString()}`),
    ).toEqual(['7.2 3.458', '3.7 2.5', '8.1 2.49', '5.1 2', '7.1 1.908', '7.4 1.5']);
    expect(unit.lostPoints().at(-1)?.code).toBe('6.1');
    expect(Decimal.sum(unit.lostPoints().map((l) => l.lost)).toString()).toBe('21.578');
  });

  it('classifies with the seed 001 defaults: band 70–80 %, digital government flagged', () => {
    expect(unit.band).toBe('Từ 70% đến dưới 80%');
    // Area 7 is at 49,25 %: below the 50 % that "hoàn thành nhiệm vụ" requires of every area.
    expect(unit.headRating).toBe('Không hoàn thành nhiệm vụ');
    expect(unit.flags).toEqual([{ label: DEFAULT_POLICY.flags[0]!.label, areaCodes: ['7'] }]);
    expect(unit.rank).toBe(1);
  });

  it('presents exact numbers in JSON', () => {
    const json = presentResults(framework, results);
    expect(json.units[0]).toMatchObject({
      points: 78.422,
      maxPoints: 100,
      percent: 78.422,
      rank: 1,
    });
    expect(json.units[0]!.areas[0]).toMatchObject({
      code: '1',
      points: 13.5,
      maxPoints: 14,
      percent: 96.428571,
    });
  });
});

/** Areas "3" (max 90) and "7" (max 10), one manual leaf each: totals and area % are set freely. */
const TWO_AREAS = frameworkOf([
  ['3', '90'],
  ['3.1', '90'],
  ['7', '10'],
  ['7.1', '10'],
]);
const rate = (a3: string, a7: string) =>
  computeResults(resultsInputOf(TWO_AREAS, [{ id: 'u', points: { '3.1': a3, '7.1': a7 } }]))
    .units[0]!;

describe('head-of-agency rating (seed 001), at and around every threshold', () => {
  const XS = 'Hoàn thành xuất sắc nhiệm vụ';
  const TOT = 'Hoàn thành tốt nhiệm vụ';
  const HT = 'Hoàn thành nhiệm vụ';
  const KHT = 'Không hoàn thành nhiệm vụ';
  it.each([
    // total %, area 3 points (of 90), area 7 points (of 10) → level
    ['90 % total, areas 90 % and 90 %', '81', '9', XS],
    ['89,999 % total', '80.999', '9', TOT],
    ['98 % total but area 7 at 80 %', '90', '8', XS],
    ['97,99 % total, area 7 at 79,9 % drops one level', '90', '7.99', TOT],
    ['total ≥ 90, area 7 at 70 %', '90', '7', TOT],
    ['total ≥ 90, area 7 at 69,9 % drops two levels', '90', '6.99', HT],
    ['80 % total, areas ≥ 70 %', '72', '8', TOT],
    ['79,999 % total', '71.999', '8', HT],
    ['65 % total, areas ≥ 50 %', '58.5', '6.5', HT],
    ['64,999 % total', '58.499', '6.5', KHT],
    ['total 90 %, area 7 at exactly 50 %', '85', '5', HT],
    ['total ≥ 65 %, area 7 at 49,9 % meets no level', '85', '4.99', KHT],
  ])('%s', (_name, a3, a7, level) => {
    expect(rate(a3, a7).headRating).toBe(level);
  });

  it('says which area held the rating below what the total gives', () => {
    expect(rate('90', '6.99').headRatingNote).toBe(
      `Chỉ số đủ mức "${XS}" nhưng lĩnh vực 7 dưới 80%`,
    );
    expect(rate('81', '9').headRatingNote).toBeUndefined();
    expect(rate('58.499', '6.5').headRatingNote).toBeUndefined();
  });
});

describe('flags (seed 001): TTHC or digital government below 75 %', () => {
  const label = DEFAULT_POLICY.flags[0]!.label;
  it('is not raised at exactly 75 %', () => {
    expect(rate('67.5', '7.5').flags).toEqual([]);
  });
  it('is raised at 74,99 %, naming the area', () => {
    expect(rate('90', '7.499').flags).toEqual([{ label, areaCodes: ['7'] }]);
    expect(rate('67.49', '10').flags).toEqual([{ label, areaCodes: ['3'] }]);
  });
  it('names both areas when both are low', () => {
    expect(rate('10', '1').flags).toEqual([{ label, areaCodes: ['3', '7'] }]);
  });
  it('is not raised for an area that does not apply', () => {
    const results = computeResults(
      resultsInputOf(TWO_AREAS, [{ id: 'u', points: { '3.1': '90' }, notApplicable: ['7'] }]),
    );
    expect(results.units[0]!.flags).toEqual([]);
  });
});

describe('bands', () => {
  it.each([
    ['90', 'Từ 90% trở lên'],
    ['89.999', 'Từ 80% đến dưới 90%'],
    ['80', 'Từ 80% đến dưới 90%'],
    ['70', 'Từ 70% đến dưới 80%'],
    ['69.999', 'Dưới 70%'],
  ])('%s points of 100 → %s', (points, band) => {
    const fw = frameworkOf([['1', '100']]);
    expect(
      computeResults(resultsInputOf(fw, [{ id: 'u', points: { '1': points } }])).units[0]!.band,
    ).toBe(band);
  });
});

describe('ranks within peer groups', () => {
  const fw = frameworkOf(SMALL_FRAMEWORK);
  const scores = (p11: string, p21: string) => ({ '1.1': p11, '1.2': '6', '2.1': p21 });
  const results = computeResults(
    resultsInputOf(fw, [
      { id: 'h1', group: 'huyen', points: scores('4', '8') },
      { id: 'h2', group: 'huyen', points: scores('3', '9') },
      { id: 'h3', group: 'huyen', points: scores('4', '10') },
      { id: 'h4', group: 'huyen', points: scores('1', '7') },
      { id: 's1', group: 'so', points: scores('0', '0') },
      { id: 's2', group: 'so', points: scores('2', '2') },
    ]),
  );
  const byId = new Map(results.units.map((u) => [u.id, u]));

  it('shares a rank on equal values and skips the next', () => {
    expect(['h3', 'h1', 'h2', 'h4'].map((id) => byId.get(id)!.rank)).toEqual([1, 2, 2, 4]);
    expect(byId.get('h1')!.groupSize).toBe(4);
  });

  it('ranks each group apart', () => {
    expect(byId.get('s2')!.rank).toBe(1);
    expect(byId.get('s1')!.rank).toBe(2);
  });

  it('ranks each area among the group', () => {
    expect(byId.get('h1')!.areas.map((a) => a.rank)).toEqual([1, 3]);
    expect(byId.get('h2')!.areas.map((a) => a.rank)).toEqual([3, 2]);
  });

  it('orders the output by group, then rank', () => {
    expect(results.units.map((u) => u.id)).toEqual(['h3', 'h1', 'h2', 'h4', 's2', 's1']);
  });
});

describe('not applicable leaves leave the denominator', () => {
  it('reproduces Thanh Hóa 2023: 68,32 points of an applicable 84 = 81,33 %', () => {
    const fw = frameworkOf([
      ['1', '84'],
      ['1.1', '84'],
      ['2', '16'],
      ['2.1', '16'],
    ]);
    const unit = computeResults(
      resultsInputOf(fw, [{ id: 'bdt', points: { '1.1': '68.32' }, notApplicable: ['2'] }]),
    ).units[0]!;
    expect(unit.maxPoints.toString()).toBe('84');
    expect(formatPercent(unit.percent!)).toBe('81,33%');
    expect(unit.areas[1]).toMatchObject({ applicable: false, percent: undefined, rank: undefined });
  });

  it('applies nodes only to the unit types they name', () => {
    const fw = buildFramework({
      name: 'Thử',
      nodes: [
        { code: '1', title: 'Chung', maxPoints: Decimal.of(10) },
        { code: '2', title: 'Chỉ cấp huyện', maxPoints: Decimal.of(5), appliesTo: ['huyen'] },
      ],
    });
    const results = computeResults(
      resultsInputOf(fw, [
        { id: 'so', type: 'so', points: { '1': '9' } },
        { id: 'huyen', type: 'huyen', points: { '1': '9', '2': '5' } },
      ]),
    );
    const byId = new Map(results.units.map((u) => [u.id, u]));
    expect(byId.get('so')!.maxPoints.toString()).toBe('10');
    expect(byId.get('huyen')!.maxPoints.toString()).toBe('15');
  });

  it('counts an unscored leaf as 0 and reports it missing', () => {
    const fw = frameworkOf(SMALL_FRAMEWORK);
    const unit = computeResults(resultsInputOf(fw, [{ id: 'u', points: { '1.1': '4' } }]))
      .units[0]!;
    expect(unit.points.toString()).toBe('4');
    expect(unit.maxPoints.toString()).toBe('20');
    expect(unit.score.missing).toEqual(['1.2', '2.1']);
  });

  it('leaves a unit with nothing applicable unranked', () => {
    const fw = frameworkOf(SMALL_FRAMEWORK);
    const results = computeResults(
      resultsInputOf(fw, [
        { id: 'a', points: { '1.1': '1' } },
        { id: 'b', notApplicable: ['1', '2'] },
      ]),
    );
    const b = results.units.find((u) => u.id === 'b')!;
    expect(b).toMatchObject({
      percent: undefined,
      rank: undefined,
      band: undefined,
      headRating: undefined,
      headRatingNote: undefined,
    });
    expect(results.units.find((u) => u.id === 'a')!.groupSize).toBe(1);
  });
});

describe('bonus and penalty outside the scale', () => {
  it('adds to the points without adding to the max', () => {
    const fw = buildFramework({
      name: 'Hà Nội 2025',
      nodes: [
        { code: '1', title: 'Nội dung', maxPoints: Decimal.of(100) },
        {
          code: '9',
          title: 'Điểm thưởng, điểm trừ',
          maxPoints: Decimal.ZERO,
          rule: { kind: 'bonusPenalty', bonusCap: Decimal.of(2), penaltyCap: Decimal.of(3) },
        },
      ],
    });
    const unit = computeResults(
      resultsInputOf(fw, [{ id: 'u', points: { '1': '91' }, facts: { '9': { bonus: 1.5 } } }]),
    ).units[0]!;
    expect(unit.points.toString()).toBe('92.5');
    expect(unit.maxPoints.toString()).toBe('100');
    expect(unit.lostPoints().map((l) => l.code)).toEqual(['1']);
  });
});

describe('relative to the best unit of the peer group', () => {
  it('takes the best within each group', () => {
    const fw = frameworkOf([['1', '2', { kind: 'relativeToBest', higherIsBetter: true }]]);
    const results = computeResults(
      resultsInputOf(fw, [
        { id: 'a', group: 'x', facts: { '1': { value: 15 } } },
        { id: 'b', group: 'x', facts: { '1': { value: 12 } } },
        { id: 'c', group: 'y', facts: { '1': { value: 6 } } },
      ]),
    );
    const points = Object.fromEntries(results.units.map((u) => [u.id, u.points.toString()]));
    expect(points).toEqual({ a: '2', b: '1.6', c: '2' });
  });
});

describe('change against the previous period', () => {
  const fw = frameworkOf(SMALL_FRAMEWORK);
  const results = computeResults(
    resultsInputOf(
      fw,
      [
        { id: 'a', points: { '1.1': '4', '1.2': '6', '2.1': '8' } },
        { id: 'b', points: { '1.1': '2', '1.2': '6', '2.1': '9' } },
        { id: 'new', name: 'Xã mới', points: { '1.1': '1', '1.2': '1', '2.1': '1' } },
        { id: 'fresh', points: { '1.1': '1' } },
      ],
      {
        previous: [
          {
            id: 'a',
            percent: Decimal.of('84.2'),
            rank: 5,
            areas: new Map([['1', Decimal.of('92.5')]]),
          },
          { id: 'b', percent: Decimal.of('90'), rank: 1, areas: new Map() },
          { id: 'old1', percent: Decimal.of('50'), rank: 7, areas: new Map() },
          { id: 'old2', percent: Decimal.of('60'), rank: 6, areas: new Map() },
        ],
        lineage: [{ id: 'new', from: ['old9', 'old1', 'old2'], primary: 'old2' }],
      },
    ),
  );
  const byId = new Map(results.units.map((u) => [u.id, u]));

  it('gives rank change (positive = moved up) and % change', () => {
    const a = byId.get('a')!;
    expect(a.rank).toBe(1);
    expect(a.rankChange).toBe(4);
    expect(a.percentChange!.round(6).toString()).toBe('5.8');
    expect(a.areas[0]!.percentChange!.round(6).toString()).toBe('7.5');
    expect(byId.get('b')!.rankChange).toBe(-1);
  });

  it('follows lineage to the primary predecessor', () => {
    expect(byId.get('new')).toMatchObject({ previousId: 'old2', previousRank: 6, rankChange: 3 });
  });

  it('shows no change for a unit without a predecessor', () => {
    expect(byId.get('fresh')).toMatchObject({
      previousId: undefined,
      rankChange: undefined,
      percentChange: undefined,
    });
  });
});

describe('bad input is refused whole, every problem named', () => {
  it('collects the problems of every unit', () => {
    const fw = frameworkOf(SMALL_FRAMEWORK);
    let issues: string[] = [];
    try {
      computeResults(
        resultsInputOf(fw, [
          { id: 'a', points: { '1': '3', '9.9': '1' } },
          { id: 'a', points: { '1.1': '5' } },
          { id: 'c', points: { '1.2': '1' }, facts: { '1.2': { points: 1 } } },
          { id: 'd', facts: { '2.1': { points: 'mười' } } },
        ]),
      );
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      issues = (error as DomainError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(issues).toEqual([
      'units[0].points.1: 1 có mục con; hãy nhập cho từng mục con (1.1, 1.2)',
      'units[0].points.9.9: mã 9.9 không có trong bộ chỉ số',
      'units[1].id: mã đơn vị "a" trùng với units[0]',
      'units[1].points.1.1: 5 điểm nằm ngoài khoảng 0–4 của tiêu chí 1.1',
      'units[2].facts.1.2: tiêu chí 1.2 đã có điểm nhập trực tiếp; chỉ nhập điểm hoặc dữ liệu chấm điểm',
      'units[3].facts.2.1.points: Điểm tự chấm: "mười" không phải là số',
    ]);
  });
});
