import {
  figuresOf,
  STATISTICS,
  statisticFacts,
  type Framework,
  type StatisticKey,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import {
  listPeriodStatistics,
  type ProcedureStatisticsRow,
} from '../../repositories/statistics.js';
import { presentStatistic } from '../statistics/present-statistics.js';
import { scoringRule, type SurveyOverride } from '../survey-results/period-surveys.js';

/** What a leaf without a row of statistics says (it has no facts: 0 points). */
export const NO_STATISTICS_NOTE = 'Chưa có số liệu thống kê TTHC';

/** A period's procedure statistics by unit (one unit's, or every unit's). */
export interface StatisticsFeed {
  rows: ReadonlyMap<string, ProcedureStatisticsRow>;
}

export const NO_STATISTICS: StatisticsFeed = { rows: new Map() };

export async function loadStatisticsFeed(
  db: Db,
  periodId: string,
  unitId?: string,
): Promise<StatisticsFeed> {
  const rows = await listPeriodStatistics(
    db,
    periodId,
    unitId === undefined ? undefined : [unitId],
  );
  return { rows: new Map(rows.map((row) => [row.unitId, row])) };
}

const fedByFramework = new WeakMap<Framework, ReadonlyMap<string, StatisticKey>>();

/** The leaves whose ratio rule ('ratioBands', 'proportional') names a procedure statistic. */
export function statisticFedLeaves(framework: Framework): ReadonlyMap<string, StatisticKey> {
  let fed = fedByFramework.get(framework);
  if (fed === undefined) {
    const found = new Map<string, StatisticKey>();
    for (const leaf of framework.leaves) {
      const rule = scoringRule(leaf.rule);
      if ((rule?.kind === 'ratioBands' || rule?.kind === 'proportional') && rule.statistic)
        found.set(leaf.code, rule.statistic);
    }
    fedByFramework.set(framework, (fed = found));
  }
  return fed;
}

/**
 * The surveys' override with the statistics' added: a leaf whose rule names a statistic takes
 * its numerator and denominator from the unit's row, whatever the unit typed or the appraiser
 * set; without a row (or without those measures) it has no facts and says so.
 */
export function withStatistics(
  base: SurveyOverride,
  framework: Framework,
  feed: StatisticsFeed,
  unitId: string,
): SurveyOverride {
  const fed = statisticFedLeaves(framework);
  if (fed.size === 0) return base;
  const row = feed.rows.get(unitId);
  const figures = row === undefined ? {} : figuresOf(row.figures);
  const leaves = new Set(base.leaves);
  const facts = new Map(base.facts);
  const notes = new Map(base.notes ?? []);
  for (const [code, statistic] of fed) {
    if (base.leaves.has(code)) continue;
    leaves.add(code);
    const leafFacts = statisticFacts(statistic, figures);
    if (leafFacts === undefined) notes.set(code, NO_STATISTICS_NOTE);
    else facts.set(code, leafFacts);
  }
  return { leaves, facts, notes };
}

/** What the leaf editor shows of a fed leaf: the figure and where it came from; null if not fed. */
export function statisticFeedOf(
  framework: Framework,
  feed: StatisticsFeed,
  unitId: string,
  code: string,
): {
  statistic: StatisticKey;
  label: string;
  numerator: number | null;
  denominator: number | null;
  percent: string;
  source: string | null;
  updatedAt: string | null;
} | null {
  const statistic = statisticFedLeaves(framework).get(code);
  if (statistic === undefined) return null;
  const row = feed.rows.get(unitId);
  const shown = row === undefined ? undefined : presentStatistic(statistic, figuresOf(row.figures));
  return {
    statistic,
    label: STATISTICS[statistic].label,
    numerator: shown?.numerator ?? null,
    denominator: shown?.denominator ?? null,
    percent: shown?.percent ?? '',
    source: row?.sourceName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
