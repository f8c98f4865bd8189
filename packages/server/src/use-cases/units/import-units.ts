import { DomainError, ERROR_CODES, parseUnitsTable, type Table } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findUnit, listUnits, upsertUnit } from '../../repositories/units.js';
import { authorize } from '../authorize.js';

/**
 * Imports units from the first sheet holding an organisation table: all rows or none. Existing
 * units with the same code are updated. Every row is audited.
 */
export async function importUnits(
  ctx: UseCaseContext,
  tables: Table[],
): Promise<{ created: number; updated: number }> {
  authorize(ctx, 'administer');
  const existing = new Set((await listUnits(ctx.deps.db)).map((u) => u.id));
  let rows;
  const failures: DomainError[] = [];
  for (const table of tables) {
    try {
      rows = parseUnitsTable(table, existing);
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
  const unitRows = rows;
  return ctx.deps.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    // Parents first, so that references hold while rows go in.
    const ordered = [...unitRows].sort((a, b) => depth(a.id, unitRows) - depth(b.id, unitRows));
    for (const unit of ordered) {
      const before = await findUnit(tx, unit.id);
      const row = await upsertUnit(tx, {
        id: unit.id,
        name: unit.name,
        type: unit.type,
        parentId: unit.parentId ?? null,
        peerGroup: unit.peerGroup,
        activeFrom: unit.activeFrom ?? null,
        activeTo: unit.activeTo ?? null,
      });
      if (before) updated++;
      else created++;
      await recordAudit(tx, ctx, {
        action: before ? 'unit.update' : 'unit.create',
        entityType: 'unit',
        entityId: row.id,
        unitId: row.id,
        before,
        after: { ...row, source: 'import' },
      });
    }
    return { created, updated };
  });
}

function depth(id: string, rows: readonly { id: string; parentId: string | undefined }[]): number {
  let level = 0;
  const seen = new Set<string>();
  for (
    let current = rows.find((r) => r.id === id);
    current?.parentId && !seen.has(current.id);
    level++
  ) {
    seen.add(current.id);
    current = rows.find((r) => r.id === current?.parentId);
  }
  return level;
}
