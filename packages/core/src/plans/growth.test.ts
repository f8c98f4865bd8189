import { describe, expect, it } from 'vitest';
import { computeResults } from '../results/compute-results.js';
import { DEFAULT_POLICY } from '../results/policy.js';
import { comparing, counted, growth, newCounter } from '../test-support/counting.js';
import { frameworkOf, SMALL_FRAMEWORK, unitOf } from '../test-support/factories.js';
import { planForUnit, plansOf } from './build-plan.js';

const framework = frameworkOf(SMALL_FRAMEWORK);

const resultsOf = (n: number) =>
  computeResults({
    framework,
    policy: DEFAULT_POLICY,
    units: Array.from({ length: n }, (_, i) =>
      unitOf({
        id: `U${i}`,
        group: i % 4 === 0 ? 'huyen' : 'xa',
        points: { '1.1': String(i % 5), '1.2': String((i * 7) % 7), '2.1': String((i * 3) % 11) },
      }),
    ),
  });

/**
 * The what-if rank of every row of every plan is a binary search of the peer group sorted
 * once: the comparisons of exact indexes grow as n log n, never as n² (a rank by counting the
 * peers above would).
 */
describe('the improvement plans of many units: twice the units, about twice the work', () => {
  it('compare each what-if index with log n peers, reading each result a bounded number of times', () => {
    const work = (n: number) => {
      const results = resultsOf(n);
      const counter = newCounter();
      const { value: plans, comparisons } = comparing(() => {
        let made = 0;
        for (const plan of plansOf(framework, counted(results, counter))) {
          if (plan.rows[0]?.rankIfTarget !== undefined) made++;
        }
        return made;
      });
      expect(plans).toBe(n);
      return counter.reads + comparisons;
    };
    expect(growth(work, 2000)).toBeLessThanOrEqual(2.2);
  }, 60_000);

  it('build one unit’s plan from one pass over the results', () => {
    const work = (n: number) => {
      const results = resultsOf(n);
      const counter = newCounter();
      const { value: plan, comparisons } = comparing(() =>
        planForUnit(framework, counted(results, counter), `U${n - 1}`),
      );
      expect(plan.unit.id).toBe(`U${n - 1}`);
      return counter.reads + comparisons;
    };
    expect(growth(work, 2000)).toBeLessThanOrEqual(2.2);
  }, 60_000);
});
