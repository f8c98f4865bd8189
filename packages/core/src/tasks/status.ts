import { civilFromDays, daysFromCivil, VIETNAM_OFFSET_MS } from '../time/vietnam-time.js';

/** Where a task stands at an instant (Kế hoạch, công văn giao nhiệm vụ; issue 10). */
export const TASK_STATUSES = [
  'notStarted',
  'inProgress',
  'doneOnTime',
  'doneLate',
  'overdue',
] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
  overdue: 'Quá hạn chưa hoàn thành',
};

/** What decides a task's status: its deadline (a calendar date) and when it moved. */
export interface TaskTiming {
  /** ISO calendar date "2023-06-20": the task is due by the end of that day, Vietnam time. */
  deadline: string;
  /** Epoch milliseconds, or null. */
  startedAt: number | null;
  completedAt: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number {
  const [year = 0, month = 0, day = 0] = isoDate.split('-').map(Number);
  return daysFromCivil(year, month, day);
}

/** The Vietnam calendar day (days since 1970-01-01) an instant falls on. */
function vietnamDay(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

/**
 * The first instant a task is late: 00:00 of the day after its deadline, Vietnam time. A task
 * due "ngày 20/6" may be done until 23:59:59.999 on 20/6 and is overdue from 00:00 on 21/6.
 * So `at >= overdueFrom(d)` exactly when `d` is before `vietnamDate(at)`, and a completion at
 * `c` is on time exactly when `vietnamDate(c)` is not after `d`: a database can tell statuses
 * by comparing dates (repositories/tasks.ts countTasksByStatus).
 */
export function overdueFrom(deadline: string): number {
  return (dayNumber(deadline) + 1) * DAY_MS - VIETNAM_OFFSET_MS;
}

/**
 * A task's status at an instant. What happened after that instant does not count, so the
 * same task read "as of 30/9" gives the nine-month picture even if it was completed later.
 */
export function taskStatus(task: TaskTiming, at: number): TaskStatus {
  const late = overdueFrom(task.deadline);
  if (task.completedAt !== null && task.completedAt <= at) {
    return task.completedAt < late ? 'doneOnTime' : 'doneLate';
  }
  if (at >= late) return 'overdue';
  return task.startedAt !== null && task.startedAt <= at ? 'inProgress' : 'notStarted';
}

/**
 * Whether a status counts among "nội dung công việc quá hạn": not done by the deadline,
 * whether still open or completed late (seed 000 counts both in its nine-month report).
 */
export function isLate(status: TaskStatus): boolean {
  return status === 'overdue' || status === 'doneLate';
}

/** Whether a task is done at all. */
export function isDone(status: TaskStatus): boolean {
  return status === 'doneOnTime' || status === 'doneLate';
}

/** Days to the deadline, or past it, in Vietnam calendar days. */
export type TaskDays =
  | { kind: 'left'; days: number }
  | { kind: 'late'; days: number }
  | { kind: 'doneEarly'; days: number }
  | { kind: 'doneLate'; days: number };

/**
 * Days left (0 on the deadline day itself) while open and not yet late; days late once past;
 * for a completed task, how many days before or after the deadline it was completed.
 */
export function taskDays(task: TaskTiming, at: number): TaskDays {
  const deadline = dayNumber(task.deadline);
  if (task.completedAt !== null && task.completedAt <= at) {
    const done = vietnamDay(task.completedAt);
    return done > deadline
      ? { kind: 'doneLate', days: done - deadline }
      : { kind: 'doneEarly', days: deadline - done };
  }
  const today = vietnamDay(at);
  return today > deadline
    ? { kind: 'late', days: today - deadline }
    : { kind: 'left', days: deadline - today };
}

/** "còn 5 ngày", "đến hạn hôm nay", "quá hạn 3 ngày", "hoàn thành trễ 2 ngày". */
export function taskDaysLabel(days: TaskDays): string {
  switch (days.kind) {
    case 'left':
      return days.days === 0 ? 'đến hạn hôm nay' : `còn ${days.days} ngày`;
    case 'late':
      return `quá hạn ${days.days} ngày`;
    case 'doneEarly':
      return days.days === 0
        ? 'hoàn thành đúng ngày hạn'
        : `hoàn thành trước hạn ${days.days} ngày`;
    case 'doneLate':
      return `hoàn thành trễ ${days.days} ngày`;
  }
}

/** The ISO dates of the first and last day of a month, for a calendar: "2023-06-01", "2023-06-30". */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const first = daysFromCivil(year, month, 1);
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(next - first)}`,
  };
}

/**
 * The ISO date N calendar days after the Vietnam date of an instant: tasks due within N days
 * of `at` have deadlines up to it (reminders 7 and 1 days ahead).
 */
export function dateInDays(at: number, days: number): string {
  const { year, month, day } = civilFromDays(vietnamDay(at) + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}
