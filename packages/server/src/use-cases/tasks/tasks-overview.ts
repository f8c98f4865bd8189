import { countTasks, lateByOffice, lateSentence, taskStatus, type TaskStatus } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listAllOffices, listTaskTimings } from '../../repositories/tasks.js';
import { listUnits } from '../../repositories/units.js';
import { authorize } from '../authorize.js';
import { timingOf } from './present-task.js';

/**
 * The province's view of every unit's tasks: counts by status, done, late, and each unit's
 * seed 000 sentence. Units with no task are listed with zeros, so that none is forgotten.
 */
export async function tasksOverview(ctx: UseCaseContext) {
  authorize(ctx, 'readImprovement');
  const { db } = ctx.deps;
  const [units, timings, offices] = await Promise.all([
    listUnits(db),
    listTaskTimings(db),
    listAllOffices(db),
  ]);
  const at = ctx.now.getTime();
  const byUnit = new Map<
    string,
    { leadOffice: { id: string; name: string } | null; status: TaskStatus }[]
  >();
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const statuses: TaskStatus[] = [];
  for (const timing of timings) {
    const status = taskStatus(timingOf(timing), at);
    statuses.push(status);
    const lead =
      timing.leadOfficeId === null
        ? null
        : { id: timing.leadOfficeId, name: officeName.get(timing.leadOfficeId) ?? '' };
    const list = byUnit.get(timing.unitId) ?? [];
    list.push({ leadOffice: lead, status });
    byUnit.set(timing.unitId, list);
  }
  return {
    units: units.map((unit) => {
      const tasks = byUnit.get(unit.id) ?? [];
      const order = offices.filter((o) => o.unitId === unit.id);
      return {
        unitId: unit.id,
        unitName: unit.name,
        unitType: unit.type,
        counts: countTasks(tasks.map((t) => t.status)),
        lateSentence: lateSentence(lateByOffice(tasks, order)),
      };
    }),
    counts: countTasks(statuses),
  };
}
