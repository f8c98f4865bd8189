import { buildFramework, Decimal } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import { counted, growth, newCounter } from '../../../../core/src/test-support/counting.js';
import type { EntryRow } from '../../repositories/entries.js';
import { disputedByUnit } from './explanation-opened.js';
import { officeStaff } from './task-due.js';

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

/** `n` appraised communes; on every third leaf the appraiser counted one item fewer. */
function appraised(n: number) {
  const units = Array.from({ length: n }, (_, u) => ({ id: `X${u}`, type: 'xa' }));
  const entries = units.flatMap((unit) =>
    framework.leaves.map(
      (leaf, l) =>
        ({
          periodId: 'p',
          unitId: unit.id,
          code: leaf.code,
          facts: { count: 3 },
          appraisalKind: 'facts',
          appraisedFacts: { count: l % 3 === 0 ? 2 : 3 },
        }) as EntryRow,
    ),
  );
  return { units, entries };
}

describe('reminders over a whole province: twice the units, about twice the work', () => {
  it('finds each appraised unit’s disputed leaves in one pass over the period’s entries', () => {
    const work = (n: number) => {
      const counter = newCounter();
      const { units, entries } = appraised(n);
      const disputed = disputedByUnit(
        counted(entries, counter),
        counted(units, counter),
        new Map([['xa', framework]]),
      );
      expect(disputed.size).toBe(n);
      expect(disputed.get('X0')).toEqual(['1.1', '1.4', '1.7', '1.10']);
      return counter.reads;
    };
    expect(growth(work, 1000)).toBeLessThanOrEqual(2.2);
  }, 60_000);

  it('names each task’s office staff without reading the whole staff list per task', () => {
    const work = (n: number) => {
      const counter = newCounter();
      const staff = counted(
        Array.from({ length: 5 * n }, (_, i) => ({ id: `S${i}`, officeId: `O${i % n}` })),
        counter,
      );
      const staffOf = officeStaff(staff);
      for (let t = 0; t < n; t++) {
        expect(staffOf([`O${t}`, `O${(t + 1) % n}`, null])).toHaveLength(10);
      }
      return counter.reads;
    };
    expect(growth(work, 500)).toBeLessThanOrEqual(2.2);
    const staffOf = officeStaff([
      { id: 'b', officeId: 'O2' },
      { id: 'a', officeId: 'O1' },
      { id: 'c', officeId: null },
      { id: 'd', officeId: 'O1' },
    ]);
    expect(staffOf(['O1', 'O2', 'O1'])).toEqual(['b', 'a', 'd']);
  }, 60_000);
});
