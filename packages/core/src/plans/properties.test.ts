import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { buildFramework } from '../framework/build-framework.js';
import type { FrameworkNodeInput } from '../framework/framework.js';
import { computeResults } from '../results/compute-results.js';
import { DEFAULT_POLICY } from '../results/policy.js';
import { rankValues } from '../results/rank.js';
import type { UnitInput } from '../results/score-unit.js';
import { buildPlans } from './build-plan.js';

const quarter = (n: number) => Decimal.of('0.25').timesInt(n);

/** 1–4 areas of 1–4 leaves, peers with points in quarters, some leaves not applicable. */
const scenarioArb = fc
  .array(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((areas) => {
    const nodes: FrameworkNodeInput[] = [];
    areas.forEach((leaves, a) => {
      const max = Decimal.sum(leaves.map(quarter));
      nodes.push({ code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxPoints: max });
      leaves.forEach((n, l) =>
        nodes.push({ code: `${a + 1}.${l + 1}`, title: 'Tiêu chí', maxPoints: quarter(n) }),
      );
    });
    const framework = buildFramework({ name: 'Ngẫu nhiên', nodes });
    const leafArb = fc.record({
      share: fc.integer({ min: 0, max: 12 }),
      na: fc.integer({ min: 0, max: 7 }),
    });
    return fc
      .array(
        fc.array(leafArb, {
          minLength: framework.leaves.length,
          maxLength: framework.leaves.length,
        }),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((specs) => ({
        framework,
        units: specs.map((leaves, i): UnitInput => ({
          id: `u${i}`,
          name: `Đơn vị ${i}`,
          group: undefined,
          type: undefined,
          points: new Map(
            framework.leaves.map((leaf, l) => [
              leaf.code,
              quarter(leaves[l]!.share).min(leaf.maxPoints),
            ]),
          ),
          facts: new Map(),
          notApplicable: new Set(
            framework.leaves.filter((_leaf, l) => leaves[l]!.na === 0).map((leaf) => leaf.code),
          ),
        })),
      }));
  });

describe('plan properties', () => {
  it('with every target at the max, a row reached adds exactly its lost points, and never lowers the rank', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        const results = computeResults({ framework, policy: DEFAULT_POLICY, units });
        const maxTargets = new Map(
          results.units.map((u) => [
            u.id,
            new Map(
              u.score
                .nodes()
                .filter((n) => n.applicable)
                .map((n) => [n.code, n.maxPoints]),
            ),
          ]),
        );
        const plans = buildPlans(framework, results, { targets: (id) => maxTargets.get(id) });
        for (const plan of plans) {
          for (const row of plan.rows.filter((r) => r.applicable)) {
            expect(row.pointsIfTarget?.equals(plan.unit.points.plus(row.lost))).toBe(true);
            if (plan.unit.rank !== undefined) {
              expect(row.rankIfTarget).toBeLessThanOrEqual(plan.unit.rank);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a target equal to the points gains nothing and keeps the rank', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        const results = computeResults({ framework, policy: DEFAULT_POLICY, units });
        const same = new Map(
          results.units.map((u) => [
            u.id,
            new Map(
              u.score
                .nodes()
                .filter((n) => n.applicable)
                .map((n) => [n.code, n.points]),
            ),
          ]),
        );
        for (const plan of buildPlans(framework, results, { targets: (id) => same.get(id) })) {
          for (const row of plan.rows.filter((r) => r.applicable)) {
            expect(row.gain?.isZero()).toBe(true);
            expect(row.rankIfTarget).toBe(plan.unit.rank);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the what-if rank is the rank the results would give with that row at its target', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        const results = computeResults({ framework, policy: DEFAULT_POLICY, units });
        for (const plan of buildPlans(framework, results)) {
          for (const row of plan.rows.filter((r) => r.applicable && r.percentIfTarget)) {
            const ranks = rankValues(
              results.units.map((u) => ({
                key: u.id,
                value: u.id === plan.unit.id ? row.percentIfTarget : u.percent,
              })),
            );
            expect(row.rankIfTarget).toBe(ranks.get(plan.unit.id));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
