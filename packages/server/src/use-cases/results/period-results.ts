import {
  computeResults,
  Decimal,
  presentResults,
  type Framework,
  type LineageLink,
  type PreviousResult,
  type Results,
  type ResultsJson,
  type ResultsPolicy,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listPeriodEntries, type EntryRow } from '../../repositories/entries.js';
import {
  frameworksOfPeriod,
  loadFramework,
  type FrameworkRow,
  type StoredFramework,
} from '../../repositories/frameworks.js';
import { listParticipations, type ParticipationRow } from '../../repositories/periods.js';
import { listPublished, previousPublishedPeriods } from '../../repositories/results.js';
import { listLineage, listPeriodUnits, type UnitRow } from '../../repositories/units.js';
import { unitInputOf } from '../assessment/unit-input.js';
import {
  loadStatisticsFeed,
  NO_STATISTICS,
  withStatistics,
  type StatisticsFeed,
} from '../feeds/statistics.js';
import {
  loadPeriodSurveys,
  surveyOverrideOf,
  type PeriodSurveys,
} from '../survey-results/period-surveys.js';
import { combineOverrides } from '../feeds/combine.js';
import {
  loadLowerSources,
  lowerUnitsOverrideOf,
  NO_LOWER_SOURCES,
  type LowerSources,
} from '../feeds/lower-units.js';
import { leafStories, type LeafStory } from './leaf-stories.js';

export interface TypeResults {
  unitType: string;
  frameworkRow: FrameworkRow;
  framework: Framework;
  policy: ResultsPolicy;
  results: Results;
  json: ResultsJson;
  /** The same units on their own self-assessed points, among the same peers. */
  selfResults: Results;
  /** Per unit id: how each leaf came to its points (self-assessed, appraised, why). */
  stories: Map<string, LeafStory[]>;
}

/** Everything a period's results are computed from, loaded once. */
export interface PeriodData {
  links: { unitType: string; frameworkId: string }[];
  frameworks: ReadonlyMap<string, StoredFramework>;
  participations: readonly Pick<ParticipationRow, 'unitId'>[];
  units: readonly UnitRow[];
  entries: readonly EntryRow[];
  lineage: LineageLink[];
  previous: Map<string, PreviousResult[]>;
  surveys: PeriodSurveys;
  /** Per framework id: the lower units' published results its fed leaves take (decision 0025). */
  lower?: ReadonlyMap<string, LowerSources>;
  /** The period's procedure statistics, for leaves whose rule names one (issue 12). */
  statistics?: StatisticsFeed;
}

/**
 * Results of every unit type in a period, computed by the core from the effective outcomes
 * (the appraisal's where a leaf is appraised, the unit's own facts elsewhere; leaves fed by
 * the period's surveys from the last counted tallies), compared with the last published
 * period through unit lineage.
 */
export async function computePeriodResults(
  db: Db,
  periodId: string,
  year: number,
): Promise<TypeResults[]> {
  return assemblePeriodResults(await loadPeriodData(db, periodId, year));
}

export async function loadPeriodData(db: Db, periodId: string, year: number): Promise<PeriodData> {
  const [links, participations, units, entries, lineageRows, previous, surveys] = await Promise.all(
    [
      frameworksOfPeriod(db, periodId),
      listParticipations(db, periodId),
      listPeriodUnits(db, periodId),
      listPeriodEntries(db, periodId),
      listLineage(db),
      previousResults(db, year),
      loadPeriodSurveys(db, periodId),
    ],
  );
  const frameworks = new Map<string, StoredFramework>();
  const lower = new Map<string, LowerSources>();
  // Fresh results (to publish, to preview an erratum) take the lower units' newest version.
  const higher = { id: periodId, year, status: 'open', publishedAt: null };
  for (const link of links) {
    const stored = await loadFramework(db, link.frameworkId);
    if (!stored) continue;
    frameworks.set(link.frameworkId, stored);
    lower.set(link.frameworkId, await loadLowerSources(db, higher, stored.framework));
  }
  return {
    links,
    frameworks,
    participations,
    units,
    entries,
    lineage: groupLineage(lineageRows),
    previous,
    surveys,
    lower,
    statistics: await loadStatisticsFeed(db, periodId),
  };
}

/**
 * The computation itself, without I/O. Entries and participations are grouped once, so the
 * work grows with the number of units and entries, never with their product: this runs
 * inside the transaction that publishes a period.
 */
