import {
  lateByOffice,
  lateSentence,
  sumTallies,
  TASK_STATUSES,
  vietnamDate,
  type TaskOfficeRef,
  type TaskTally,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listTaskTallies } from '../../repositories/tasks.js';
import { authorize } from '../authorize.js';

/**
 * The province's view of every unit's tasks: counts by status, done, late, and each unit's
 * seed 000 sentence. Units with no task are listed with zeros, so that none is forgotten.
 * The database counts tasks per unit, lead office and status (the core's status, in SQL: a
 * province's 20 000 tasks never travel); the core words the counts.
 */
export async function tasksOverview(ctx: UseCaseContext) {
  authorize(ctx, 'readImprovement');
  const rows = await listTaskTallies(ctx.deps.db, ctx.now, vietnamDate(ctx.now.getTime()));
  // The rows come unit by unit, offices in the unit's order: gathered in one pass.
  const units = new Map<
    string,
    { unitName: string; unitType: string; tallies: TaskTally[]; order: TaskOfficeRef[] }
  >();
  for (const row of rows) {
    let unit = units.get(row.unitId);
    if (!unit) {
      unit = { unitName: row.unitName, unitType: row.unitType, tallies: [], order: [] };
      units.set(row.unitId, unit);
    }
    const leadOffice =
      row.leadOfficeId === null ? null : { id: row.leadOfficeId, name: row.officeName ?? '' };
    if (leadOffice && row.officeUnitId === row.unitId) unit.order.push(leadOffice);
    for (const status of TASK_STATUSES) {
      const count = row[status] ?? 0;
      if (count > 0) unit.tallies.push({ leadOffice, status, count });
    }
  }
  const all = [...units.values()].flatMap((unit) => unit.tallies);
  return {
    units: [...units].map(([unitId, unit]) => ({
      unitId,
      unitName: unit.unitName,
      unitType: unit.unitType,
      counts: sumTallies(unit.tallies),
      lateSentence: lateSentence(lateByOffice(unit.tallies, unit.order)),
    })),
    counts: sumTallies(all),
  };
}
