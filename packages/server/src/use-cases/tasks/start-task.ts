import type { UseCaseContext } from '../../context.js';
import { changeTaskState } from './change-task-state.js';

/** The office in charge (or the unit) starts work on a task. */
export async function startTask(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  version: number,
) {
  return changeTaskState(ctx, key, version, {
    action: 'task.start',
    access: 'report',
    refuse: (row) =>
      row.completedAt !== null
        ? 'Nhiệm vụ đã hoàn thành'
        : row.startedAt !== null
          ? 'Nhiệm vụ đã bắt đầu thực hiện'
          : undefined,
    values: (_row, now) => ({ startedAt: now }),
  });
}
