import {
  buildAppraisalRecord,
  DomainError,
  ERROR_CODES,
  vietnamDate,
  type AppraisalRecordView,
  type ParticipationStatus,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listEntries } from '../../repositories/entries.js';
import { listAssignments } from '../../repositories/periods.js';
import { findUserById } from '../../repositories/users.js';
import { authorize } from '../authorize.js';
import { combineOverrides } from '../feeds/combine.js';
import { loadLowerUnitsFeed } from '../feeds/lower-units.js';
import { loadStatisticsFeed, withStatistics } from '../feeds/statistics.js';
import { loadPeriodSurveys, surveyOverrideOf } from '../survey-results/period-surveys.js';
import { visibilityIn } from './appraisal-outcome.js';
import { accessTarget, loadUnitScope } from './scope.js';
import { unitResultOf } from './unit-result.js';

/**
 * The appraisal record (biên bản thẩm định) of one unit in a period, as worded pieces. Whoever
 * reads the unit's assessment may read it, and the unit itself only once the appraisal is
 * visible to it (decision 0006). While the first round is not sent it is marked a draft.
 */
export async function getAppraisalRecord(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
): Promise<{ unitId: string; year: number; view: AppraisalRecordView }> {
  const actor = authorize(ctx, 'readAssessment', await accessTarget(ctx, key.periodId, key.unitId));
  const { db } = ctx.deps;
  const scope = await loadUnitScope(db, key.periodId, key.unitId);
  const status = scope.participation.status as ParticipationStatus;
  if (!visibilityIn(actor.role, scope).appraisal) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Biên bản thẩm định chỉ xem được sau khi người thẩm định chốt vòng 1 và gửi kết quả cho đơn vị',
    );
  }
  if (status === 'draft') {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `${scope.unit.name} chưa gửi kết quả tự đánh giá; chưa có nội dung để lập biên bản thẩm định`,
    );
  }
  const entries = await listEntries(db, key.periodId, key.unitId);
  const surveys = withStatistics(
    combineOverrides(
      surveyOverrideOf(
        await loadPeriodSurveys(db, key.periodId, key.unitId),
        scope.stored.framework,
        scope.unit,
      ),
      await loadLowerUnitsFeed(db, scope.period, scope.stored.framework, scope.unit.id),
    ),
    scope.stored.framework,
    await loadStatisticsFeed(db, key.periodId, key.unitId),
    scope.unit.id,
  );
  const appraised = entries.filter((e) => e.appraisalKind !== null);
  // Those assigned first, then anyone else who decided a leaf (an administrator, a reassignment).
  const appraiserIds = [
    ...new Set([
      ...(await listAssignments(db, key.periodId))
        .filter((a) => a.unitId === key.unitId)
        .map((a) => a.appraiserId),
      ...appraised.flatMap((e) => (e.appraisedBy === null ? [] : [e.appraisedBy])),
    ]),
  ];
  const names = await Promise.all(appraiserIds.map((id) => findUserById(db, id)));
  const days = appraised
    .flatMap((e) => (e.appraisedAt === null ? [] : [vietnamDate(e.appraisedAt.getTime())]))
    .sort();
  const day = (instant: Date | null) =>
    instant === null ? undefined : vietnamDate(instant.getTime());
  const reasons = new Map(
    appraised.flatMap((e) => {
      const comment = e.appraisalComment?.trim() ?? '';
      return comment === '' ? [] : [[e.code, comment] as const];
    }),
  );
  return {
    unitId: scope.unit.id,
    year: scope.period.year,
    view: buildAppraisalRecord({
      framework: scope.stored.framework,
      year: scope.period.year,
      self: unitResultOf(scope.stored, scope.unit, entries, 'self', surveys),
      appraised: unitResultOf(scope.stored, scope.unit, entries, 'effective', surveys),
      reasons,
      appraisers: names.flatMap((user) => (user ? [user.fullName] : [])),
      firstAppraisal: days[0],
      lastAppraisal: days[days.length - 1],
      sentOn: day(scope.participation.appraisedAt),
      finalisedOn: day(scope.participation.finalisedAt),
      draft: status === 'submitted',
    }),
  };
}
