import {
  buildSelfAssessmentReport,
  DomainError,
  ERROR_CODES,
  UNIT_ROLES,
  vietnamDate,
  type ParticipationStatus,
  type SelfAssessmentReportView,
  type SelfReportLeaf,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listEntries } from '../../repositories/entries.js';
import { listAssessmentEvidence, listUnitLinks } from '../../repositories/evidence.js';
import { findUserById } from '../../repositories/users.js';
import { authorize } from '../authorize.js';
import { combineOverrides } from '../feeds/combine.js';
import { loadLowerUnitsFeed } from '../feeds/lower-units.js';
import { loadStatisticsFeed, withStatistics } from '../feeds/statistics.js';
import { loadPeriodSurveys, surveyOverrideOf } from '../survey-results/period-surveys.js';
import { accessTarget, loadUnitScope } from './scope.js';
import { unitResultOf } from './unit-result.js';

/**
 * The unit's self-assessment report as it sent it (decision 0021). The entries hold one
 * unit side, which after submission changes only where the appraisers asked for a supplement
 * (decision 0006): the report shows that current side and says when it was sent and which
 * leaves, and which files, came after. Whoever reads the unit's assessment reads it once it
 * is sent; before that the unit's own people get it as a draft to sign before sending.
 */
export async function getSelfAssessmentReport(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
): Promise<{
  unitId: string;
  unitName: string;
  year: number;
  /** The day the report is dated: the submission, or today for a draft. */
  date: string;
  view: SelfAssessmentReportView;
}> {
  const actor = authorize(ctx, 'readAssessment', await accessTarget(ctx, key.periodId, key.unitId));
  const { db } = ctx.deps;
  const scope = await loadUnitScope(db, key.periodId, key.unitId);
  const status = scope.participation.status as ParticipationStatus;
  if (status === 'draft' && !UNIT_ROLES.includes(actor.role)) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `${scope.unit.name} chưa gửi kết quả tự đánh giá; báo cáo tự đánh giá có sau khi đơn vị gửi`,
    );
  }
  const [entries, links, files] = await Promise.all([
    listEntries(db, key.periodId, key.unitId),
    listUnitLinks(db, key.periodId, key.unitId),
    listAssessmentEvidence(db, key.periodId, key.unitId),
  ]);
  const recorded = entries.filter(
    (e) => e.facts !== null || e.selfPoints !== null || (e.selfExplanation ?? '').trim() !== '',
  );
  if (recorded.length === 0 && links.length === 0) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `${scope.unit.name} chưa ghi nhận kết quả tự đánh giá nào; chưa có nội dung để lập báo cáo`,
    );
  }
  const { framework } = scope.stored;
  const surveys = withStatistics(
    combineOverrides(
      surveyOverrideOf(
        await loadPeriodSurveys(db, key.periodId, key.unitId),
        framework,
        scope.unit,
      ),
      await loadLowerUnitsFeed(db, scope.period, framework, scope.unit.id),
    ),
    framework,
    await loadStatisticsFeed(db, key.periodId, key.unitId),
    scope.unit.id,
  );
  const submittedAt = scope.participation.submittedAt;
  const after = (instant: Date | null) =>
    submittedAt !== null && instant !== null && instant > submittedAt
      ? vietnamDate(instant.getTime())
      : undefined;
  const fileNames = new Map(files.map((f) => [f.id, f.fileName]));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const linksOf = new Map<string, (typeof links)[number][]>();
  for (const l of links) {
    const list = linksOf.get(l.code);
    if (list === undefined) linksOf.set(l.code, [l]);
    else list.push(l);
  }
  const leaves = new Map(
    framework.leaves.map((leaf): [string, SelfReportLeaf] => {
      const entry = byCode.get(leaf.code);
      return [
        leaf.code,
        {
          explanation: entry?.selfExplanation ?? undefined,
          evidence: (linksOf.get(leaf.code) ?? []).map((l) => ({
            fileName: fileNames.get(l.evidenceId) ?? l.evidenceId,
            pageRef: l.pageRef ?? undefined,
            addedOn: after(l.linkedAt),
          })),
          supplementedOn: after(entry?.selfUpdatedAt ?? null),
          surveyFed: surveys.leaves.has(leaf.code),
        },
      ];
    }),
  );
  const head =
    scope.participation.submittedBy === null
      ? undefined
      : await findUserById(db, scope.participation.submittedBy);
  const submittedOn = submittedAt === null ? undefined : vietnamDate(submittedAt.getTime());
  return {
    unitId: scope.unit.id,
    unitName: scope.unit.name,
    year: scope.period.year,
    date: submittedOn ?? vietnamDate(ctx.now.getTime()),
    view: buildSelfAssessmentReport({
      framework,
      year: scope.period.year,
      // The unit's own side only: no appraised figure reaches this document.
      self: unitResultOf(scope.stored, scope.unit, entries, 'self', surveys),
      leaves,
      submittedOn,
      submittedBy: head?.fullName,
    }),
  };
}
