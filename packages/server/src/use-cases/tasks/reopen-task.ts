import type { UseCaseContext } from '../../context.js';
import { changeTaskState } from './change-task-state.js';

/** The unit's officer or head reopens a completed task (the result was not enough). */
export async function reopenTask(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  version: number,
) {
  return changeTaskState(ctx, key, version, {
    action: 'task.reopen',
    access: 'edit',
    refuse: (row) => (row.completedAt === null ? 'Nhiệm vụ chưa hoàn thành' : undefined),
    values: () => ({ completedAt: null }),
  });
}
