import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  monitoringRows,
  monitoringSnapshots,
  participations,
  periodFrameworks,
} from '../db/schema.js';

export type SnapshotRow = typeof monitoringSnapshots.$inferSelect;
export type MonitoringRowRecord = typeof monitoringRows.$inferSelect;

export async function insertSnapshot(
  db: Db,
  values: typeof monitoringSnapshots.$inferInsert,
  rows: Omit<typeof monitoringRows.$inferInsert, 'snapshotId'>[],
): Promise<SnapshotRow> {
  const [snapshot] = await db.insert(monitoringSnapshots).values(values).returning();
  if (!snapshot) throw new Error('insert returned nothing');
  if (rows.length > 0) {
    await db
      .insert(monitoringRows)
      .values(rows.map((row) => ({ ...row, snapshotId: snapshot.id })));
  }
  return snapshot;
}

export async function findSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(monitoringSnapshots).where(eq(monitoringSnapshots.id, id));
  return row;
}

/** The snapshot, locked for a change in this transaction. */
export async function lockSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(monitoringSnapshots)
    .where(eq(monitoringSnapshots.id, id))
    .for('update');
  return row;
}

export async function listSnapshotRows(db: Db, snapshotId: string): Promise<MonitoringRowRecord[]> {
  return db
    .select()
    .from(monitoringRows)
    .where(eq(monitoringRows.snapshotId, snapshotId))
    .orderBy(asc(monitoringRows.position));
}

/** The rows of several snapshots in one query, by snapshot, each in its order. */
export async function listRowsOfSnapshots(
  db: Db,
  snapshotIds: readonly string[],
): Promise<Map<string, MonitoringRowRecord[]>> {
  const bySnapshot = new Map<string, MonitoringRowRecord[]>();
  if (snapshotIds.length === 0) return bySnapshot;
  const rows = await db
    .select()
    .from(monitoringRows)
    .where(inArray(monitoringRows.snapshotId, [...snapshotIds]))
    .orderBy(asc(monitoringRows.snapshotId), asc(monitoringRows.position));
  for (const row of rows) {
    const list = bySnapshot.get(row.snapshotId);
    if (list) list.push(row);
    else bySnapshot.set(row.snapshotId, [row]);
  }
  return bySnapshot;
}

export async function listUnitSnapshots(db: Db, unitId: string): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(monitoringSnapshots)
    .where(eq(monitoringSnapshots.unitId, unitId))
    .orderBy(desc(monitoringSnapshots.asOf), desc(monitoringSnapshots.createdAt));
}

/** Every unit's latest snapshot of a year (by date, then by creation). */
export async function latestSnapshotsOfYear(db: Db, year: number): Promise<SnapshotRow[]> {
  return db
    .selectDistinctOn([monitoringSnapshots.unitId])
    .from(monitoringSnapshots)
    .where(eq(monitoringSnapshots.year, year))
    .orderBy(
      monitoringSnapshots.unitId,
      desc(monitoringSnapshots.asOf),
      desc(monitoringSnapshots.createdAt),
    );
}

export async function updateSnapshotRow(
  db: Db,
  key: { snapshotId: string; code: string },
  changes: Partial<
    Pick<MonitoringRowRecord, 'expectedPoints' | 'source' | 'reason' | 'reasonText' | 'officeId'>
  >,
): Promise<void> {
  await db
    .update(monitoringRows)
    .set(changes)
    .where(and(eq(monitoringRows.snapshotId, key.snapshotId), eq(monitoringRows.code, key.code)));
}

export async function touchSnapshot(
  db: Db,
  id: string,
  at: Date,
  changes: Partial<Pick<SnapshotRow, 'title' | 'asOf'>> = {},
): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .update(monitoringSnapshots)
    .set({ ...changes, updatedAt: at, version: sql`${monitoringSnapshots.version} + 1` })
    .where(eq(monitoringSnapshots.id, id))
    .returning();
  return row;
}

/** The newest period whose framework for the unit's type is this one and the unit takes part in. */
export async function periodOfUnitFramework(
  db: Db,
  unitId: string,
  frameworkId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ periodId: periodFrameworks.periodId })
    .from(periodFrameworks)
    .innerJoin(
      participations,
      and(
        eq(participations.periodId, periodFrameworks.periodId),
        eq(participations.unitId, unitId),
      ),
    )
    .where(eq(periodFrameworks.frameworkId, frameworkId))
    .limit(1);
  return row?.periodId;
}
