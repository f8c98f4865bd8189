import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { procedureStatistics, statisticMappings } from '../db/schema.js';

export type ProcedureStatisticsRow = typeof procedureStatistics.$inferSelect;
export type StatisticMappingRow = typeof statisticMappings.$inferSelect;

export async function listPeriodStatistics(
  db: Db,
  periodId: string,
  unitIds?: readonly string[],
): Promise<ProcedureStatisticsRow[]> {
  const where =
    unitIds === undefined
      ? eq(procedureStatistics.periodId, periodId)
      : and(
          eq(procedureStatistics.periodId, periodId),
          inArray(procedureStatistics.unitId, [...unitIds]),
        );
  if (unitIds !== undefined && unitIds.length === 0) return [];
  return db
    .select()
    .from(procedureStatistics)
    .where(where)
    .orderBy(asc(procedureStatistics.unitId));
}

export async function findUnitStatistics(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<ProcedureStatisticsRow | undefined> {
  const [row] = await listPeriodStatistics(db, periodId, [unitId]);
  return row;
}

/** Replaces a unit's row whole (the version counts the replacements). */
export async function replaceUnitStatistics(
  db: Db,
  values: Omit<typeof procedureStatistics.$inferInsert, 'version'>,
): Promise<ProcedureStatisticsRow> {
  const [row] = await db
    .insert(procedureStatistics)
    .values({ ...values, version: 1 })
    .onConflictDoUpdate({
      target: [procedureStatistics.periodId, procedureStatistics.unitId],
      set: {
        figures: values.figures,
        source: values.source,
        sourceName: values.sourceName,
        countedTo: values.countedTo ?? null,
        updatedAt: values.updatedAt,
        updatedBy: values.updatedBy ?? null,
        tokenId: values.tokenId ?? null,
        version: sql`${procedureStatistics.version} + 1`,
      },
    })
    .returning();
  if (!row) throw new Error('upsert returned nothing');
  return row;
}

/**
 * The mapping remembered for a header row under the first of `scopeKeys` (in that order of
 * preference) that has one.
 */
export async function findMapping(
  db: Db,
  scopeKeys: readonly string[],
  headerKey: string,
): Promise<StatisticMappingRow | undefined> {
  if (scopeKeys.length === 0) return undefined;
  const rows = await db
    .select()
    .from(statisticMappings)
    .where(
      and(
        inArray(statisticMappings.scopeKey, [...scopeKeys]),
        eq(statisticMappings.headerKey, headerKey),
      ),
    );
  for (const scopeKey of scopeKeys) {
    const row = rows.find((r) => r.scopeKey === scopeKey);
    if (row) return row;
  }
  return undefined;
}

export async function saveMapping(db: Db, values: typeof statisticMappings.$inferInsert) {
  await db
    .insert(statisticMappings)
    .values(values)
    .onConflictDoUpdate({
      target: [statisticMappings.scopeKey, statisticMappings.headerKey],
      set: { mapping: values.mapping, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
    });
}

/** The mirror of `listPeriodStatistics` for one unit, for a cached answer (decision 0051). */
export const UNIT_STATISTICS_READ = xminFingerprint(
  'procedure statistics',
  'procedure_statistics',
  't.period_id = $1 AND t.unit_id = $2',
);
