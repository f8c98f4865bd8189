import { buildFramework, Decimal, DEFAULT_POLICY, type FrameworkNodeInput } from '@chiso/core';
import type { EntryRow } from '../../server/dist/repositories/entries.js';
import type { FrameworkRow } from '../../server/dist/repositories/frameworks.js';
import type { UnitRow } from '../../server/dist/repositories/units.js';
import {
  assemblePeriodResults,
  type PeriodData,
} from '../../server/dist/use-cases/results/period-results.js';
import { vn } from './cli-bench.js';
import { measure, report, type Figure } from './measure.js';

const AREAS = 9;
const LEAVES = 10;

/** Nine areas of `leaves` ratio leaves worth one point each (also the national bench's). */
export function frameworkNodes(leaves: number): FrameworkNodeInput[] {
  return Array.from({ length: AREAS }, (_a, a) => [
    { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxPoints: Decimal.fromInt(leaves) },
    ...Array.from({ length: leaves }, (_l, l) => ({
      code: `${a + 1}.${l + 1}`,
      title: `Tiêu chí ${a + 1}.${l + 1}`,
      maxPoints: Decimal.ONE,
      rule: {
        kind: 'ratioBands' as const,
        bands: [
          { minPercent: Decimal.HUNDRED, inclusive: true, points: Decimal.ONE },
          { minPercent: Decimal.fromInt(95), inclusive: true, points: Decimal.of('0.5') },
          { minPercent: Decimal.ZERO, inclusive: true, points: Decimal.ZERO },
        ],
        whenZeroDenominator: 'zero' as const,
      },
    })),
  ]).flat();
}

/**
 * A period as the database would give it: every unit appraised, half its leaves accepted;
 * nine areas of `leaves` leaves each.
 */
export function period(units: number, leaves = LEAVES): PeriodData {
  const framework = buildFramework({ name: 'Bộ chỉ số xã', nodes: frameworkNodes(leaves) });
  const unitRows = Array.from({ length: units }, (_, u): UnitRow => ({
    id: `X${u}`,
    name: `UBND xã ${u}`,
    type: 'xa',
    parentId: null,
    peerGroup: 'xa',
    activeFrom: null,
    activeTo: null,
    createdAt: new Date(0),
  }));
  const entries = unitRows.flatMap((unit, u) =>
    framework.leaves.map((leaf, l): EntryRow => {
      const facts = { numerator: 560 + ((u * 7 + l * 3) % 40), denominator: 600 };
      return {
        periodId: 'p',
        unitId: unit.id,
        code: leaf.code,
        facts,
        appraisalKind: l % 2 === 0 ? 'accepted' : null,
        appraisedFacts: l % 2 === 0 ? facts : null,
        appraisedPoints: null,
        appraisalComment: null,
      } as EntryRow;
    }),
  );
  return {
    links: [{ unitType: 'xa', frameworkId: 'f' }],
    frameworks: new Map([
      ['f', { row: { id: 'f' } as FrameworkRow, framework, policy: DEFAULT_POLICY }],
    ]),
    participations: unitRows.map((u) => ({ unitId: u.id })),
    units: unitRows,
    entries,
    lineage: [],
    previous: new Map(),
    surveys: { surveys: [], tallies: new Map(), computedAt: null },
  };
}

/**
 * The same period the year after a merger (the 2025 reorganisation): every unit new, formed
 * from two of last year's, whose published results it is compared with through lineage.
 */
export function mergedPeriod(units: number): PeriodData {
  const data = period(units);
  const lineage = data.units.map((u, i) => ({ id: u.id, from: [`C${2 * i}`, `C${2 * i + 1}`] }));
  const previous = Array.from({ length: 2 * units }, (_, i) => ({
    id: `C${i}`,
    percent: Decimal.fromInt(60 + (i % 35)),
    rank: (i % units) + 1,
    areas: new Map([['1', Decimal.fromInt(70 + (i % 25))]]),
  }));
  return { ...data, lineage, previous: new Map([['xa', previous]]) };
}

/**
 * The period's results as publication computes them inside its transaction (both sides, each
 * leaf's story, the JSON), without the database reads: doubling the units should about double
 * the time, which the last column shows (time per unit against the 1.000 units' figure). As
 * filed in issue 14, before entries were grouped once: 0,65 s at 1.000 units, 10 s at 4.000,
 * 40 s at 8.000; before lineage was indexed (decision 0046), a merged period searched the
 * whole lineage for every unit.
 */
export function benchPeriodResults(): string {
  const sizes = process.env.CHISO_BENCH_QUICK === '1' ? [1000, 4000] : [1000, 4000, 8000];
  const lines: string[] = [];
  for (const [label, make] of [
    ['', period],
    [', năm sau sáp nhập (mỗi xã so với đơn vị cũ qua kế thừa)', mergedPeriod],
  ] as const) {
    const figures: Figure[] = [];
    for (const units of sizes) {
      const data = make(units);
      figures.push(
        measure(
          `Kết quả kỳ đánh giá trước công bố${label}: ${units.toLocaleString('vi-VN')} xã × 90 tiêu chí`,
          // The larger sizes once after the warm-up: each is seconds, and doubling is the point.
          units > 1000 ? 1 : 3,
          () => {
            assemblePeriodResults(data);
          },
        ),
      );
    }
    lines.push(report(figures));
    const base = figures[0];
    if (base) {
      lines.push('    con số | sàn (1.000 xã × số lần) | tỉ lệ');
      figures.forEach((f, i) => {
        const floor = (base.medianMs * (sizes[i] ?? 0)) / (sizes[0] ?? 1);
        lines.push(`    ${vn(f.medianMs)} ms | ${vn(floor)} ms | ${vn(f.medianMs / floor, 2)} ×`);
      });
    }
  }
  return `Công bố không bị treo (cả hai phía, câu chuyện từng tiêu chí, JSON)\n${lines.join('\n')}`;
}
