import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { frameworkNodes, offices, unitNodeOffices } from '../db/schema.js';

export type OfficeRow = typeof offices.$inferSelect;
export type UnitNodeOfficesRow = typeof unitNodeOffices.$inferSelect;

export function presentOffice(row: OfficeRow) {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    position: row.position,
    active: row.active,
  };
}

export async function listOffices(db: Db, unitId: string): Promise<OfficeRow[]> {
  return db
    .select()
    .from(offices)
    .where(eq(offices.unitId, unitId))
    .orderBy(asc(offices.position), asc(offices.name));
}

export async function findOffice(db: Db, id: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  return row;
}

export async function insertOffice(
  db: Db,
  values: typeof offices.$inferInsert,
): Promise<OfficeRow | undefined> {
  const [row] = await db.insert(offices).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateOffice(
  db: Db,
  id: string,
  changes: Partial<Pick<OfficeRow, 'name' | 'position' | 'active'>>,
): Promise<OfficeRow | undefined> {
  const [row] = await db.update(offices).set(changes).where(eq(offices.id, id)).returning();
  return row;
}

export async function listUnitNodeOffices(
  db: Db,
  unitId: string,
  frameworkId: string,
): Promise<UnitNodeOfficesRow[]> {
  return db
    .select()
    .from(unitNodeOffices)
    .where(and(eq(unitNodeOffices.unitId, unitId), eq(unitNodeOffices.frameworkId, frameworkId)));
}

export async function findUnitNodeOffices(
  db: Db,
  key: { unitId: string; frameworkId: string; code: string },
): Promise<UnitNodeOfficesRow | undefined> {
  const [row] = await db
    .select()
    .from(unitNodeOffices)
    .where(
      and(
        eq(unitNodeOffices.unitId, key.unitId),
        eq(unitNodeOffices.frameworkId, key.frameworkId),
        eq(unitNodeOffices.code, key.code),
      ),
    );
  return row;
}

export async function upsertUnitNodeOffices(
  db: Db,
  values: typeof unitNodeOffices.$inferInsert,
): Promise<void> {
  const { unitId: _u, frameworkId: _f, code: _c, ...changes } = values;
  await db
    .insert(unitNodeOffices)
    .values(values)
    .onConflictDoUpdate({
      target: [unitNodeOffices.unitId, unitNodeOffices.frameworkId, unitNodeOffices.code],
      set: changes,
    });
}

export async function deleteUnitNodeOffices(
  db: Db,
  key: { unitId: string; frameworkId: string; code: string },
): Promise<void> {
  await db
    .delete(unitNodeOffices)
    .where(
      and(
        eq(unitNodeOffices.unitId, key.unitId),
        eq(unitNodeOffices.frameworkId, key.frameworkId),
        eq(unitNodeOffices.code, key.code),
      ),
    );
}

/** The framework's default lead and supporting offices of a node, by name. */
export async function setDefaultOffices(
  db: Db,
  frameworkId: string,
  code: string,
  leadOffice: string | null,
  supportingOffices: readonly string[],
): Promise<void> {
  await db
    .update(frameworkNodes)
    .set({ leadOffice, supportingOffices: [...supportingOffices] })
    .where(and(eq(frameworkNodes.frameworkId, frameworkId), eq(frameworkNodes.code, code)));
}

/**
 * Carries who answers for what from one framework to its copy (same codes; decision 0013): the
 * framework's default names and every unit's own choices.
 */
export async function copyNodeOffices(db: Db, fromId: string, toId: string): Promise<void> {
  await db.execute(sql`
    UPDATE framework_nodes AS copy
       SET lead_office = source.lead_office, supporting_offices = source.supporting_offices
      FROM framework_nodes AS source
     WHERE source.framework_id = ${fromId} AND copy.framework_id = ${toId}
       AND copy.code = source.code`);
  const rows = await db
    .select()
    .from(unitNodeOffices)
    .where(eq(unitNodeOffices.frameworkId, fromId));
  if (rows.length === 0) return;
  await db
    .insert(unitNodeOffices)
    .values(rows.map((row) => ({ ...row, frameworkId: toId })))
    .onConflictDoNothing();
}
