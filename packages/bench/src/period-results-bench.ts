import { buildFramework, Decimal, DEFAULT_POLICY, type FrameworkNodeInput } from '@chiso/core';
import type { EntryRow } from '../../server/dist/repositories/entries.js';
import type { FrameworkRow } from '../../server/dist/repositories/frameworks.js';
import type { UnitRow } from '../../server/dist/repositories/units.js';
import {
  assemblePeriodResults,
  type PeriodData,
} from '../../server/dist/use-cases/results/period-results.js';
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
 * The period's results as publication computes them inside its transaction (both sides, each
 * leaf's story, the JSON), without the database reads: doubling the units should about double
 * the time. Before entries were grouped once, 4.000 units took 10 s and 8.000 took 40 s.
 */
export function benchPeriodResults(): string {
  const figures: Figure[] = [];
  for (const units of [1000, 2000, 4000, 8000]) {
    const data = period(units);
    figures.push(
      measure(
        `Kết quả kỳ đánh giá trước công bố: ${units.toLocaleString('vi-VN')} xã × 90 tiêu chí`,
        3,
        () => {
          assemblePeriodResults(data);
        },
      ),
    );
  }
  return `Công bố không bị treo (cả hai phía, câu chuyện từng tiêu chí, JSON)\n${report(figures)}`;
}
