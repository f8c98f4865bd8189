import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import type { Rule } from '../rules/rule.js';
import { countsTask, leafTaskCount, leafTaskCountLabel } from './leaf-task-count.js';

const deduction: Rule = {
  kind: 'deduction',
  pointsPerOccurrence: Decimal.of('0.5'),
  minPoints: Decimal.ZERO,
};

describe('the count a leaf takes from its tasks', () => {
  it('takes the late tasks (overdue and done late) into a deduction per occurrence', () => {
    const count = leafTaskCount(deduction);
    expect(count).toEqual({ fact: 'occurrences', counts: 'late' });
    if (!count) throw new Error('no count');
    expect(countsTask(count, 'overdue')).toBe(true);
    expect(countsTask(count, 'doneLate')).toBe(true);
    expect(countsTask(count, 'doneOnTime')).toBe(false);
    expect(countsTask(count, 'inProgress')).toBe(false);
    expect(leafTaskCountLabel(count, 3)).toBe('3 nhiệm vụ quá hạn');
  });

  it('looks through "không phát sinh" and "không áp dụng"', () => {
    expect(leafTaskCount({ kind: 'noneArose', otherwise: deduction })?.fact).toBe('occurrences');
    expect(
      leafTaskCount({ kind: 'notApplicableWhen', condition: 'Không có', otherwise: deduction })
        ?.fact,
    ).toBe('occurrences');
  });

  it('takes the tasks done on time into a required number on time', () => {
    const count = leafTaskCount({ kind: 'countOnTime', required: 4, partialCredit: true });
    expect(count).toEqual({ fact: 'onTime', counts: 'doneOnTime' });
    if (!count) throw new Error('no count');
    expect(countsTask(count, 'doneLate')).toBe(false);
    expect(countsTask(count, 'doneOnTime')).toBe(true);
    expect(leafTaskCountLabel(count, 2)).toBe('2 nhiệm vụ hoàn thành đúng hạn');
  });

  it('does not count tasks for other rules', () => {
    expect(leafTaskCount({ kind: 'passFail', conditions: [] })).toBeNull();
    expect(leafTaskCount({ kind: 'perItem', pointsPerItem: Decimal.of(1) })).toBeNull();
  });
});
