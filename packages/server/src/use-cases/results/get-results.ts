import {
  actionsOf,
  can,
  DomainError,
  ERROR_CODES,
  presentResults,
  UNIT_ROLES,
  withoutRanks,
  unitTypeLabel,
  type ResultsJson,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { assignedUnitIds, findPeriod, listParticipations } from '../../repositories/periods.js';
import { visibilityIn } from '../assessment/appraisal-outcome.js';
import { listPublications, listPublished } from '../../repositories/results.js';
import type { WorkbookGroup } from '../../spreadsheet/write-results.js';
import { presentFramework, type FrameworkView } from '../frameworks/present-framework.js';
import { authorize, requireActor } from '../authorize.js';
import { isPublicNow, periodNotFound } from '../public-results/public-now.js';
import { computePeriodResults } from './period-results.js';
import type { PublishedDetails } from './publication-rows.js';
import { presentPublication } from './present-publication.js';
import { isSubtreeSecretariat, requirePeriodInReach, withinOf } from '../reach.js';

export interface ResultsGroup extends WorkbookGroup {
  unitType: string;
  label: string;
  framework: FrameworkView;
  results: ResultsJson;
  /** Per unit and leaf: self-assessed, appraised and why (absent for older publications). */
  details: PublishedDetails | null;
}

/**
 * Results of a period. Once published: the frozen results of the publication in force (or of
 * an earlier, superseded one when asked by version), to every account at once and to people
 * without one from the period's opening time (before it, "not found" as for no period:
 * decision 0022). Before:
 * computed live, to those who may preview, each seeing the units they may see (the council
 * and administrators all, an appraiser the assigned units, a unit itself).
 */
export async function getResults(ctx: UseCaseContext, periodId: string, version?: number) {
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  const base = {
    period: {
      id: period.id,
      name: period.name,
      year: period.year,
      status: period.status,
      councilDecisionNumber: period.councilDecisionNumber,
      councilDecisionDate: period.councilDecisionDate,
      publishedAt: period.publishedAt,
    },
  };
  if (period.status === 'published') {
    if (ctx.actor === undefined && !isPublicNow(period, ctx.now)) throw periodNotFound();
    const publications = (await listPublications(db, periodId)).map(presentPublication);
    const chosen =
      version === undefined
        ? publications.find((p) => !p.superseded)
        : publications.find((p) => p.version === version);
    if (!chosen) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        version === undefined
          ? 'Kỳ đánh giá chưa có lần công bố nào đang có hiệu lực'
          : `Không có lần công bố số ${version} của kỳ đánh giá này`,
      );
    }
    const groups: ResultsGroup[] = (await listPublished(db, periodId, chosen.version)).map(
      (row) => ({
        unitType: row.unitType,
        label: unitTypeLabel(row.unitType),
        framework: row.framework as FrameworkView,
        results: row.results as ResultsJson,
        details: (row.details as PublishedDetails | null) ?? null,
      }),
    );
    return { ...base, published: true, publication: chosen, publications, groups };
  }
  const actor = requireActor(ctx);
  if (!actionsOf(actor.role).includes('readResultsPreview')) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Kết quả chưa được công bố');
  }
  const within = await withinOf(ctx, { periodId });
  // A unit's secretariat is refused another subtree's period; its appraiser too (it is only
  // ever assigned inside its subtree, decision 0024), or it would read the period's heading.
  if (isSubtreeSecretariat(actor)) {
    if (actor.role !== 'appraiser') authorize(ctx, 'readResultsPreview', { within });
    else await requirePeriodInReach(ctx, period);
  }
  const assigned =
    actor.role === 'appraiser' ? await assignedUnitIds(db, periodId, actor.userId) : undefined;
  const visible = (unitId: string) =>
    can(actor, 'readResultsPreview', { unitId, assignedUnitIds: assigned, within });
  const computed = await computePeriodResults(db, periodId, period.year);
  // Before publication a unit reads its own self-assessed points only, without its rank or
  // its areas' ranks among peers, and without the appraisers' reasons (decision 0032).
  const participation = new Map((await listParticipations(db, periodId)).map((p) => [p.unitId, p]));
  const seen = (unitId: string) =>
    visibilityIn(actor.role, { period, participation: participation.get(unitId) });
  const groups: ResultsGroup[] = computed
    .map((t) => {
      const self = new Map(
        presentResults(t.framework, {
          units: t.selfResults.units.filter(
            (u) => visible(u.id) && seen(u.id).resultPoints === 'self',
          ),
        }).units.map((u) => [u.id, u]),
      );
      const units = t.json.units
        .filter((u) => visible(u.id))
        .flatMap((u) => {
          const v = seen(u.id);
          const shown = v.resultPoints === 'self' ? self.get(u.id) : u;
          if (!shown) return [];
          return [v.ranks ? shown : withoutRanks(shown)];
        });
      return {
        unitType: t.unitType,
        label: unitTypeLabel(t.unitType),
        framework: presentFramework(t.frameworkRow, t.framework, t.policy),
        results: { ...t.json, units },
        details: UNIT_ROLES.includes(actor.role)
          ? null
          : Object.fromEntries(
              [...t.stories].filter(([id]) => visible(id) && seen(id).appraisalDetails),
            ),
      };
    })
    .filter((g) => g.results.units.length > 0);
  return { ...base, published: false, publication: null, publications: [], groups };
}

/** A period's results as one reader may see them: published, or the preview. */
export type ResultsView = Awaited<ReturnType<typeof getResults>>;
