import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { buildFramework } from '../framework/build-framework.js';
import { DomainError, formatIssue } from '../errors.js';
import { computeResults } from '../results/compute-results.js';
import { DEFAULT_POLICY } from '../results/policy.js';
import type { UnitInput } from '../results/score-unit.js';
import { parseFrameworkTable } from '../tabular/framework-table.js';
import { cellDecimal } from '../tabular/table.js';
import { frameworkOf, SMALL_FRAMEWORK, unitOf } from '../test-support/factories.js';
import { SEED_004_ROWS, SEED_004_TABLE } from '../test-support/seed-004.js';
import { planForUnit } from './build-plan.js';
import { planAreaSummary, planRowSummary } from './plan-text.js';
import { presentPlan } from './present-plan.js';

const table = parseFrameworkTable(
  { sheet: 'Phụ lục', rows: SEED_004_TABLE },
  { name: 'Cấp huyện' },
);
const framework = buildFramework(table.framework);
const d = (text: string) => Decimal.of(text);

/** Đắk Glong's 2023 points, with some leaves changed: the peers of the what-if. */
function district(id: string, changes: Record<string, string> = {}): UnitInput {
  const points = new Map(
    framework.leaves.map((leaf) => [leaf.code, table.achieved.get(leaf.code) ?? Decimal.ZERO]),
  );
  for (const [code, value] of Object.entries(changes)) points.set(code, d(value));
  return {
    id,
    name: `UBND huyện ${id}`,
    group: 'huyen',
    type: undefined,
    points,
    facts: new Map(),
    notApplicable: new Set(),
  };
}

