import { DomainError, ERROR_CODES, groupBy, parseDispatchTable, type Table } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listAllOffices } from '../../repositories/tasks.js';
import { listUnits } from '../../repositories/units.js';
import { authorize } from '../authorize.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { saveDispatch } from './save-dispatch.js';

/**
 * A dispatch imported from its table (.xlsx/.csv: Nội dung nhiệm vụ | Đơn vị thực hiện |
 * Phòng/ban chủ trì | Phối hợp | Thời hạn | Văn bản giao), all or nothing; `preview` shows what
 * would be given, storing nothing. Cancellable between batches of rows checked (`progress`).
 */
export async function importDispatch(
  ctx: UseCaseContext,
  tables: readonly Table[],
  options: { authority: string; preview: boolean; fileName: string },
  progress: ImportProgress = IN_REQUEST,
) {
  authorize(ctx, 'dispatchTasks');
  const [table] = tables;
  if (!table) throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Tệp không có trang nào');
  // The table is read against the units outside the transaction, so that the phase can be
  // written (inside it PGlite's one connection writes nothing beside); saveDispatch checks
  // every row again inside it.
  const db = ctx.deps.db;
  // Offices grouped by unit once, not the whole list filtered for each unit.
  const officesOf = groupBy(await listAllOffices(db), (o) => o.unitId);
  const units = (await listUnits(db)).map((unit) => ({
    id: unit.id,
    name: unit.name,
    offices: (officesOf.get(unit.id) ?? []).map((o) => ({
      id: o.id,
      name: o.name,
      active: o.active,
    })),
  }));
  const rows = parseDispatchTable(table, units);
  await progress.phase('checking', rows.length);
  return db.transaction(async (tx) =>
    saveDispatch(
      ctx,
      tx,
      {
        authority: options.authority,
        documentNumber: null,
        documentDate: null,
        sourceFileName: options.fileName,
      },
      rows.map((row) => ({
        row: row.row,
        sheet: table.sheet,
        path: `row.${row.row}`,
        unitId: row.unitId,
        title: row.title,
        target: row.target,
        deadline: row.deadline,
        codes: row.codes,
        leadOfficeId: row.leadOfficeId,
        supportingOfficeIds: row.supportingOfficeIds,
        documentNumber: row.document?.number ?? null,
        documentDate: row.document?.date ?? null,
        authority: row.authority,
      })),
      options.preview,
      (done) => progress.step(done, tx),
    ),
  );
}
