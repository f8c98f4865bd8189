import { Decimal, DomainError, ERROR_CODES, submissionProblems } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listEntries } from '../../repositories/entries.js';
import { listUnitLinks } from '../../repositories/evidence.js';
import { updateParticipation } from '../../repositories/periods.js';
import { authorize } from '../authorize.js';
import { combineOverrides } from '../feeds/combine.js';
import { loadLowerUnitsFeed } from '../feeds/lower-units.js';
import { loadStatisticsFeed, withStatistics } from '../feeds/statistics.js';
import { loadPeriodSurveys, surveyOverrideOf } from '../survey-results/period-surveys.js';
import { accessTarget, loadUnitScope, requireOpenPeriod, requireWindow } from './scope.js';

/**
 * The unit head submits the self-assessment: refused while a leaf has points but neither
 * evidence nor explanation (each such leaf is named); afterwards the entries are locked.
 */
export async function submitAssessment(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
): Promise<void> {
  const actor = authorize(
    ctx,
    'submitAssessment',
    await accessTarget(ctx, key.periodId, key.unitId),
  );
  await ctx.deps.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, key.periodId, key.unitId, true);
    requireOpenPeriod(scope);
    if (scope.participation.status !== 'draft') {
      throw new DomainError(ERROR_CODES.INVALID_STATE, 'Kết quả tự đánh giá đã được gửi trước đó');
    }
    requireWindow(scope, 'selfAssessment', ctx.now);
    const entries = await listEntries(tx, key.periodId, key.unitId);
    const evidenceCount = new Map<string, number>();
    for (const l of await listUnitLinks(tx, key.periodId, key.unitId))
      evidenceCount.set(l.code, (evidenceCount.get(l.code) ?? 0) + 1);
    // Survey-fed leaves are scored from the answers, not from what the unit typed.
    const surveys = withStatistics(
      combineOverrides(
        surveyOverrideOf(
          await loadPeriodSurveys(tx, key.periodId, key.unitId),
          scope.stored.framework,
          scope.unit,
        ),
        await loadLowerUnitsFeed(tx, scope.period, scope.stored.framework, scope.unit.id),
      ),
      scope.stored.framework,
      await loadStatisticsFeed(tx, key.periodId, key.unitId),
      scope.unit.id,
    );
    const problems = submissionProblems(
      entries
        .filter((e) => !surveys.leaves.has(e.code))
        .map((e) => ({
          code: e.code,
          hasPositivePoints: e.selfPoints !== null && Decimal.of(e.selfPoints).gt(Decimal.ZERO),
          evidenceCount: evidenceCount.get(e.code) ?? 0,
          hasExplanation: (e.selfExplanation ?? '').trim() !== '',
        })),
    );
    if (problems.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        `Chưa gửi được: ${problems.length} tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng và giải trình`,
        problems.map((p) => ({ path: p.code, message: p.message })),
      );
    }
    await updateParticipation(tx, key.periodId, key.unitId, {
      status: 'submitted',
      submittedAt: ctx.now,
      submittedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.submit',
      entityType: 'participation',
      entityId: `${key.periodId}/${key.unitId}`,
      ...key,
      before: { status: 'draft' },
      after: { status: 'submitted', entries: entries.length },
    });
  });
}
