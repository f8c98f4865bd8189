import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { comparing, counted, growth, newCounter } from '../test-support/counting.js';
import { frameworkOf, SMALL_FRAMEWORK, unitOf } from '../test-support/factories.js';
import { computeResults, type PreviousResult } from './compute-results.js';
import type { LineageLink } from './lineage.js';
import { DEFAULT_POLICY } from './policy.js';
import { presentResults } from './present-results.js';

const framework = frameworkOf(SMALL_FRAMEWORK);

/**
 * `n` communes formed this year, each from two of last year's (the 2025 mergers): none has a
 * previous result under its own id, so every one is compared through lineage.
 */
function merged(n: number) {
  const units = Array.from({ length: n }, (_, i) =>
    unitOf({
      id: `X${i}`,
      group: i % 2 === 0 ? 'xa' : 'phuong',
      points: { '1.1': String(i % 5), '1.2': String((i * 7) % 7), '2.1': String((i * 3) % 11) },
    }),
  );
  const lineage: LineageLink[] = units.map((u, i) => ({
    id: u.id,
    from: [`O${2 * i}`, `O${2 * i + 1}`],
    primary: i % 3 === 0 ? `O${2 * i + 1}` : undefined,
  }));
  const previous: PreviousResult[] = Array.from({ length: 2 * n }, (_, i) => ({
    id: `O${i}`,
    percent: Decimal.fromInt(50 + (i % 40)),
    rank: (i % n) + 1,
    areas: new Map([['1', Decimal.fromInt(60 + (i % 30))]]),
  }));
  return { units, lineage, previous };
}

describe('the results of many units: twice the units, about twice the work', () => {
  it('ranks the units and finds each merged one’s predecessor by its id, not by searching the lineage', () => {
    const work = (n: number) => {
      const counter = newCounter();
      const input = merged(n);
      // The ranks sort each peer group once: its comparisons grow as n log n.
      const { value: results, comparisons } = comparing(() =>
        computeResults({
          framework,
          policy: DEFAULT_POLICY,
          units: counted(input.units, counter),
          previous: counted(input.previous, counter),
          lineage: counted(input.lineage, counter),
        }),
      );
      expect(results.units.filter((u) => u.previousId !== undefined)).toHaveLength(n);
      return counter.reads + comparisons;
    };
    expect(growth(work, 2000)).toBeLessThanOrEqual(2.2);
  }, 60_000);

  it('presents and ranks them reading each result a bounded number of times', () => {
    const work = (n: number) => {
      const input = merged(n);
      const results = computeResults({ framework, policy: DEFAULT_POLICY, ...input });
      const counter = newCounter();
      const json = presentResults(framework, counted(results, counter));
      expect(json.units).toHaveLength(n);
      return counter.reads;
    };
    expect(growth(work, 1000)).toBeLessThanOrEqual(2.2);
  }, 60_000);

  it('keeps the predecessor a search of the lineage found: the primary one, else the first', () => {
    const { units, lineage, previous } = merged(3);
    const results = computeResults({ framework, policy: DEFAULT_POLICY, units, lineage, previous });
    const chosen = new Map(results.units.map((u) => [u.id, u.previousId]));
    expect(Object.fromEntries(chosen)).toEqual({ X0: 'O1', X1: 'O2', X2: 'O4' });
  });
});
