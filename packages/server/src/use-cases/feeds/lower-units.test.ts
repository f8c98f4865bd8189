import { describe, expect, it } from 'vitest';
import { counted, growth, newCounter } from '../../../../core/src/test-support/counting.js';
import type { TypePublication } from '../../repositories/lower-results.js';
import { lowerUnitsOverrideOf, type LowerSources } from './lower-units.js';

const publication = (
  periodId: string,
  version: number,
  day: number,
  units: [id: string, percent: number][],
): TypePublication => ({
  periodId,
  periodName: `Kỳ ${periodId}`,
  version,
  publishedAt: new Date(Date.UTC(2025, 0, day)),
  supersededAt: null,
  results: { units: units.map(([id, percent]) => ({ id, name: id, percent, band: null })) },
});

/** Two districts, each with its own communes' period published (decision 0030). */
const sources: LowerSources = {
  leaves: new Map([
    [
      '8.3',
      {
        rule: { kind: 'lowerUnits', aggregate: 'mean', source: { unitType: 'xa', year: 2024 } },
        waiting: 'Chưa có kết quả công bố của UBND xã năm 2024',
        versions: [
          { used: publication('p-h2', 1, 8, [['X9', 70]]), latestVersion: null },
          {
            used: publication('p-h1', 1, 7, [
              ['X1', 80],
              ['X2', 90],
            ]),
            latestVersion: 2,
          },
        ],
      },
    ],
  ]),
  parentOf: new Map([
    ['X1', 'H1'],
    ['X2', 'H1'],
    ['X9', 'H2'],
  ]),
};

describe('the lower feed with one lower period per district', () => {
  it('gives each district its own communes’ period, not the latest published one', () => {
    const h1 = lowerUnitsOverrideOf(sources, 'H1');
    expect(h1.facts.get('8.3')).toEqual({ percents: ['80', '90'], bands: [null, null] });
    expect(h1.stories.get('8.3')).toMatchObject({
      source: 'Kết quả công bố của kỳ "Kỳ p-h1" (phiên bản 1), 2 đơn vị trực thuộc',
      latestVersion: 2,
    });
    const h2 = lowerUnitsOverrideOf(sources, 'H2');
    expect(h2.facts.get('8.3')).toEqual({ percents: ['70'], bands: [null] });
    expect(h2.stories.get('8.3')?.latestVersion).toBeNull();
  });

  it('says how many units it found when no lower period ranks the unit’s children', () => {
    const h3 = lowerUnitsOverrideOf(sources, 'H3');
    expect(h3.facts.has('8.3')).toBe(false);
    expect(h3.stories.get('8.3')?.source).toBe(
      'Kết quả công bố của kỳ "Kỳ p-h2" (phiên bản 1), 0 đơn vị trực thuộc',
    );
  });
});

describe('the lower feed of a province’s districts', () => {
  /** `n` districts of ten communes each, all in one published communes' period. */
  function province(n: number, counter: { reads: number }): LowerSources {
    const communes = Array.from({ length: 10 * n }, (_, i): [string, number] => [
      `X${i}`,
      60 + (i % 40),
    ]);
    return {
      leaves: new Map([
        [
          '8.3',
          {
            rule: { kind: 'lowerUnits', aggregate: 'mean', source: { unitType: 'xa', year: 2024 } },
            waiting: 'Chưa có kết quả công bố của UBND xã năm 2024',
            versions: [
              { used: counted(publication('p-xa', 1, 7, communes), counter), latestVersion: null },
            ],
          },
        ],
      ]),
      parentOf: new Map(communes.map(([id], i) => [id, `H${Math.floor(i / 10)}`])),
    };
  }

  it('reads each commune once for all the districts: twice the districts, about twice the work', () => {
    const work = (n: number) => {
      const counter = newCounter();
      const sources = province(n, counter);
      for (let d = 0; d < n; d++) {
        const feed = lowerUnitsOverrideOf(sources, `H${d}`);
        expect((feed.facts.get('8.3') as { percents: string[] }).percents).toHaveLength(10);
      }
      return counter.reads;
    };
    expect(growth(work, 200)).toBeLessThanOrEqual(2.2);
  }, 60_000);
});
