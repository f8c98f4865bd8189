import {
  actionsOf,
  can,
  DomainError,
  ERROR_CODES,
  unitTypeLabel,
  type ResultsJson,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { assignedUnitIds, findPeriod } from '../../repositories/periods.js';
import { listPublished } from '../../repositories/results.js';
import type { WorkbookGroup } from '../../spreadsheet/write-results.js';
import { presentFramework, type FrameworkView } from '../frameworks/present-framework.js';
import { requireActor } from '../authorize.js';
import { computePeriodResults } from './period-results.js';

export interface ResultsGroup extends WorkbookGroup {
  unitType: string;
  label: string;
  framework: FrameworkView;
  results: ResultsJson;
}

/**
 * Results of a period. Once published: the frozen results, to everyone, signed in or not.
 * Before: computed live, to those who may preview, each seeing the units they may see
 * (the council and administrators all, an appraiser the assigned units, a unit itself).
 */
export async function getResults(ctx: UseCaseContext, periodId: string) {
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
    const groups: ResultsGroup[] = (await listPublished(db, periodId)).map((row) => ({
      unitType: row.unitType,
      label: unitTypeLabel(row.unitType),
      framework: row.framework as FrameworkView,
      results: row.results as ResultsJson,
    }));
    return { ...base, published: true, groups };
  }
  const actor = requireActor(ctx);
  if (!actionsOf(actor.role).includes('readResultsPreview')) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'Kết quả chưa được công bố');
  }
  const assigned =
    actor.role === 'appraiser' ? await assignedUnitIds(db, periodId, actor.userId) : undefined;
  const visible = (unitId: string) =>
    can(actor, 'readResultsPreview', { unitId, assignedUnitIds: assigned });
  const computed = await computePeriodResults(db, periodId, period.year);
  const groups: ResultsGroup[] = computed
    .map((t) => ({
      unitType: t.unitType,
      label: unitTypeLabel(t.unitType),
      framework: presentFramework(t.frameworkRow, t.framework, t.policy),
      results: { ...t.json, units: t.json.units.filter((u) => visible(u.id)) },
    }))
    .filter((g) => g.results.units.length > 0);
  return { ...base, published: false, groups };
}
