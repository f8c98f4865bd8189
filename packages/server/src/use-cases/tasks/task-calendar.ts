import { monthRange } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listTasks } from './list-tasks.js';

/** The tasks due in a month ("2023-06"), by deadline: the unit's calendar. */
export async function taskCalendar(ctx: UseCaseContext, unitId: string, month: string) {
  const [year = 0, number = 0] = month.split('-').map(Number);
  const range = monthRange(year, number);
  const list = await listTasks(ctx, unitId, {}, range);
  return { month, ...range, tasks: list.tasks };
}
