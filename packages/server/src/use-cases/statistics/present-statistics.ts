import {
  figuresOf,
  formatPercent,
  STATISTICS,
  STATISTIC_KEYS,
  statisticPercent,
  type StatisticFigures,
  type StatisticKey,
} from '@chiso/core';
import type { ProcedureStatisticsRow } from '../../repositories/statistics.js';

export interface PresentedStatistic {
  statistic: StatisticKey;
  label: string;
  numerator: number;
  denominator: number;
  /** "96,31%", or "" when the whole is 0. */
  percent: string;
}

export interface PresentedUnitStatistics {
  unitId: string;
  unitName: string;
  figures: StatisticFigures;
  statistics: PresentedStatistic[];
  source: 'import' | 'api';
  sourceName: string;
  countedTo: string | null;
  updatedAt: string;
  version: number;
}

/** One named statistic of a unit's figures, when both of its measures are there. */
export function presentStatistic(
  statistic: StatisticKey,
  figures: StatisticFigures,
): PresentedStatistic | undefined {
  const definition = STATISTICS[statistic];
  const numerator = figures[definition.numerator];
  const denominator = figures[definition.denominator];
  if (numerator === undefined || denominator === undefined) return undefined;
  const percent = statisticPercent(statistic, figures);
  return {
    statistic,
    label: definition.label,
    numerator,
    denominator,
    percent: percent === undefined ? '' : formatPercent(percent),
  };
}

export function presentUnitStatistics(
  row: ProcedureStatisticsRow,
  unitName: string,
): PresentedUnitStatistics {
  const figures = figuresOf(row.figures);
  return {
    unitId: row.unitId,
    unitName,
    figures,
    statistics: STATISTIC_KEYS.flatMap((key) => presentStatistic(key, figures) ?? []),
    source: row.source === 'api' ? 'api' : 'import',
    sourceName: row.sourceName,
    countedTo: row.countedTo,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
