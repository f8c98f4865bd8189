import type { UseCaseContext } from '../../context.js';
import { insertTasks } from '../../repositories/tasks.js';
import { recordAudit } from '../../audit/record-audit.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { presentTask, taskSnapshot } from './present-task.js';
import { checkTaskFields, loadNames, type TaskFields } from './task-input.js';

/** A task given by hand by the unit's officer or head to its offices. Audited. */
export async function createTask(
  ctx: UseCaseContext,
  unitId: string,
  input: TaskFields & { title: string; deadline: string; leadOfficeId: string | null },
) {
  const actor = authorize(ctx, 'editImprovement', { unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, unitId);
    const values = await checkTaskFields(tx, unit, input);
    const [row] = await insertTasks(tx, [
      {
        ...values,
        unitId,
        title: input.title.trim(),
        deadline: input.deadline,
        origin: 'manual',
        createdAt: ctx.now,
        createdBy: actor.userId,
      },
    ]);
    if (!row) throw new Error('insert returned nothing');
    const names = await loadNames(tx, [unitId], []);
    await recordAudit(tx, ctx, {
      action: 'task.create',
      entityType: 'task',
      entityId: row.id,
      unitId,
      after: taskSnapshot(row, names.officeNames),
    });
    return presentTask(row, names, ctx.now);
  });
}
