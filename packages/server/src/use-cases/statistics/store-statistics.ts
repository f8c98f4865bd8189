import type { StatisticsRow } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { RequestContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findUnitStatistics, replaceUnitStatistics } from '../../repositories/statistics.js';

/** Where checked rows came from: a secretariat's file, or a source system's push. */
export type StatisticsSource =
  | { kind: 'import'; fileName: string; sheet: string; userId: string }
  | { kind: 'api'; tokenId: string; tokenName: string; actorName: string };

/** Units stored between two calls of an import's progress (the last batch may be shorter). */
const STEP_ROWS = 100;

/**
 * Stores checked statistics rows inside the caller's transaction, the one storing step of the
 * file import and the API push: each unit's row replaced whole (version + 1) and audited with
 * its source (the file's sheet and row, or the token and the pushed row's position).
 */
export async function storeStatisticsRows(
  tx: Db,
  ctx: RequestContext,
  input: {
    periodId: string;
    rows: readonly StatisticsRow[];
    source: StatisticsSource;
    countedTo: string | null;
    /** Hears the rows stored after each batch (an import's progress, which may cancel). */
    step?: (done: number) => Promise<void>;
  },
): Promise<number> {
  const { source } = input;
  for (const [index, row] of input.rows.entries()) {
    if (input.step && index > 0 && index % STEP_ROWS === 0) await input.step(index);
    const before = await findUnitStatistics(tx, input.periodId, row.unitId);
    const after = await replaceUnitStatistics(tx, {
      periodId: input.periodId,
      unitId: row.unitId,
      figures: row.figures,
      source: source.kind,
      sourceName: source.kind === 'import' ? source.fileName : source.tokenName,
      countedTo: input.countedTo,
      updatedAt: ctx.now,
      updatedBy: source.kind === 'import' ? source.userId : null,
      tokenId: source.kind === 'api' ? source.tokenId : null,
    });
    await recordAudit(tx, ctx, {
      action: source.kind === 'import' ? 'statistics.import' : 'statistics.push',
      entityType: 'procedureStatistics',
      entityId: `${input.periodId}/${row.unitId}`,
      periodId: input.periodId,
      unitId: row.unitId,
      ...(source.kind === 'api' ? { actorName: source.actorName } : {}),
      before,
      after:
        source.kind === 'import'
          ? { ...after, row: row.row, sheet: source.sheet }
          : { ...after, row: row.row },
    });
  }
  await input.step?.(input.rows.length);
  return input.rows.length;
}
