import {
  buildPlan,
  Decimal,
  lastYearPointsOf,
  PERCENT_OUTPUT_DECIMALS,
  Ratio,
  type Plan,
  type PlanRowDetails,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import type { PlanRowRecord } from '../../repositories/plans.js';
import type { UnitRow } from '../../repositories/units.js';
import { previousPointsOf } from '../assessment/previous-points.js';
import { planUnitOf, publishedUnit, type PublishedSource } from './published-source.js';

export const pct = (value: Ratio | undefined) =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toString();

/** The rows' targets as the core takes them: only those given. */
export function targetsOf(rows: readonly PlanRowRecord[]): Map<string, Decimal> {
  return new Map(
    rows.flatMap((row) => (row.target === null ? [] : [[row.code, Decimal.of(row.target)]])),
  );
}

/** The core's plan of a stored plan, on the publication in force, with last year's points. */
export async function corePlan(
  db: Db,
  source: PublishedSource,
  unit: UnitRow,
  rows: readonly PlanRowRecord[],
  officeNames: ReadonlyMap<string, string>,
  targets: ReadonlyMap<string, Decimal> = targetsOf(rows),
): Promise<Plan> {
  const published = publishedUnit(source, unit.id);
  const previous = await previousPointsOf(db, {
    year: source.period.year,
    unitId: unit.id,
    stored: source.stored,
  });
  const details = new Map<string, PlanRowDetails>(
    rows.map((row) => [
      row.code,
      {
        tasks: row.tasks ?? undefined,
        leadOffice: row.leadOfficeId ? officeNames.get(row.leadOfficeId) : undefined,
        supportingOffices: (row.supportingOfficeIds as string[]).flatMap(
          (id) => officeNames.get(id) ?? [],
        ),
      },
    ]),
  );
  return buildPlan({
    framework: source.stored.framework,
    unit: planUnitOf(published),
    peers: source.peers.get(published.group ?? '')!,
    lastYear: previous ? lastYearPointsOf(previous.leaves) : undefined,
    targets,
    details,
  });
}

/** The plan's total if every area reached its target, and that index. */
export function targetTotal(plan: Plan) {
  const points = Decimal.sum(
    plan.rows.filter((r) => r.depth === 1 && r.target !== undefined).map((r) => r.target!),
  );
  const max = plan.unit.maxPoints;
  const percent =
    max.units <= 0 ? undefined : Ratio.of(BigInt(points.units) * 100n, BigInt(max.units));
  return { points, percent: pct(percent) };
}
