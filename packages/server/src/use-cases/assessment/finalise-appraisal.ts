import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listEntries, writeEntry } from '../../repositories/entries.js';
import { updateParticipation } from '../../repositories/periods.js';
import { authorize } from '../authorize.js';
import { requireAppraisalStep } from './appraise-entry.js';
import { accessTarget, loadUnitScope } from './scope.js';

/**
 * The appraiser closes a round for a unit. First round: leaves left untouched keep the unit's
 * own points (recorded as accepted), open supplement requests are closed, and the unit sees
 * its appraised points for the explanation round. Second round: the results are final.
 */
export async function finaliseAppraisal(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
) {
  const actor = authorize(ctx, 'appraise', await accessTarget(ctx, key.periodId, key.unitId));
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, true);
    const round = requireAppraisalStep(scope, ctx.now);
    const entries = await listEntries(tx, key.periodId, key.unitId);
    let accepted = 0;
    if (round === 'first') {
      for (const entry of entries) {
        if (entry.appraisedPoints !== null && entry.supplementDeadline === null) continue;
        const changes = {
          ...(entry.appraisedPoints === null
            ? {
                appraisedPoints: entry.selfPoints ?? '0',
                appraisedAt: ctx.now,
                appraisedBy: actor.userId,
              }
            : {}),
          supplementDeadline: null,
        };
        await writeEntry(tx, { ...key, code: entry.code }, entry.version, changes);
        if (entry.appraisedPoints === null) accepted++;
      }
    }
    const status = round === 'first' ? 'appraised' : 'finalised';
    await updateParticipation(tx, key.periodId, key.unitId, {
      status,
      ...(round === 'first' ? { appraisedAt: ctx.now } : { finalisedAt: ctx.now }),
    });
    await recordAudit(tx, ctx, {
      action: round === 'first' ? 'appraisal.finalise' : 'appraisal.finaliseAfterExplanation',
      entityType: 'participation',
      entityId: `${key.periodId}/${key.unitId}`,
      ...key,
      before: { status: scope.participation.status },
      after: { status, acceptedAsSelfScored: accepted },
    });
    return { status };
  });
}
