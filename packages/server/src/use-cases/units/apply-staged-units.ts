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
import { compactUnitChanges, writeUnitChanges } from '../../repositories/unit-rows.js';
import { findUnits, upsertUnits, type UnitRow } from '../../repositories/units.js';
import type { StagedUnit, UnitCounts } from './save-units-staged.js';

// A decided units import is applied so that no reader sees half of it (decisions 0054, 0057):
// the units it creates go in a chunk per transaction, hidden by the `units` view, and so do
// its changes of existing units, as change rows; one last short transaction sets the flag that
// shows both — readers see the old table until that commit, then the whole import. The change
// rows are then folded into the units' rows, a chunk per transaction, unseen by readers.

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
  const totals: UnitCounts = { created: 0, updated: 0 };
  let applied = 0;
  for (;;) {
    const done = await ctx.deps.db.transaction(async (tx) => {
      const rows = await nextImportRows(tx, importId, APPLY_BATCH);
      if (rows.length === 0) return undefined;
      const unitOf = (row: { data: unknown }) => row.data as StagedUnit;
      const stored = await storedUnitIds(
        tx,
        rows.map((row) => unitOf(row).id),
      );
      const fresh = rows.filter((row) => !stored.has(unitOf(row).id));
      const kept = rows.filter((row) => stored.has(unitOf(row).id));
      const written = await insertPendingUnits(tx, importId, fresh.map(unitOf), committedAt);
      // A change is audited now, with the unit as readers see it now, and written as a change
      // row the view shows from the flip on (decision 0057). A unit stored but not seen is
      // another import's, not applied yet: created, as far as anyone can tell.
      const before = new Map(
        (
          await findUnits(
            tx,
            kept.map((row) => unitOf(row).id),
          )
        ).map((unit) => [unit.id, unit]),
      );
      const changed = kept.map(unitOf).map((unit): UnitRow => ({
        ...(unit as Omit<UnitRow, 'createdAt'>),
        createdAt: before.get(unit.id)?.createdAt ?? committedAt,
      }));
      await writeUnitChanges(tx, importId, kept.map(unitOf));
      await audit(tx, ctx, [...written, ...changed], before);
      const counts = { created: rows.length - before.size, updated: before.size };
      await addAppliedCounts(tx, importId, counts);
      await settleImportRows(
        tx,
        importId,
        rows.map((row) => row.n),
        [],
      );
      return { rows: rows.length, counts };
    });
    if (!done) break;
    totals.created += done.counts.created;
    totals.updated += done.counts.updated;
    applied += done.rows;
    await advance(applied);
  }
  // The last step, one row whatever the import's size: from its commit the view shows every
  // created unit and every change. Rows deferred by a version before 0057 are written here.
  await ctx.deps.db.transaction(async (tx) => {
    const changes = (await takeDeferredRows(tx, importId)).map((row) => row.data as StagedUnit);
    await upsertUnits(tx, changes, committedAt);
    await markImportApplied(tx, importId);
  });
  // Then the changes go into their rows a chunk per transaction; readers see the same values
  // before and after each. A crash here leaves the job running: the resume finishes it.
  while ((await compactUnitChanges(ctx.deps.db, APPLY_BATCH, importId)) > 0) {
    await advance(applied);
  }
  return totals;
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
