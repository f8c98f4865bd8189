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
import { listPeriodEntries } from '../../repositories/entries.js';
import {
  frameworksOfPeriod,
  loadFramework,
  type FrameworkRow,
} from '../../repositories/frameworks.js';
import { listParticipations } from '../../repositories/periods.js';
import { listPublished, previousPublishedPeriod } from '../../repositories/results.js';
import { listLineage, listUnits } from '../../repositories/units.js';
import { unitInputOf } from '../assessment/unit-input.js';
import { loadPeriodSurveys, surveyOverrideOf } from '../survey-results/period-surveys.js';

export interface TypeResults {
  unitType: string;
  frameworkRow: FrameworkRow;
  framework: Framework;
  policy: ResultsPolicy;
  results: Results;
  json: ResultsJson;
}

/**
 * Results of every unit type in a period, computed by the core from the effective points
 * (appraised where set, the unit's own facts elsewhere; leaves fed by the period's surveys
 * from the last counted tallies), compared with the last published period through unit
 * lineage.
 */
export async function computePeriodResults(
  db: Db,
  periodId: string,
  year: number,
): Promise<TypeResults[]> {
  const [links, participations, units, entries, lineageRows] = await Promise.all([
    frameworksOfPeriod(db, periodId),
    listParticipations(db, periodId),
    listUnits(db),
    listPeriodEntries(db, periodId),
    listLineage(db),
  ]);
  const previous = await previousResults(db, year);
  const surveys = await loadPeriodSurveys(db, periodId);
  const lineage = groupLineage(lineageRows);
  const out: TypeResults[] = [];
  for (const link of links) {
    const stored = await loadFramework(db, link.frameworkId);
    if (!stored) continue;
    const members = units.filter(
      (u) => u.type === link.unitType && participations.some((p) => p.unitId === u.id),
    );
    if (members.length === 0) continue;
    const results = computeResults({
      framework: stored.framework,
      policy: stored.policy,
      units: members.map((unit) =>
        unitInputOf(
          unit,
          entries.filter((e) => e.unitId === unit.id),
          'effective',
          surveyOverrideOf(surveys, stored.framework, unit),
        ),
      ),
      previous: previous.get(link.unitType) ?? [],
      lineage,
    });
    out.push({
      unitType: link.unitType,
      frameworkRow: stored.row,
      framework: stored.framework,
      policy: stored.policy,
      results,
      json: presentResults(stored.framework, results),
    });
  }
  return out;
}

/** Last published results per unit type, as the core's previous-period input. */
async function previousResults(db: Db, year: number): Promise<Map<string, PreviousResult[]>> {
  const period = await previousPublishedPeriod(db, year);
  const map = new Map<string, PreviousResult[]>();
  if (!period) return map;
  for (const row of await listPublished(db, period.id)) {
    const json = row.results as ResultsJson;
    map.set(
      row.unitType,
      json.units.map((u) => ({
        id: u.id,
        percent: u.percent === null ? undefined : Decimal.of(u.percent),
        rank: u.rank ?? undefined,
        areas: new Map(
          u.areas.flatMap((a) =>
            a.percent === null ? [] : [[a.code, Decimal.of(a.percent)] as const],
          ),
        ),
      })),
    );
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
