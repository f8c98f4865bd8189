import { DomainError, ERROR_CODES } from '@chiso/core';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { UseCaseContext } from '../../context.js';
import { auditLog } from '../../db/schema.js';
import { authorize } from '../authorize.js';
import { visibilityIn } from '../assessment/appraisal-outcome.js';
import { accessTarget, loadUnitScope } from '../assessment/scope.js';
import { evidenceIdsOf, presentHistory, type HistoryRow } from '../../audit/present-history.js';
import { evidenceFileNames } from '../../repositories/evidence.js';
import { authorizeIn } from '../reach.js';

function presentAudit(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    at: row.at,
    actor: row.actorName,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    periodId: row.periodId,
    unitId: row.unitId,
    code: row.code,
    before: row.before,
    after: row.after,
  };
}

/**
 * The history of one leaf of one unit, as people read it: who, when, what in Vietnamese, and
 * what changed under the labels of the officer's form. The address a change came from is
 * shown to administrators only: for anyone else it is an appraiser's personal data. A unit
 * reads appraised points once the round is sent to it, as on its assessment page.
 */
export async function leafHistory(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string; code: string },
): Promise<HistoryRow[]> {
  const actor = authorize(ctx, 'readAssessment', await accessTarget(ctx, key.periodId, key.unitId));
  const { db } = ctx.deps;
  const scope = await loadUnitScope(db, key.periodId, key.unitId);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.periodId, key.periodId),
        eq(auditLog.unitId, key.unitId),
        eq(auditLog.code, key.code),
      ),
    )
    .orderBy(desc(auditLog.id));
  const visibility = visibilityIn(actor.role, scope);
  return presentHistory(rows, {
    rule: scope.stored.framework.byCode.get(key.code)?.rule,
    fileNames: await evidenceFileNames(db, evidenceIdsOf(rows)),
    showIp: visibility.ip,
    appraisalVisible: visibility.appraisal,
  });
}

/** The audit trail, newest first, optionally for one entity; administrators only. */
export async function readAudit(
  ctx: UseCaseContext,
  filter: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    periodId?: string | undefined;
    limit: number;
  },
) {
  // A unit's secretariat reads the trail of its own periods only (decision 0024).
  await authorizeIn(
    ctx,
    'readAudit',
    filter.periodId === undefined ? 'install' : { periodId: filter.periodId },
  );
  if (filter.entityId !== undefined && filter.entityType === undefined) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu loại đối tượng', [
      { path: 'query.entityType', message: 'cần kèm entityType khi lọc theo entityId' },
    ]);
  }
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.periodId) conditions.push(eq(auditLog.periodId, filter.periodId));
  const rows = await ctx.deps.db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map(presentAudit);
}
