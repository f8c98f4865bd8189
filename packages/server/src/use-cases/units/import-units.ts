import {
  DomainError,
  ERROR_CODES,
  unitsTableSteps,
  type Table,
  type UnitRowInput,
} from '@chiso/core';
import { recordAudits } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listUnits, upsertUnits } from '../../repositories/units.js';
import { authorize } from '../authorize.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { saveUnitsStaged, type StagedUnit } from './save-units-staged.js';

/** Units written (and audited) per statement. */
const BATCH = 1000;

/**
 * Imports units from the first sheet holding an organisation table: all rows or none — in one
 * transaction, or, for a job on PGlite, staged and then applied in chunks (decision 0045).
 * Existing units with the same code are updated. Every row is audited.
 */
export async function importUnits(
  ctx: UseCaseContext,
  tables: Table[],
  progress: ImportProgress = IN_REQUEST,
): Promise<{ created: number; updated: number }> {
  authorize(ctx, 'administer');
  const existing = new Map((await listUnits(ctx.deps.db)).map((u) => [u.id, u]));
  const existingIds = new Set(existing.keys());
  let rows: UnitRowInput[] | undefined;
  const failures: DomainError[] = [];
  for (const table of tables) {
    await progress.phase('checking', Math.max(0, table.rows.length - 1));
    try {
      rows = await progress.drive(unitsTableSteps(table, existingIds));
      break;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failures.push(error);
    }
  }
  if (!rows) {
    const found = failures.find((f) => f.issues.some((i) => i.row !== undefined));
    throw (
      found ?? failures[0] ?? new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Tệp không có trang nào')
    );
  }
  // Parents first, so that references hold while rows go in.
  const ordered = parentsFirst(rows).map((unit): StagedUnit => ({
    id: unit.id,
    name: unit.name,
    type: unit.type,
    parentId: unit.parentId ?? null,
    peerGroup: unit.peerGroup,
    activeFrom: unit.activeFrom ?? null,
    activeTo: unit.activeTo ?? null,
  }));
  await progress.phase('saving', ordered.length);
  if (progress.staging) return saveUnitsStaged(ctx, progress.staging, ordered, progress);
  return ctx.deps.db.transaction(async (tx) => {
    let created = 0;
    for (let start = 0; start < ordered.length; start += BATCH) {
      const batch = ordered.slice(start, start + BATCH);
      const stored = await upsertUnits(tx, batch);
      await recordAudits(
        tx,
        ctx,
        stored.map((row) => {
          const before = existing.get(row.id);
          if (!before) created++;
          return {
            action: before ? 'unit.update' : 'unit.create',
            entityType: 'unit',
            entityId: row.id,
            unitId: row.id,
            before,
            after: { ...row, source: 'import' },
          };
        }),
      );
      await progress.step(start + batch.length, tx);
    }
    return { created, updated: ordered.length - created };
  });
}

/** The rows sorted by their depth in the table (roots first), in linear time. */
function parentsFirst(rows: readonly UnitRowInput[]): UnitRowInput[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depths = new Map<string, number>();
  const depthOf = (row: UnitRowInput): number => {
    const known = depths.get(row.id);
    if (known !== undefined) return known;
    // Walk up to a known depth or the top, then fill the chain in (a cycle stops the walk).
    const chain: UnitRowInput[] = [];
    const seen = new Set<string>();
    let current: UnitRowInput | undefined = row;
    let base = -1;
    while (current && !seen.has(current.id)) {
      const d = depths.get(current.id);
      if (d !== undefined) {
        base = d;
        break;
      }
      seen.add(current.id);
      chain.push(current);
      current = current.parentId === undefined ? undefined : byId.get(current.parentId);
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i]!.id, ++base);
    return depths.get(row.id) ?? 0;
  };
  return rows
    .map((row, index) => ({ row, index, depth: depthOf(row) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((x) => x.row);
}
