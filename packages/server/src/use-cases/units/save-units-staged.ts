import type { UseCaseContext } from '../../context.js';
import type { units } from '../../db/schema.js';
import { commitImport, dropImportRows, stageImportRows } from '../../repositories/import-rows.js';
import { ImportCancelled, type ImportProgress } from '../imports/import-progress.js';
import { applyStagedUnits } from './apply-staged-units.js';

// On PGlite's one connection a transaction holds every other request (decision 0045): the
// checked units are staged in short statements, the import is then decided in one update, and
// applied a chunk per transaction, unseen by readers until one last step (decision 0054).

/** Rows staged per statement. */
const STAGE_BATCH = 1000;

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
