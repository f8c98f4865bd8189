import type { Db } from '../../db/database.js';
import { listUnitPeople } from '../../repositories/reminder-sources.js';

/** The officers and heads of each unit, by unit. */
export async function peopleByUnit(db: Db, unitIds: readonly string[]) {
  const byUnit = new Map<string, string[]>();
  for (const person of await listUnitPeople(db, unitIds)) {
    if (!person.unitId) continue;
    byUnit.set(person.unitId, [...(byUnit.get(person.unitId) ?? []), person.id]);
  }
  return byUnit;
}
