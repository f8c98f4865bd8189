import type { Db } from '../../db/database.js';
import { listUnitPeople } from '../../repositories/reminder-sources.js';

/** The officers and heads of each unit, by unit. */
export async function peopleByUnit(db: Db, unitIds: readonly string[]) {
  const byUnit = new Map<string, string[]>();
  for (const person of await listUnitPeople(db, unitIds)) {
    if (!person.unitId) continue;
    const list = byUnit.get(person.unitId);
    if (list === undefined) byUnit.set(person.unitId, [person.id]);
    else list.push(person.id);
  }
  return byUnit;
}
