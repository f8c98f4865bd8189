import { computeResults, presentResults, type UnitInput } from '@chiso/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from './repositories/frameworks.js';
import { EVERY_RULE_CSV, selfAssessmentArb } from './test-support/every-rule.js';
import {
  castOf,
  importFramework,
  ok,
  runUntouched,
  SXD_CSV,
  SXD_SELF,
} from './test-support/cycle.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

const UNITS = ['S1', 'S2', 'S3'] as const;

describe.each(DATABASE_KINDS)('an appraisal records an outcome, not a number (%s)', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  }, 60_000);
  afterAll(async () => t.close());

  it('publishes, for every unit, exactly its self-assessment when the appraiser changed nothing', async () => {
    const cast = await castOf(t, UNITS, {});
    const frameworkId = await importFramework(t, cast.admin, EVERY_RULE_CSV);
    const stored = await loadFramework(t.deps.db, frameworkId);
    if (!stored) throw new Error('framework not stored');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(selfAssessmentArb, selfAssessmentArb, selfAssessmentArb),
        async (assessments) => {
          run++;
          const selfFacts = Object.fromEntries(UNITS.map((id, i) => [id, assessments[i] ?? {}]));
          const { published } = await runUntouched(
            t,
            cast,
            frameworkId,
            `Kỳ thử ${run}`,
            selfFacts,
          );
          const units: UnitInput[] = UNITS.map((id) => ({
            id,
            name: id,
            group: 'so',
            type: 'so',
            points: new Map(),
            facts: new Map(Object.entries(selfFacts[id] ?? {})),
            notApplicable: new Set(),
          }));
          const expected = presentResults(
            stored.framework,
            computeResults({ framework: stored.framework, policy: stored.policy, units }),
          );
          expect(published.units).toEqual(expected.units);
        },
      ),
      { numRuns: kind === 'pglite' ? 8 : 5, seed: 20261201 },
    );
  }, 600_000);

  it('keeps a not-applicable leaf not applicable: 90,91/97 = 93,72 % as the unit assessed it', async () => {
    const fresh = await startTestApp(kind);
    try {
      const cast = await castOf(fresh, ['SXD'], { SXD: 'Sở Xây dựng' });
      const frameworkId = await importFramework(fresh, cast.admin, SXD_CSV);
      const { periodId, published, body } = await runUntouched(
        fresh,
        cast,
        frameworkId,
        'Chỉ số CCHC năm 2022',
        { SXD: SXD_SELF },
      );
      const unit = published.units[0];
      expect(unit).toMatchObject({ points: 90.91, maxPoints: 97, percent: 93.721649 });
      expect(unit?.nodes.find((n) => n.code === '6.2')).toMatchObject({
        status: 'notApplicable',
        applicable: false,
      });
      expect(body).toMatchObject({ published: true });
      const assessment = await ok(fresh, 'GET', `/api/periods/${periodId}/units/SXD/assessment`, {
        as: cast.officers.SXD,
      });
      expect(assessment.self).toEqual(assessment.appraised);
      const entry = (assessment.entries as { code: string; appraisal: unknown }[]).find(
        (e) => e.code === '6.2',
      );
      expect(entry?.appraisal).toMatchObject({ kind: 'accepted', disputed: false });
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