// Totals: Tuy Đức 81,88; Krông Nô 80,922; Đắk Song 80,422; Cư Jút 79,422; Đắk Glong 78,422;
// Đắk Mil 77,422.
const results = computeResults({
  framework,
  policy: DEFAULT_POLICY,
  units: [
    district('Đắk Glong'),
    district('Tuy Đức', { '7.2': '4' }),
    district('Krông Nô', { '3.7': '3' }),
    district('Cư Jút', { '6.4': '1' }),
    district('Đắk Mil', { '8.1': '6.51' }),
    district('Đắk Song', { '5.1': '2' }),
  ],
});
const plan = planForUnit(framework, results, 'Đắk Glong', { targets: table.targets });
const row = (code: string) => {
  const found = plan.rows.find((r) => r.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

describe('the improvement plan of seed 004 (Đắk Glong 2023, 78,42/100)', () => {
  it('has the unit at 78,422 points, fifth of six', () => {
    expect(plan.unit.points.toString()).toBe('78.422');
    expect([plan.unit.rank, plan.unit.groupSize]).toEqual([5, 6]);
  });

  it('has every row of the appendix in its order, with max, points and lost as printed', () => {
    // The last row is the printed total (TỔNG ĐIỂM), not a node.
    const printed = SEED_004_ROWS.filter((cells) => cells[0] !== null).map((cells) => {
      const max = cellDecimal(cells[2] ?? null);
      const achieved = cellDecimal(cells[3] ?? null);
      if (!max.ok || !achieved.ok) throw new Error('bad fixture');
      return [
        String(cells[0]),
        max.value.toString(),
        achieved.value.toString(),
        max.value.minus(achieved.value).toString(),
      ];
    });
    expect(
      plan.rows.map((r) => [
        r.code,
        r.maxPoints?.toString(),
        r.points?.toString(),
        r.lost.toString(),
      ]),
    ).toEqual(printed);
    expect(plan.rows).toHaveLength(53);
  });

  it('keeps rows with nothing lost and marks them', () => {
    expect(row('1.1')).toMatchObject({ nothingLost: true, lost: Decimal.ZERO });
    expect(row('4').nothingLost).toBe(true);
    expect(row('1').nothingLost).toBe(false);
    expect(plan.rows.filter((r) => r.nothingLost).map((r) => r.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.7',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
      '3.3',
      '3.5',
      '4',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '5.2',
      '5.3',
      '5.4',
      '6.2',
      '8.2',
      '8.4',
    ]);
    expect(planRowSummary(row('1.1'))).toBe('không mất điểm (đơn vị đạt 78,42 điểm, hạng 5)');
  });

  it('7.2 at its max: 0,542 → 4 adds 3,458 = 81,88, level with Tuy Đức, so first (a tie shares the rank)', () => {
    const r = row('7.2');
    expect([r.lost, r.target, r.gain].map(String)).toEqual(['3.458', '4', '3.458']);
    expect(r.pointsIfTarget?.toString()).toBe('81.88');
    expect(r.percentIfTarget?.round(6).toString()).toBe('81.88');
    expect([r.rankIfTarget, r.rankChangeIfTarget]).toEqual([1, 4]);
    expect(planRowSummary(r)).toBe('đạt mục tiêu → 81,88 điểm, hạng 1 (tăng 4 bậc)');
  });

  it('3.7 at its max: 0,5 → 3 adds 2,5 = 80,922, level with Krông Nô, below Tuy Đức only: second', () => {
    const r = row('3.7');
    expect(r.pointsIfTarget?.toString()).toBe('80.922');
    expect([r.rankIfTarget, r.rankChangeIfTarget]).toEqual([2, 3]);
    expect(planRowSummary(r)).toBe('đạt mục tiêu → 80,92 điểm, hạng 2 (tăng 3 bậc)');
  });

  it('1.6 at its max adds 0,5 = 78,922: still below Cư Jút (79,422), so still fifth', () => {
    expect([row('1.6').pointsIfTarget?.toString(), row('1.6').rankIfTarget]).toEqual(['78.922', 5]);
  });

  it("2.1's target is the district's own 2,5 = its points: no gain, the current rank", () => {
    const r = row('2.1');
    expect([r.target?.toString(), r.gain?.toString(), r.targetGiven]).toEqual(['2.5', '0', true]);
    expect([r.pointsIfTarget?.toString(), r.rankIfTarget]).toEqual(['78.422', 5]);
    expect(planRowSummary(r)).toBe(
      'mục tiêu bằng điểm đạt được → 78,42 điểm, hạng 5 (giữ nguyên hạng)',
    );
  });

  it('an area reaching its target means its whole subtree does: area 7 at 15,5 gives 86,288, first', () => {
    const r = row('7');
    expect([r.lost.toString(), r.pointsIfTarget?.toString(), r.rankIfTarget]).toEqual([
      '7.866',
      '86.288',
      1,
    ]);
    // Area 2's printed target is 11 although 2.1 aims at 2,5: each row stands on its own.
    expect(row('2').pointsIfTarget?.toString()).toBe('78.922');
  });

  it('summarises each area as seed 003 does', () => {
    expect(planAreaSummary(plan.areas[2]!)).toBe(
      'Lĩnh vực 3: CẢI CÁCH THỦ TỤC HÀNH CHÍNH đạt 13,57/17 điểm, hạng 2/6',
    );
    // Each peer differs in one area: Krông Nô is above in 3, Đắk Song in 5, Cư Jút in 6, Tuy Đức
    // in 7, Đắk Mil below in 8; everyone else ties with Đắk Glong.
    expect(plan.areas.map((a) => a.rank)).toEqual([1, 1, 2, 1, 2, 2, 2, 1]);
  });

  it('prints numbers as chiso results does', () => {
    const json = presentPlan(plan);
    expect(json.rows.find((r) => r.code === '3.6')).toMatchObject({
      maxPoints: 2,
      points: 1.636,
      lost: 0.364,
      target: 2,
      gain: 0.364,
      pointsIfTarget: 78.786,
      percentIfTarget: 78.786,
      rankIfTarget: 5,
      lastYearPoints: null,
    });
  });
});

describe('targets', () => {
  const small = frameworkOf(SMALL_FRAMEWORK);
  const smallResults = computeResults({
    framework: small,
    policy: DEFAULT_POLICY,
    units: [
      unitOf({ id: 'a', points: { '1.1': '2', '1.2': '6', '2.1': '5' } }),
      unitOf({ id: 'b', points: { '1.1': '4', '1.2': '6', '2.1': '7' }, notApplicable: ['2'] }),
    ],
  });
  const rejected = (unitId: string, targets: [string, string][]) => {
    try {
      planForUnit(small, smallResults, unitId, {
        targets: new Map(targets.map(([k, v]) => [k, d(v)])),
        targetsPath: 'units[0].targets',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).issues.map(formatIssue);
    }
    throw new Error('expected the targets to be rejected');
  };

  it('rejects an unknown code and a target above the max, naming the code', () => {
    expect(
      rejected('a', [
        ['1.3', '1'],
        ['1.1', '4,5'],
        ['2', '11'],
      ]),
    ).toEqual([
      'units[0].targets.1.3: không có tiêu chí mã 1.3 trong bộ chỉ số',
      'units[0].targets.1.1: mục tiêu 4,5 điểm của tiêu chí 1.1 vượt điểm tối đa 4',
      'units[0].targets.2: mục tiêu 11 điểm của lĩnh vực 2 vượt điểm tối đa 10',
    ]);
  });

  it('rejects a target on a node that does not apply to the unit', () => {
    expect(rejected('b', [['2.1', '8']])).toEqual([
      'units[0].targets.2.1: tiêu chí 2.1 không áp dụng đối với đơn vị nên không đặt mục tiêu',
    ]);
  });

  it('a target below the points is a planned decline: negative gain, the rank it would give', () => {
    const p = planForUnit(small, smallResults, 'a', { targets: new Map([['2.1', d('3')]]) });
    const r = p.rows.find((x) => x.code === '2.1')!;
    expect([r.gain?.toString(), r.pointsIfTarget?.toString(), r.rankIfTarget]).toEqual([
      '-2',
      '11',
      2,
    ]);
    expect(planRowSummary(r)).toBe(
      'mục tiêu thấp hơn điểm đạt được → 11,00 điểm, hạng 2 (giữ nguyên hạng)',
    );
    // A parent not given a target aims at its children's: 4 + 6 in area 1, 3 in area 2.
    expect(p.rows.find((x) => x.code === '2')?.target?.toString()).toBe('3');
  });

  it('rows not applicable carry no max, no loss and no target, and say so', () => {
    const p = planForUnit(small, smallResults, 'b');
    const r = p.rows.find((x) => x.code === '2.1')!;
    expect([r.applicable, r.maxPoints, r.lost.toString(), r.target, r.rankIfTarget]).toEqual([
      false,
      undefined,
      '0',
      undefined,
      undefined,
    ]);
    expect(planRowSummary(r)).toBe('Không áp dụng đối với đơn vị');
    // b has 10/10 on what applies: first, and nothing to gain.
    expect(p.unit.rank).toBe(1);
  });

  it('takes last year by code and sums parents from known children', () => {
    const p = planForUnit(small, smallResults, 'a', {
      lastYear: new Map([
        ['1.1', d('3')],
        ['1.2', d('5,5')],
        ['2.1', null],
      ]),
    });
    expect(p.rows.map((r) => r.lastYearPoints?.toString() ?? null)).toEqual([
      '8.5',
      '3',
      '5.5',
      null,
      null,
    ]);
  });

  it('names an unknown unit', () => {
    expect(() => planForUnit(small, smallResults, 'c')).toThrow(
      'Không có đơn vị "c" trong kết quả',
    );
  });
});
