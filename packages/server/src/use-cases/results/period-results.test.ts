import { buildFramework, Decimal, DEFAULT_POLICY } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import {
  counted as deepCounted,
  growth,
  newCounter,
} from '../../../../core/src/test-support/counting.js';
import type { EntryRow } from '../../repositories/entries.js';
import type { FrameworkRow } from '../../repositories/frameworks.js';
import type { UnitRow } from '../../repositories/units.js';
import { assemblePeriodResults, type PeriodData } from './period-results.js';

const LEAVES = 10;

const framework = buildFramework({
  name: 'Bộ chỉ số thử',
  nodes: [
    { code: '1', title: 'Lĩnh vực 1', maxPoints: Decimal.of(LEAVES) },
    ...Array.from({ length: LEAVES }, (_, i) => ({
      code: `1.${i + 1}`,
      title: `Tiêu chí 1.${i + 1}`,
      maxPoints: Decimal.ONE,
      rule: { kind: 'perItem' as const, pointsPerItem: Decimal.of('0.25') },
    })),
  ],
});

/** Counts every element read from an array, however the code walks it. */
function counted<T>(items: T[], counter: { reads: number }): T[] {
  return new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) counter.reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function periodOf(units: number, counter: { reads: number }): PeriodData {
  const unitRows = Array.from({ length: units }, (_, u): UnitRow => ({
    id: `U${u}`,
    name: `Đơn vị ${u}`,
    type: 'so',
    parentId: null,
    peerGroup: 'so',
    activeFrom: null,
    activeTo: null,
    createdAt: new Date(0),
  }));
  const entries = unitRows.flatMap((unit, u) =>
    framework.leaves.map(
      (leaf, l): EntryRow =>
        ({
          periodId: 'p',
          unitId: unit.id,
          code: leaf.code,
          facts: { count: (u + l) % 5 },
          appraisalKind: l % 2 === 0 ? 'accepted' : null,
          appraisedFacts: l % 2 === 0 ? { count: (u + l) % 5 } : null,
          appraisedPoints: null,
          appraisalComment: null,
        }) as EntryRow,
    ),
  );
  return {
    links: [{ unitType: 'so', frameworkId: 'f' }],
    frameworks: new Map([
      ['f', { row: { id: 'f' } as FrameworkRow, framework, policy: DEFAULT_POLICY }],
    ]),
    participations: counted(
      unitRows.map((u) => ({ unitId: u.id })),
      counter,
    ),
    units: counted(unitRows, counter),
    entries: counted(entries, counter),
    lineage: [],
    previous: new Map(),
    surveys: { surveys: [], tallies: new Map(), computedAt: null },
  };
}

describe('the period results before publication', () => {
  it('read each unit, participation and entry a bounded number of times: twice the units, about twice the work', () => {
    const work = (units: number) => {
      const counter = { reads: 0 };
      const results = assemblePeriodResults(periodOf(units, counter));
      expect(results[0]?.results.units).toHaveLength(units);
      return counter.reads;
    };
    const small = work(400);
    const large = work(800);
    expect(large / small).toBeLessThanOrEqual(2.1);
    // Every element read at most a few times: grouping once, not a filter per unit.
    expect(large).toBeLessThanOrEqual(4 * (800 + 800 + 800 * LEAVES));
  });

  it('compare each unit formed by a merger with its predecessor: twice the units, about twice the work', () => {
    const work = (units: number) => {
      const counter = newCounter();
      const data = periodOf(units, { reads: 0 });
      const lineage = data.units.map((u, i) => ({
        id: u.id,
        from: [`C${2 * i}`, `C${2 * i + 1}`],
      }));
      const previous = Array.from({ length: 2 * units }, (_, i) => ({
        id: `C${i}`,
        percent: Decimal.fromInt(60 + (i % 35)),
        rank: (i % units) + 1,
        areas: new Map([['1', Decimal.fromInt(70 + (i % 25))]]),
      }));
      const [type] = assemblePeriodResults({
        ...data,
        lineage: deepCounted(lineage, counter),
        previous: new Map([['so', deepCounted(previous, counter)]]),
      });
      expect(type?.results.units.every((u) => u.previousId?.startsWith('C'))).toBe(true);
      return counter.reads;
    };
    expect(growth(work, 400)).toBeLessThanOrEqual(2.2);
  }, 60_000);

  it('tell, for each leaf, what the unit assessed and what the appraisal decided', () => {
    const [type] = assemblePeriodResults(periodOf(2, { reads: 0 }));
    const story = type?.stories.get('U1');
    expect(story?.[0]).toMatchObject({
      code: '1.1',
      // The outcome stands, so the final explanation says why; the self one is not repeated.
      self: { status: 'scored', points: 0.25, explanation: null },
      appraisal: { kind: 'accepted', label: 'Chấp nhận kết quả tự đánh giá' },
      differs: false,
    });
    expect(story?.[1]).toMatchObject({ code: '1.2', appraisal: null, differs: false });
  });
});
