import {
  formatDocumentRef,
  TASK_STATUS_LABELS,
  taskDays,
  taskDaysLabel,
  taskStatus,
  type TaskStatus,
} from '@chiso/core';
import type { TaskRow } from '../../repositories/tasks.js';

/** What presenting tasks needs besides the rows: names and report figures. */
export interface TaskNames {
  unitNames: ReadonlyMap<string, string>;
  /** Every office ever named, active or not: old tasks keep their offices' names. */
  officeNames: ReadonlyMap<string, string>;
  stats: ReadonlyMap<string, { count: number; latestPercent: number | null }>;
}

export function statusOf(row: TaskRow, at: Date): TaskStatus {
  return taskStatus(timingOf(row), at.getTime());
}

export function timingOf(row: Pick<TaskRow, 'deadline' | 'startedAt' | 'completedAt'>) {
  return {
    deadline: row.deadline,
    startedAt: row.startedAt?.getTime() ?? null,
    completedAt: row.completedAt?.getTime() ?? null,
  };
}

const office = (id: string, names: ReadonlyMap<string, string>) => ({
  id,
  name: names.get(id) ?? 'Phòng, ban không còn',
});

/** A task as the contract shows it, its status and days read at `at`. */
export function presentTask(row: TaskRow, names: TaskNames, at: Date) {
  const timing = timingOf(row);
  const status = taskStatus(timing, at.getTime());
  const days = taskDays(timing, at.getTime());
  const stat = names.stats.get(row.id);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: names.unitNames.get(row.unitId) ?? row.unitId,
    title: row.title,
    description: row.description,
    authority: row.authority,
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    documentText:
      row.documentNumber === null
        ? null
        : formatDocumentRef({ number: row.documentNumber, date: row.documentDate }),
    leadOffice: row.leadOfficeId === null ? null : office(row.leadOfficeId, names.officeNames),
    supportingOffices: (row.supportingOfficeIds as string[]).map((id) =>
      office(id, names.officeNames),
    ),
    frameworkId: row.frameworkId,
    codes: row.codes as string[],
    deadline: row.deadline,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    target: row.target,
    origin: row.origin as 'manual' | 'dispatch' | 'plan',
    dispatchId: row.dispatchId,
    status,
    statusLabel: TASK_STATUS_LABELS[status],
    daysLabel: taskDaysLabel(days),
    daysLeft: days.kind === 'left' ? days.days : days.kind === 'late' ? -days.days : null,
    latestPercent: stat?.latestPercent ?? null,
    reportCount: stat?.count ?? 0,
    version: row.version,
  };
}

/** The task as its audit rows keep it: names, not ids, so that its history reads as written. */
export function taskSnapshot(row: TaskRow, officeNames: ReadonlyMap<string, string>) {
  return {
    title: row.title,
    description: row.description,
    authority: row.authority,
    document:
      row.documentNumber === null
        ? null
        : formatDocumentRef({ number: row.documentNumber, date: row.documentDate }),
    leadOffice: row.leadOfficeId === null ? null : office(row.leadOfficeId, officeNames).name,
    supportingOffices: (row.supportingOfficeIds as string[]).map(
      (id) => office(id, officeNames).name,
    ),
    codes: row.codes as string[],
    deadline: row.deadline,
    target: row.target,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}
