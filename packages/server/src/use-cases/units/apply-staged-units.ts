import { recordAudits } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  addAppliedCounts,
  markImportApplied,
  nextImportRows,
  settleImportRows,
  takeDeferredRows,
} from '../../repositories/import-rows.js';
import { insertPendingUnits, storedUnitIds } from '../../repositories/pending-units.js';
import { findUnits, upsertUnits, type UnitRow } from '../../repositories/units.js';
import type { StagedUnit, UnitCounts } from './save-units-staged.js';

// A decided units import is applied so that no reader sees half of it (decision 0054): the
// units it creates go in a chunk per transaction, hidden by the `units` view; the units it
// changes wait staged; one last transaction writes the changes and sets the flag that shows
// the created ones — readers see the old table until that commit, then the whole import.

/** Rows applied (with their audit rows) per transaction. */
const APPLY_BATCH = 500;

/**
 * Applies what is left staged of a decided import, here or after a crash. Created units get
 * the decision's instant as created_at (one for the whole import, as in one transaction).
 */
export async function applyStagedUnits(
  ctx: UseCaseContext,
  importId: string,
  committedAt: Date,
  advance: (appliedRows: number) => Promise<void>,
): Promise<UnitCounts> {
  let created = 0;
  for (let applied = 0; ;) {
    const done = await ctx.deps.db.transaction(async (tx) => {
      const rows = await nextImportRows(tx, importId, APPLY_BATCH);
      if (rows.length === 0) return undefined;
      const stored = await storedUnitIds(
        tx,
        rows.map((row) => (row.data as StagedUnit).id),
      );
      const fresh = rows.filter((row) => !stored.has((row.data as StagedUnit).id));
      const written = await insertPendingUnits(
        tx,
        importId,
        fresh.map((row) => row.data as StagedUnit),
        committedAt,
      );
      await audit(tx, ctx, written, new Map());
      await addAppliedCounts(tx, importId, { created: written.length, updated: 0 });
      await settleImportRows(
        tx,
        importId,
        fresh.map((row) => row.n),
        rows.filter((row) => stored.has((row.data as StagedUnit).id)).map((row) => row.n),
      );
      return { rows: rows.length, created: written.length };
    });
    if (!done) break;
    created += done.created;
    applied += done.rows;
    await advance(applied);
  }
  const last = await ctx.deps.db.transaction(async (tx) => {
    const batch = (await takeDeferredRows(tx, importId)).map((row) => row.data as StagedUnit);
    const before = new Map(
      (
        await findUnits(
          tx,
          batch.map((unit) => unit.id),
        )
      ).map((unit) => [unit.id, unit]),
    );
    const written = await upsertUnits(tx, batch, committedAt);
    await audit(tx, ctx, written, before);
    // A unit set aside as existing but not seen by the view was another import's hidden one.
    const updated = written.filter((row) => before.has(row.id)).length;
    const counts = { created: written.length - updated, updated };
    await addAppliedCounts(tx, importId, counts);
    await markImportApplied(tx, importId);
    return counts;
  });
  return { created: created + last.created, updated: last.updated };
}

/** The audit rows of units written by the import, with each one as it was before, if it was. */
async function audit(
  tx: Db,
  ctx: UseCaseContext,
  written: readonly UnitRow[],
  before: ReadonlyMap<string, UnitRow>,
): Promise<void> {
  await recordAudits(
    tx,
    ctx,
    written.map((row) => {
      const old = before.get(row.id);
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
}
