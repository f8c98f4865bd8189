import {
  countsTask,
  leafTaskCount,
  leafTaskCountLabel,
  TASK_STATUS_LABELS,
  type Framework,
  type TaskStatus,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listUnitTasksWithOffice, type TaskRow } from '../../repositories/tasks.js';
import { statusOf } from '../tasks/present-task.js';

interface Served {
  row: TaskRow;
  status: TaskStatus;
  office: string | null;
}

/**
 * For each leaf whose rule counts items (a deduction per overdue task, a number on time),
 * the unit's tasks serving it — tasks naming the leaf's code, due in the period's year — with
 * the count that can go into its facts, read at `at` (the server's clock, in Vietnam time).
 * One query for the tasks with their lead offices' names, whatever the number of leaves.
 */
export async function servedTasksOf(
  db: Db,
  framework: Framework,
  unitId: string,
  year: number,
  at: Date,
) {
  const counting = new Map(
    framework.leaves.flatMap((leaf) => {
      const count = leaf.rule ? leafTaskCount(leaf.rule) : null;
      return count ? [[leaf.code, count] as const] : [];
    }),
  );
  const byCode = new Map<string, ReturnType<typeof present>>();
  if (counting.size === 0) return byCode;
  const rows = await listUnitTasksWithOffice(db, unitId, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  // Grouped by the codes they serve in one pass, so that no leaf scans every task.
  const servedBy = new Map<string, Served[]>();
  for (const { task: row, office } of rows) {
    const task: Served = { row, status: statusOf(row, at), office };
    for (const code of new Set(row.codes as string[])) {
      if (!counting.has(code)) continue;
      const list = servedBy.get(code) ?? [];
      list.push(task);
      servedBy.set(code, list);
    }
  }
  function present(code: string) {
    const count = counting.get(code);
    const served = servedBy.get(code) ?? [];
    if (!count || served.length === 0) return null;
    const listed = served.map((t) => ({
      id: t.row.id,
      title: t.row.title,
      office: t.office,
      deadline: t.row.deadline,
      status: t.status,
      statusLabel: TASK_STATUS_LABELS[t.status],
      counted: countsTask(count, t.status),
    }));
    const n = listed.filter((t) => t.counted).length;
    return { ...count, count: n, label: leafTaskCountLabel(count, n), tasks: listed };
  }
  for (const code of counting.keys()) byCode.set(code, present(code));
  return byCode;
}
