import { formatDocumentCount } from '../format/format.js';
import { isDone, isLate, TASK_STATUSES, type TaskStatus } from './status.js';

/** An office a task is led by, as the count names it. */
export interface TaskOfficeRef {
  id: string;
  name: string;
}

/** The name given to late tasks no office leads yet. */
export const NO_LEAD_OFFICE = 'Chưa giao phòng, ban chủ trì';

export interface OfficeLateCount {
  officeId: string | null;
  officeName: string;
  count: number;
}

/**
 * Tasks of one status and lead office. `count` says how many tasks an entry stands for (1 when
 * left out), so that counts grouped by the database feed the same code as single tasks.
 */
export interface TaskTally {
  leadOffice: TaskOfficeRef | null;
  status: TaskStatus;
  count?: number;
}

/**
 * Late tasks ("quá hạn": still open past the deadline, or completed late) per lead office, in
 * the order the offices are given (the unit's own order), offices with none left out; tasks no
 * office leads come last. This is the per-office count of seed 000.
 */
export function lateByOffice(
  tasks: readonly TaskTally[],
  officeOrder: readonly TaskOfficeRef[] = [],
): OfficeLateCount[] {
  const counts = new Map<string | null, OfficeLateCount>();
  for (const office of officeOrder) {
    counts.set(office.id, { officeId: office.id, officeName: office.name, count: 0 });
  }
  let none = 0;
  for (const task of tasks) {
    if (!isLate(task.status)) continue;
    const n = task.count ?? 1;
    if (task.leadOffice === null) {
      none += n;
      continue;
    }
    const count = counts.get(task.leadOffice.id) ?? {
      officeId: task.leadOffice.id,
      officeName: task.leadOffice.name,
      count: 0,
    };
    count.count += n;
    counts.set(task.leadOffice.id, count);
  }
  const list = [...counts.values()].filter((c) => c.count > 0);
  if (none > 0) list.push({ officeId: null, officeName: NO_LEAD_OFFICE, count: none });
  return list;
}

/**
 * Seed 000's sentence, built from the counts: "17 nội dung công việc quá hạn (Phòng Tài chính
 * - Kế hoạch: 08; Phòng NN&PTNT: 01; Trung tâm Y tế huyện: 01 và Công an huyện: 03)", counts
 * written as the document writes them ("08").
 */
export function lateSentence(counts: readonly OfficeLateCount[]): string {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return 'Không có nội dung công việc quá hạn';
  const parts = counts.map((c) => `${c.officeName}: ${formatDocumentCount(c.count)}`);
  const listed =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')} và ${parts.at(-1)}`;
  return `${formatDocumentCount(total)} nội dung công việc quá hạn (${listed})`;
}

/** How many tasks stand where, for a unit or an office. */
export type TaskCounts = Record<TaskStatus, number> & {
  total: number;
  done: number;
  /** Overdue and done late: the tasks seed 000 counts as "quá hạn". */
  late: number;
};

export function countTasks(statuses: Iterable<TaskStatus>): TaskCounts {
  const tallies: { status: TaskStatus }[] = [];
  for (const status of statuses) tallies.push({ status });
  return sumTallies(tallies);
}

/** The same counts from tallies: entries of one status standing for `count` tasks (1 if left out). */
export function sumTallies(tallies: Iterable<{ status: TaskStatus; count?: number }>): TaskCounts {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let total = 0;
  let done = 0;
  let late = 0;
  for (const { status, count = 1 } of tallies) {
    counts[status] += count;
    total += count;
    if (isDone(status)) done += count;
    if (isLate(status)) late += count;
  }
  return { ...counts, total, done, late };
}
