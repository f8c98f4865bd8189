import {
  DomainError,
  ERROR_CODES,
  readStatisticsTable,
  tableHeaders,
  type StatisticsMapping,
  type Table,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { saveMapping } from '../../repositories/statistics.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { authorizeIn } from '../reach.js';
import { storeStatisticsRows } from './store-statistics.js';
import { chosenTable, mappingScope, participantUnits, requirePeriod } from './statistics-file.js';

/**
 * Imports a statistics export with the mapping the secretariat confirmed: every row or none.
 * Each unit's row is replaced whole and audited (store-statistics.ts, shared with the API push); the mapping is remembered for the file's
 * header row so that the next export in the same layout maps itself. Cancellable between
 * batches of units saved (`progress`): the transaction rolls back.
 */
export async function importStatistics(
  ctx: UseCaseContext,
  input: {
    periodId: string;
    tables: Table[];
    fileName: string;
    mapping: StatisticsMapping;
    sheet?: string | undefined;
    countedTo?: string | undefined;
  },
  progress: ImportProgress = IN_REQUEST,
): Promise<{ imported: number; sheet: string }> {
  const actor = await authorizeIn(ctx, 'manageStatistics', { periodId: input.periodId });
  const db = ctx.deps.db;
  const period = await requirePeriod(db, input.periodId);
  const scopeKey = mappingScope(period);
  const table = chosenTable(input.tables, input.sheet);
  const units = await participantUnits(db, input.periodId);
  await progress.phase('checking', Math.max(0, table.rows.length - input.mapping.headerRow));
  const { rows, issues } = readStatisticsTable(table, input.mapping, units);
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Không nhập được số liệu thống kê TTHC từ "${input.fileName}"; không có dòng nào được lưu`,
      issues,
    );
  }
  // Outside the transaction a cancel is read from the job's row, on PGlite too.
  await progress.step(rows.length);
  const headerKey = tableHeaders(table, input.mapping.headerRow).headerKey;
  await progress.phase('saving', rows.length);
  return db.transaction(async (tx) => {
    await storeStatisticsRows(tx, ctx, {
      periodId: input.periodId,
      rows,
      source: {
        kind: 'import',
        fileName: input.fileName,
        sheet: table.sheet,
        userId: actor.userId,
      },
      countedTo: input.countedTo ?? null,
      step: (done) => progress.step(done, tx),
    });
    await saveMapping(tx, {
      scopeKey,
      headerKey,
      mapping: input.mapping,
      updatedAt: ctx.now,
      updatedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'statistics.mapping.save',
      entityType: 'statisticMapping',
      entityId: `${scopeKey}/${headerKey}`,
      periodId: input.periodId,
      after: input.mapping,
    });
    return { imported: rows.length, sheet: table.sheet };
  });
}
