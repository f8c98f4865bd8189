import { describe, expect, it } from 'vitest';
import { counted, growth, newCounter } from '../../../../core/src/test-support/counting.js';
import type { ParticipationRow } from '../../repositories/periods.js';
import { presentPeriodUnits, type PeriodUnitsInput } from './present-period-units.js';

/** `n` communes, each with two appraisers of forty; every tenth with an extension. */
function periodOf(n: number, actor: PeriodUnitsInput['actor']): PeriodUnitsInput {
  const ids = Array.from({ length: n }, (_, i) => `X${i}`);
  return {
    actor,
    participations: ids.map(
      (unitId) =>
        ({
          periodId: 'p',
          unitId,
          status: 'submitted',
          submittedAt: new Date(0),
          appraisedAt: null,
          finalisedAt: null,
        }) as ParticipationRow,
    ),
    assignments: ids.flatMap((unitId, i) => [
      { unitId, appraiserId: `A${i % 40}` },
      { unitId, appraiserId: `A${(i + 1) % 40}` },
    ]),
    extensions: ids
      .filter((_id, i) => i % 10 === 0)
      .map((unitId) => ({
        unitId,
        kind: 'selfAssessment',
        closesAt: new Date(86_400_000),
        reason: 'Mất điện',
      })),
    units: ids.map((id) => ({ id, name: `UBND xã ${id}`, type: 'xa', peerGroup: 'xa' })),
    users: Array.from({ length: 40 }, (_, i) => ({ id: `A${i}`, fullName: `Thẩm định viên ${i}` })),
  };
}

const administrator = { role: 'administrator' as const, unitId: undefined, userId: 'admin' };
const appraiser = { role: 'appraiser' as const, unitId: undefined, userId: 'A3' };

describe('a period’s units as its page lists them', () => {
  it('twice the units, about twice the work, for an administrator and for an appraiser', () => {
    for (const actor of [administrator, appraiser]) {
      const work = (n: number) => {
        const counter = newCounter();
        const listed = presentPeriodUnits(counted(periodOf(n, actor), counter));
        expect(listed.length).toBe(actor === administrator ? n : (2 * n) / 40);
        return counter.reads;
      };
      expect(growth(work, 2000)).toBeLessThanOrEqual(2.2);
    }
  }, 60_000);

  it('gives each unit its own extensions and appraisers, in their order, named', () => {
    const [first, second] = presentPeriodUnits(periodOf(20, administrator));
    expect(first).toMatchObject({
      unitId: 'X0',
      name: 'UBND xã X0',
      statusLabel: expect.any(String) as string,
      extensions: [{ kind: 'selfAssessment', reason: 'Mất điện' }],
      appraisers: [
        { id: 'A0', fullName: 'Thẩm định viên 0' },
        { id: 'A1', fullName: 'Thẩm định viên 1' },
      ],
    });
    expect(second?.extensions).toEqual([]);
    const seen = presentPeriodUnits(periodOf(80, appraiser)).map((u) => u.unitId);
    expect(seen).toEqual(['X2', 'X3', 'X42', 'X43']);
    expect(presentPeriodUnits(periodOf(80, appraiser))[0]?.appraisers).toBeUndefined();
  });
});
