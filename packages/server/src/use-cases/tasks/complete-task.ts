import type { UseCaseContext } from '../../context.js';
import { changeTaskState } from './change-task-state.js';

/**
 * The office in charge (or the unit) reports the task done, at the server's time: on time or
 * late follows from that instant and the deadline. A task never started starts now too.
 */
export async function completeTask(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  version: number,
) {
  return changeTaskState(ctx, key, version, {
    action: 'task.complete',
    access: 'report',
    refuse: (row) => (row.completedAt !== null ? 'Nhiệm vụ đã hoàn thành' : undefined),
    values: (row, now) => ({ completedAt: now, startedAt: row.startedAt ?? now }),
  });
}
