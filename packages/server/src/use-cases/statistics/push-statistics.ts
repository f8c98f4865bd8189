import { DomainError, ERROR_CODES, readPushedStatistics, type PushedRow } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { updateApiToken } from '../../repositories/api-tokens.js';
import {
  authorizeToken,
  tokenActorName,
  type ApiTokenActor,
} from '../api-tokens/authenticate-api-token.js';
import { participantUnits, requirePeriod } from './statistics-file.js';
import { storeStatisticsRows } from './store-statistics.js';

/**
 * A source system's push of procedure statistics for a period (issue 12): the token needs the
 * `statistics:write` scope and its owner's subtree must hold the period; the rows are checked
 * as a file's rows are and stored by the import's own step, every row or none, audited with
 * the token as the actor; the token's last use is noted.
 */
export async function pushStatistics(
  ctx: UseCaseContext,
  token: ApiTokenActor,
  input: { periodId: string; rows: readonly PushedRow[]; countedTo?: string | undefined },
): Promise<{ stored: number; periodId: string }> {
  const db = ctx.deps.db;
  await authorizeToken(ctx.deps, token, 'statistics:write', input.periodId);
  await requirePeriod(db, input.periodId);
  const units = await participantUnits(db, input.periodId);
  const { rows, issues } = readPushedStatistics(input.rows, units);
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Không nhận được số liệu thống kê TTHC; không có dòng nào được lưu',
      issues,
    );
  }
  const actorName = tokenActorName(token);
  return db.transaction(async (tx) => {
    const stored = await storeStatisticsRows(tx, ctx, {
      periodId: input.periodId,
      rows,
      source: { kind: 'api', tokenId: token.id, tokenName: token.name, actorName },
      countedTo: input.countedTo ?? null,
    });
    await updateApiToken(tx, token.id, { lastUsedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'apiToken.push',
      entityType: 'apiToken',
      entityId: token.id,
      periodId: input.periodId,
      actorName,
      after: { rows: stored, countedTo: input.countedTo ?? null },
    });
    return { stored, periodId: input.periodId };
  });
}
