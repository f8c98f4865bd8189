import {
  countsTask,
  leafTaskCount,
  leafTaskCountLabel,
  TASK_STATUS_LABELS,
  type Framework,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listOffices } from '../../repositories/offices.js';
import { listUnitTasks } from '../../repositories/tasks.js';
import { statusOf } from '../tasks/present-task.js';

/**
 * For each leaf whose rule counts items (a deduction per overdue task, a number on time),
 * the unit's tasks serving it — tasks naming the leaf's code, due in the period's year — with
 * the count that can go into its facts, read at `at` (the server's clock, in Vietnam time).
 * One query for the tasks and one for the office names, whatever the number of leaves.
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
  const [rows, offices] = await Promise.all([
    listUnitTasks(db, unitId, { from: `${year}-01-01`, to: `${year}-12-31` }),
    listOffices(db, unitId),
  ]);
  const officeNames = new Map(offices.map((o) => [o.id, o.name]));
  const tasks = rows.map((row) => ({
    row,
    status: statusOf(row, at),
    office: row.leadOfficeId === null ? null : (officeNames.get(row.leadOfficeId) ?? null),
  }));
  function present(code: string) {
    const count = counting.get(code);
    const served = tasks.filter((t) => (t.row.codes as string[]).includes(code));
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
