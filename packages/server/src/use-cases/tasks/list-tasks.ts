import {
  countTasks,
  isLate,
  lateByOffice,
  lateSentence,
  OFFICE_ROLES,
  type TaskStatus,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listOffices } from '../../repositories/offices.js';
import { listUnitTasks, type TaskFilter } from '../../repositories/tasks.js';
import { requireUnit } from '../offices/unit-of.js';
import { presentTask } from './present-task.js';
import { loadNames } from './task-input.js';
import { authorizeIn } from '../reach.js';

export interface TaskListFilter {
  officeId?: string | undefined;
  status?: TaskStatus | undefined;
  code?: string | undefined;
  late?: boolean | undefined;
}

/**
 * A unit's tasks, filtered, with its counts, late tasks per lead office and seed 000's
 * sentence over every task the reader may see (an office's staff: their office's only).
 */
export async function listTasks(
  ctx: UseCaseContext,
  unitId: string,
  filter: TaskListFilter,
  range: Pick<TaskFilter, 'from' | 'to'> = {},
) {
  const actor = await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, unitId);
  const ownOffice = OFFICE_ROLES.includes(actor.role) ? (actor.officeId ?? '') : undefined;
  const offices = await listOffices(db, unitId);
  const rows = await listUnitTasks(db, unitId, { officeId: ownOffice, ...range });
  const names = await loadNames(
    db,
    [unitId],
    rows.map((row) => row.id),
  );
  const all = rows.map((row) => presentTask(row, names, ctx.now));
  const shown = all.filter(
    (task) =>
      (filter.officeId === undefined ||
        task.leadOffice?.id === filter.officeId ||
        task.supportingOffices.some((o) => o.id === filter.officeId)) &&
      (filter.status === undefined || task.status === filter.status) &&
      (filter.code === undefined || task.codes.includes(filter.code)) &&
      (filter.late === undefined || isLate(task.status) === filter.late),
  );
  const late = lateByOffice(
    all,
    offices.map((o) => ({ id: o.id, name: o.name })),
  );
  const office = offices.find((o) => o.id === ownOffice);
  return {
    unit: { id: unit.id, name: unit.name },
    office: office ? { id: office.id, name: office.name } : null,
    tasks: shown,
    counts: countTasks(all.map((task) => task.status)),
    lateByOffice: late,
    lateSentence: lateSentence(late),
  };
}