export function assemblePeriodResults(data: PeriodData): TypeResults[] {
  const taking = new Set<string>();
  for (const p of data.participations) taking.add(p.unitId);
  const entriesOf = new Map<string, EntryRow[]>();
  for (const entry of data.entries) {
    let list = entriesOf.get(entry.unitId);
    if (list === undefined) entriesOf.set(entry.unitId, (list = []));
    list.push(entry);
  }
  const out: TypeResults[] = [];
  for (const link of data.links) {
    const stored = data.frameworks.get(link.frameworkId);
    if (!stored) continue;
    const { framework, policy } = stored;
    const members = data.units.filter((u) => u.type === link.unitType && taking.has(u.id));
    if (members.length === 0) continue;
    const lower = data.lower?.get(link.frameworkId) ?? NO_LOWER_SOURCES;
    const overrides = members.map((unit) =>
      withStatistics(
        combineOverrides(
          surveyOverrideOf(data.surveys, framework, unit),
          lowerUnitsOverrideOf(lower, unit.id),
        ),
        framework,
        data.statistics ?? NO_STATISTICS,
        unit.id,
      ),
    );
    const inputs = (phase: 'self' | 'effective') =>
      members.map((unit, i) =>
        unitInputOf(framework, unit, entriesOf.get(unit.id) ?? [], phase, overrides[i]),
      );
    const results = computeResults({
      framework,
      policy,
      units: inputs('effective'),
      previous: data.previous.get(link.unitType) ?? [],
      lineage: data.lineage,
    });
    // The self-assessed side is ranked among the same peers, so that a peer-relative leaf
    // reads the same best value the unit saw when it assessed itself; with last year's
    // published figures beside it, as a unit's own preview shows them (decision 0032).
    const selfResults = computeResults({
      framework,
      policy,
      units: inputs('self'),
      previous: data.previous.get(link.unitType) ?? [],
      lineage: data.lineage,
    });
    const selfById = new Map(selfResults.units.map((u) => [u.id, u.score]));
    const finalById = new Map(results.units.map((u) => [u.id, u.score]));
    const stories = new Map<string, LeafStory[]>();
    members.forEach((unit, i) => {
      const final = finalById.get(unit.id);
      const self = selfById.get(unit.id);
      if (!final || !self) return;
      const byCode = new Map((entriesOf.get(unit.id) ?? []).map((e) => [e.code, e]));
      stories.set(
        unit.id,
        leafStories(framework, self, final, byCode, overrides[i]?.leaves ?? new Set()),
      );
    });
    out.push({
      unitType: link.unitType,
      frameworkRow: stored.row,
      framework,
      policy,
      results,
      json: presentResults(framework, results),
      selfResults,
      stories,
    });
  }
  return out;
}

/**
 * Last published results per unit type (the version in force), as the core's previous input;
 * where last year has several published periods, each unit's comes from the latest that ranked it.
 */
async function previousResults(db: Db, year: number): Promise<Map<string, PreviousResult[]>> {
  const map = new Map<string, PreviousResult[]>();
  const seen = new Map<string, Set<string>>();
  for (const period of await previousPublishedPeriods(db, year)) {
    for (const row of await listPublished(db, period.id)) {
      const json = row.results as ResultsJson;
      const list = map.get(row.unitType) ?? [];
      const ids = seen.get(row.unitType) ?? new Set<string>();
      for (const u of json.units) {
        if (ids.has(u.id)) continue;
        ids.add(u.id);
        list.push({
          id: u.id,
          percent: u.percent === null ? undefined : Decimal.of(u.percent),
          rank: u.rank ?? undefined,
          areas: new Map(
            u.areas.flatMap((a) =>
              a.percent === null ? [] : [[a.code, Decimal.of(a.percent)] as const],
            ),
          ),
        });
      }
      map.set(row.unitType, list);
      seen.set(row.unitType, ids);
    }
  }
  return map;
}

function groupLineage(
  rows: { unitId: string; fromUnitId: string; isPrimary: boolean }[],
): LineageLink[] {
  const byUnit = new Map<string, LineageLink>();
  for (const row of rows) {
    const link = byUnit.get(row.unitId) ?? { id: row.unitId, from: [], primary: undefined };
    link.from.push(row.fromUnitId);
    if (row.isPrimary) link.primary = row.fromUnitId;
    byUnit.set(row.unitId, link);
  }
  return [...byUnit.values()];
}
