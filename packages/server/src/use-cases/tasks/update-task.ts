import type { UseCaseContext } from '../../context.js';
import { updateTaskRow } from '../../repositories/tasks.js';
import { recordAudit } from '../../audit/record-audit.js';
import { requireUnit } from '../offices/unit-of.js';
import { presentTask, taskSnapshot } from './present-task.js';
import { requireTask, staleTask } from './task-access.js';
import { checkTaskFields, loadNames, type TaskFields } from './task-input.js';

/** Changes what a task says (the unit's officer or head), checked against its version. */
export async function updateTask(
  ctx: UseCaseContext,
  key: { unitId: string; taskId: string },
  input: TaskFields & { version: number },
) {
  return ctx.deps.db.transaction(async (tx) => {
    const { row: before } = await requireTask(ctx, tx, key, 'edit');
    const unit = await requireUnit(tx, key.unitId);
    const { version, ...fields } = input;
    const values = await checkTaskFields(tx, unit, fields, before);
    const row = await updateTaskRow(tx, before.id, version, values);
    if (!row) throw staleTask();
    const names = await loadNames(tx, [key.unitId], [row.id]);
    await recordAudit(tx, ctx, {
      action: 'task.update',
      entityType: 'task',
      entityId: row.id,
      unitId: key.unitId,
      before: taskSnapshot(before, names.officeNames),
      after: taskSnapshot(row, names.officeNames),
    });
    return presentTask(row, names, ctx.now);
  });
}
