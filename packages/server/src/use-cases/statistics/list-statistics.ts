import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { listPeriodStatistics } from '../../repositories/statistics.js';
import { findUnits } from '../../repositories/units.js';
import { authorizeIn } from '../reach.js';
import { presentUnitStatistics, type PresentedUnitStatistics } from './present-statistics.js';
import { requirePeriod } from './statistics-file.js';

/** A period's procedure statistics, one row per unit that has figures, by unit name. */
export async function listStatistics(
  ctx: UseCaseContext,
  periodId: string,
): Promise<{ units: PresentedUnitStatistics[] }> {
  await authorizeIn(ctx, 'manageStatistics', { periodId: periodId });
  const db = ctx.deps.db;
  await requirePeriod(db, periodId);
  return periodStatisticsView(db, periodId);
}

/** The figures of a period's units, presented (shared with a source system's read). */
export async function periodStatisticsView(
  db: Db,
  periodId: string,
): Promise<{ units: PresentedUnitStatistics[] }> {
  const rows = await listPeriodStatistics(db, periodId);
  const names = new Map(
    (
      await findUnits(
        db,
        rows.map((row) => row.unitId),
      )
    ).map((unit) => [unit.id, unit.name]),
  );
  const units = rows.map((row) => presentUnitStatistics(row, names.get(row.unitId) ?? row.unitId));
  units.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return { units };
}
