import { and, desc, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../../context.js';
import { auditLog } from '../../db/schema.js';
import { authorize } from '../authorize.js';
import { visibilityIn } from '../assessment/appraisal-outcome.js';
import { accessTarget, loadUnitScope } from '../assessment/scope.js';
import { evidenceIdsOf, presentHistory, type HistoryRow } from '../../audit/present-history.js';
import { evidenceFileNames } from '../../repositories/evidence.js';

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
