import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listEntries, writeEntry } from '../../repositories/entries.js';
import { updateParticipation } from '../../repositories/periods.js';
import { authorize } from '../authorize.js';
import { decideAppraisal } from './appraisal-outcome.js';
import { appraisalAudit, requireAppraisalStep } from './appraise-entry.js';
import { accessTarget, loadUnitScope } from './scope.js';

/**
 * The appraiser closes a round for a unit. First round: each leaf left undecided is accepted
 * with the unit's own outcome (its facts, so "not applicable" stays not applicable), open
 * supplement requests are closed, and the unit sees the appraisal for the explanation round.
 * Second round: the results are final.
 */
export async function finaliseAppraisal(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
) {
  const actor = authorize(ctx, 'appraise', await accessTarget(ctx, key.periodId, key.unitId));
  return ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, true);
    const round = requireAppraisalStep(scope, ctx.now);
    const { framework } = scope.stored;
    let accepted = 0;
    if (round === 'first') {
      for (const entry of await listEntries(tx, key.periodId, key.unitId)) {
        const node = framework.byCode.get(entry.code);
        const undecided = entry.appraisalKind === null && node !== undefined;
        if (!undecided && entry.supplementDeadline === null) continue;
        const decided = undecided
          ? decideAppraisal(node, entry, { kind: 'accepted' }, framework.pointsDecimals)
          : {};
        const row = await writeEntry(tx, { ...key, code: entry.code }, entry.version, {
          ...decided,
          ...(undecided ? { appraisedAt: ctx.now, appraisedBy: actor.userId } : {}),
          supplementDeadline: null,
        });
        if (undecided) accepted++;
        await recordAudit(tx, ctx, {
          // A decided leaf whose supplement request is still open only has the request closed.
          action: undecided ? 'entry.accept' : 'entry.supplement.close',
          entityType: 'entry',
          entityId: `${key.periodId}/${key.unitId}/${entry.code}`,
          ...key,
          code: entry.code,
          before: appraisalAudit(entry),
          after: appraisalAudit(row),
        });
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
      after: { status, acceptedAsSelfAssessed: accepted },
    });
    return { status, accepted };
  });
}
