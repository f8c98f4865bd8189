import { recordAudits } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { units } from '../../db/schema.js';
import {
  addAppliedCounts,
  commitImport,
  dropImportRows,
  stageImportRows,
  takeImportRows,
} from '../../repositories/import-rows.js';
import { findUnits, upsertUnits } from '../../repositories/units.js';
import { ImportCancelled, type ImportProgress } from '../imports/import-progress.js';

// On PGlite's one connection a transaction holds every other request (decision 0045): the
// checked units are staged in short statements, the import is then decided in one update, and
// applied a chunk per transaction, each chunk removing its staged rows as it writes them.

/** Rows staged per statement, and applied (with their audit rows) per transaction. */
const STAGE_BATCH = 1000;
const APPLY_BATCH = 500;

export type StagedUnit = typeof units.$inferInsert;
export interface UnitCounts {
  created: number;
  updated: number;
}

/**
 * Stages `ordered` (parents first) for import job `importId`, decides it, applies it. Until the
 * decision a cancel or a failure leaves nothing (the staged rows are dropped); after it the
 * rows are applied, here or — after a crash — by the next start (`resumeStagedUnits`).
 */
export async function saveUnitsStaged(
  ctx: UseCaseContext,
  staging: NonNullable<ImportProgress['staging']>,
  ordered: readonly StagedUnit[],
  progress: ImportProgress,
): Promise<UnitCounts> {
  const { db } = ctx.deps;
  const total = ordered.length;
  // The bar counts half a row for staging it and half for applying it.
  const half = (rows: number) => Math.floor(rows / 2);
  let committedAt: Date | undefined;
  try {
    for (let start = 0; start < total; start += STAGE_BATCH) {
      const batch = ordered.slice(start, start + STAGE_BATCH);
      await stageImportRows(db, staging.importId, start, batch);
      await progress.step(half(start + batch.length));
    }
    committedAt = await commitImport(db, staging.importId);
    if (!committedAt) throw new ImportCancelled();
  } catch (error) {
    await dropImportRows(db, staging.importId);
    throw error;
  }
  return applyStagedUnits(ctx, staging.importId, committedAt, (applied) =>
    staging.advance(half(total) + half(applied)),
  );
}

/**
 * Applies what is left staged of a decided import, a chunk per transaction: the chunk's units
 * (created ones at the decision's instant, so that all share one created_at as in one
 * transaction), their audit rows with the unit as it was just before, and the counts so far.
 */
export async function applyStagedUnits(
  ctx: UseCaseContext,
  importId: string,
  committedAt: Date,
  advance: (appliedRows: number) => Promise<void>,
): Promise<UnitCounts> {
  const totals: UnitCounts = { created: 0, updated: 0 };
  for (let applied = 0; ;) {
    const done = await ctx.deps.db.transaction(async (tx) => {
      const rows = await takeImportRows(tx, importId, APPLY_BATCH);
      if (rows.length === 0) return 0;
      const batch = rows.map((row) => row.data as StagedUnit);
      const before = new Map(
        (
          await findUnits(
            tx,
            batch.map((unit) => unit.id),
          )
        ).map((unit) => [unit.id, unit]),
      );
      const stored = await upsertUnits(tx, batch, committedAt);
      const counts: UnitCounts = { created: 0, updated: 0 };
      await recordAudits(
        tx,
        ctx,
        stored.map((row) => {
          const old = before.get(row.id);
          if (old) counts.updated++;
          else counts.created++;
          return {
            action: old ? 'unit.update' : 'unit.create',
            entityType: 'unit',
            entityId: row.id,
            unitId: row.id,
            before: old,
            after: { ...row, source: 'import' },
          };
        }),
      );
      await addAppliedCounts(tx, importId, counts);
      totals.created += counts.created;
      totals.updated += counts.updated;
      return rows.length;
    });
    if (done === 0) return totals;
    applied += done;
    await advance(applied);
  }
}
