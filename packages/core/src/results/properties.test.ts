import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { buildFramework } from '../framework/build-framework.js';
import type { Framework, FrameworkNodeInput } from '../framework/framework.js';
import { computeResults, type UnitResult } from './compute-results.js';
import { DEFAULT_POLICY } from './policy.js';
import { presentResults } from './present-results.js';
import type { UnitInput } from './score-unit.js';

/** A random tree: 1–5 areas, 1–4 criteria each, 0–3 sub-criteria under a criterion. */
const frameworkArb: fc.Arbitrary<Framework> = fc
  .array(
    fc.array(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    }),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((areas) => {
    const nodes: FrameworkNodeInput[] = [];
    const quarter = (n: number) => Decimal.of('0.25').timesInt(n);
    areas.forEach((criteria, a) => {
      const areaIndex = nodes.length;
      nodes.push({ code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxPoints: Decimal.ZERO });
      let areaMax = Decimal.ZERO;
      criteria.forEach((subs, c) => {
        const code = `${a + 1}.${c + 1}`;
        // A criterion without sub-criteria is a leaf worth 0,25 × (c + 1) × 2.
        const max = subs.length === 0 ? quarter((c + 1) * 2) : Decimal.sum(subs.map(quarter));
        nodes.push({ code, title: `Tiêu chí ${code}`, maxPoints: max });
        subs.forEach((n, s) =>
          nodes.push({ code: `${code}.${s + 1}`, title: 'TCTP', maxPoints: quarter(n) }),
        );
        areaMax = areaMax.plus(max);
      });
      nodes[areaIndex] = { ...nodes[areaIndex]!, maxPoints: areaMax };
    });
    return buildFramework({ name: 'Ngẫu nhiên', nodes });
  });

/** Units with points in thousandths within [0, max], some leaves unscored, some not applicable. */
const scenarioArb = frameworkArb.chain((framework) =>
  fc
    .array(
      fc.record({
        group: fc.constantFrom('so', 'huyen'),
        entries: fc.array(
          fc.record({
            fraction: fc.integer({ min: 0, max: 1000 }),
            given: fc.boolean(),
            na: fc.integer({ min: 0, max: 9 }),
          }),
          { minLength: framework.leaves.length, maxLength: framework.leaves.length },
        ),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((specs) => ({
      framework,
      units: specs.map((spec, i): UnitInput => {
        const points = new Map<string, Decimal>();
        const notApplicable = new Set<string>();
        framework.leaves.forEach((leaf, l) => {
          const entry = spec.entries[l]!;
          if (entry.na === 0) notApplicable.add(leaf.code);
          else if (entry.given) {
            points.set(
              leaf.code,
              leaf.maxPoints
                .toRatio()
                .times(Decimal.fromInt(entry.fraction))
                .dividedBy(Decimal.fromInt(1000))
                .round(3)
                .min(leaf.maxPoints),
            );
          }
        });
        return {
          id: `u${i}`,
          name: `Đơn vị ${i}`,
          group: spec.group,
          type: undefined,
          points,
          facts: new Map(),
          notApplicable,
        };
      }),
    })),
);

const compute = (framework: Framework, units: readonly UnitInput[]) =>
  computeResults({ framework, policy: DEFAULT_POLICY, units });

/** Everything of a unit's result that belongs to the unit alone (ranks depend on the others). */
const ownResult = (unit: UnitResult) => ({
  points: unit.points.toString(),
  maxPoints: unit.maxPoints.toString(),
  percent: unit.percent?.round(6).toString(),
  band: unit.band,
  headRating: unit.headRating,
  flags: unit.flags,
  areas: unit.areas.map((a) => [a.code, a.points.toString(), a.maxPoints.toString(), a.applicable]),
  nodes: unit.score
    .nodes()
    .map((n) => [n.code, n.points.toString(), n.maxPoints.toString(), n.applicable]),
});

describe('scoring invariants', () => {
  it("a parent's points and max are the sums over its applicable leaves", () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        for (const result of compute(framework, units).units) {
          for (const node of framework.nodes) {
            const leaves: string[] = [];
            const collect = (code: string) => {
              const n = framework.byCode.get(code)!;
              if (n.children.length === 0) leaves.push(code);
              n.children.forEach(collect);
            };
            collect(node.code);
            const scores = leaves
              .map((code) => result.score.node(code)!)
              .filter((s) => s.applicable);
            const own = result.score.node(node.code)!;
            if (!own.applicable) {
              expect(scores).toEqual([]);
              continue;
            }
            expect(own.points.equals(Decimal.sum(scores.map((s) => s.points)))).toBe(true);
            expect(own.maxPoints.equals(Decimal.sum(scores.map((s) => s.maxPoints)))).toBe(true);
          }
          const applicableLeaves = framework.leaves
            .map((l) => result.score.node(l.code)!)
            .filter((s) => s.applicable);
          expect(result.points.equals(Decimal.sum(applicableLeaves.map((s) => s.points)))).toBe(
            true,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("marking a leaf not applicable for one unit never changes another unit's result", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), ({ framework, units }, unitPick, leafPick) => {
        const target = units[unitPick % units.length]!;
        const leaf = framework.leaves[leafPick % framework.leaves.length]!;
        const changed = units.map((u) =>
          u === target ? { ...u, notApplicable: new Set([...u.notApplicable, leaf.code]) } : u,
        );
        const before = new Map(compute(framework, units).units.map((u) => [u.id, ownResult(u)]));
        for (const unit of compute(framework, changed).units) {
          if (unit.id !== target.id) expect(ownResult(unit)).toEqual(before.get(unit.id));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ranks follow the exact order of values: 1 + the number of strictly better peers', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        const results = compute(framework, units).units;
        for (const unit of results) {
          const peers = results.filter((p) => p.group === unit.group && p.percent !== undefined);
          if (unit.percent === undefined) {
            expect(unit.rank).toBeUndefined();
            continue;
          }
          const better = peers.filter((p) => p.percent!.gt(unit.percent!)).length;
          expect(unit.rank).toBe(better + 1);
          for (const peer of peers) {
            if (peer.percent!.equals(unit.percent)) expect(peer.rank).toBe(unit.rank);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('results do not depend on the order of the units', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc
            .shuffledSubarray(s.units, { minLength: s.units.length })
            .map((shuffled) => ({ ...s, shuffled })),
        ),
        ({ framework, units, shuffled }) => {
          expect(presentResults(framework, compute(framework, shuffled))).toEqual(
            presentResults(framework, compute(framework, units)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an index stays within 0–100 % when every leaf is within its max', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, units }) => {
        for (const unit of compute(framework, units).units) {
          if (unit.percent === undefined) continue;
          expect(unit.percent.gte(Decimal.ZERO)).toBe(true);
          expect(unit.percent.compare(Decimal.HUNDRED)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});
