import type { Ratio } from '../decimal/ratio.js';
import { formatThreshold } from '../format/format.js';
import type { Band, FlagRule, HeadRatingLevel } from './policy.js';

export interface AreaPercent {
  code: string;
  /** Undefined when nothing in the area applies to the unit. */
  percent: Ratio | undefined;
}

/** The first band whose lower bound the index reaches. */
export function bandOf(percent: Ratio | undefined, bands: readonly Band[]): string | undefined {
  if (percent === undefined) return undefined;
  return bands.find((band) => percent.gte(band.minPercent))?.label;
}

/**
 * The first level whose conditions hold on the total % and on every applicable area's %;
 * a unit that meets none gets the last level (seed 001, read as "drops to the next level whose
 * conditions it meets").
 */
export function headRatingOf(
  percent: Ratio | undefined,
  areas: readonly AreaPercent[],
  levels: readonly HeadRatingLevel[],
): string | undefined {
  if (percent === undefined) return undefined;
  const areaPercents = areas.flatMap((a) => (a.percent === undefined ? [] : [a.percent]));
  const met = levels.find(
    (level) =>
      percent.gte(level.minPercent) && areaPercents.every((p) => p.gte(level.minAreaPercent)),
  );
  return (met ?? levels[levels.length - 1])?.label;
}

/**
 * Why a unit's rating is below what its total alone would give: the areas under that level's
 * area threshold, in words ("Chỉ số đủ mức … nhưng lĩnh vực 6 dưới 70%"). Undefined when the
 * total decides.
 */
export function headRatingNote(
  percent: Ratio | undefined,
  areas: readonly AreaPercent[],
  levels: readonly HeadRatingLevel[],
): string | undefined {
  if (percent === undefined) return undefined;
  const byTotal = levels.find((level) => percent.gte(level.minPercent));
  if (!byTotal || byTotal.label === headRatingOf(percent, areas, levels)) return undefined;
  const below = areas.filter(
    (a) => a.percent !== undefined && a.percent.lt(byTotal.minAreaPercent),
  );
  const names = below.map((a) => a.code).join(', ');
  return `Chỉ số đủ mức "${byTotal.label}" nhưng lĩnh vực ${names} dưới ${formatThreshold(byTotal.minAreaPercent)}`;
}

export interface RaisedFlag {
  label: string;
  /** The named areas that are below the threshold. */
  areaCodes: string[];
}

export function flagsOf(areas: readonly AreaPercent[], rules: readonly FlagRule[]): RaisedFlag[] {
  const raised: RaisedFlag[] = [];
  for (const rule of rules) {
    const below = areas
      .filter(
        (a) =>
          rule.areaCodes.includes(a.code) &&
          a.percent !== undefined &&
          a.percent.lt(rule.belowPercent),
      )
      .map((a) => a.code);
    if (below.length > 0) raised.push({ label: rule.label, areaCodes: below });
  }
  return raised;
}
