import type { Rule } from '../rules/rule.js';
import { isLate, type TaskStatus } from './status.js';

/**
 * Which figure of a leaf's facts the unit's tasks can give, and which tasks it counts:
 * - a deduction per occurrence (seed 000, 1.6.1 "Thực hiện các nhiệm vụ được UBND tỉnh giao":
 *   points lost per task not done on time) takes the late tasks — overdue and done late
 *   together, as decision 0018 reads "quá hạn": what was not done by its deadline, whether
 *   finished since or not;
 * - a required number of items each on time takes the tasks done on time.
 * Other rules do not count tasks. "Không phát sinh" and "không áp dụng" wrappers are looked
 * through: their flag stays the unit's to set.
 */
export type LeafTaskCount =
  { fact: 'occurrences'; counts: 'late' } | { fact: 'onTime'; counts: 'doneOnTime' };

export function leafTaskCount(rule: Rule): LeafTaskCount | null {
  switch (rule.kind) {
    case 'deduction':
      return { fact: 'occurrences', counts: 'late' };
    case 'countOnTime':
      return { fact: 'onTime', counts: 'doneOnTime' };
    case 'noneArose':
    case 'notApplicableWhen':
      return leafTaskCount(rule.otherwise);
    default:
      return null;
  }
}

/** Whether a task of this status is one the leaf counts. */
export function countsTask(count: LeafTaskCount, status: TaskStatus): boolean {
  return count.counts === 'late' ? isLate(status) : status === 'doneOnTime';
}

/** "3 nhiệm vụ quá hạn": what the number behind the leaf's figure is. */
export function leafTaskCountLabel(count: LeafTaskCount, n: number): string {
  return count.counts === 'late' ? `${n} nhiệm vụ quá hạn` : `${n} nhiệm vụ hoàn thành đúng hạn`;
}
