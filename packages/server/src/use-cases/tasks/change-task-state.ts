import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { updateTaskRow, type TaskRow } from '../../repositories/tasks.js';
import { presentTask, taskSnapshot } from './present-task.js';
import { requireTask, staleTask } from './task-access.js';
import { loadNames } from './task-input.js';

export interface StateChange {
  action: 'task.start' | 'task.complete' | 'task.reopen';
  access: 'report' | 'edit';
  /** Why the change cannot be made from the current state, or undefined. */
  refuse: (row: TaskRow) => string | undefined;
  values: (row: TaskRow, now: Date) => Partial<TaskRow>;
}

/** Moves a task (start, complete, reopen) at the server's time, version-checked, audited. */
export async function changeTaskState(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  version: number,
  change: StateChange,
) {
  return ctx.deps.db.transaction(async (tx) => {
    const { row: before } = await requireTask(ctx, tx, key, change.access);
    if (before.version !== version) throw staleTask();
    const refusal = change.refuse(before);
    if (refusal !== undefined) throw new DomainError(ERROR_CODES.INVALID_STATE, refusal);
    const row = await updateTaskRow(tx, before.id, version, change.values(before, ctx.now));
    if (!row) throw staleTask();
    const names = await loadNames(tx, [key.unitId], [row.id]);
    const snapshot = (r: TaskRow) => {
      const { startedAt, completedAt } = taskSnapshot(r, names.officeNames);
      return { startedAt, completedAt };
    };
    await recordAudit(tx, ctx, {
      action: change.action,
      entityType: 'task',
      entityId: row.id,
      unitId: key.unitId,
      before: snapshot(before),
      after: snapshot(row),
    });
    return presentTask(row, names, ctx.now);
  });
}
