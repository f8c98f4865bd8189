import type { PlanView } from '@chiso/contract';
import {
  compareTargets,
  Decimal,
  targetsSummary,
  type LastTarget,
  type Plan,
  type TargetComparison,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listOffices } from '../../repositories/offices.js';
import { findPlanForYear, latestApproval, listPlanRows } from '../../repositories/plans.js';
import type { UnitRow } from '../../repositories/units.js';
import { corePlan } from './core-plan.js';
import { publishedUnitSource } from './published-source.js';

/**
 * Last year's plan of a unit: the plan for the year this result measures (plan year = the
 * result's year), made from the previous published period. Its targets are those of its
 * latest approval, as the head signed it, when it was ever approved; else those of its draft
 * as it stands, on that period's publication in force (a default target is that node's max).
 */
export async function lastYearTargets(db: Db, unit: UnitRow, resultYear: number) {
  const found = await findPlanForYear(db, unit.id, resultYear);
  if (!found) return null;
  const approval = await latestApproval(db, found.plan.id);
  const targets = new Map<string, LastTarget>();
  if (approval) {
    for (const row of (approval.snapshot as PlanView).rows) {
      if (row.target !== null)
        targets.set(row.code, { target: Decimal.of(row.target), given: row.targetGiven });
    }
  } else {
    const source = await publishedUnitSource(db, found.period.id, unit);
    const [rows, offices] = await Promise.all([
      listPlanRows(db, found.plan.id),
      listOffices(db, unit.id),
    ]);
    const plan = await corePlan(
      db,
      source,
      unit,
      rows,
      new Map(offices.map((o) => [o.id, o.name])),
    );
    for (const row of plan.rows) {
      if (row.target !== undefined)
        targets.set(row.code, { target: row.target, given: row.targetGiven });
    }
  }
  return {
    source: {
      planId: found.plan.id,
      period: { id: found.period.id, name: found.period.name, year: found.period.year },
      approval: approval?.number ?? null,
    },
    targets,
  };
}

export type LastYearTargets = NonNullable<Awaited<ReturnType<typeof lastYearTargets>>>;

/** A row's comparison as the plan's API shows it. */
export function presentComparison(comparison: TargetComparison) {
  return {
    target: comparison.target?.toString() ?? null,
    targetGiven: comparison.targetGiven,
    outcome: comparison.outcome,
    shortBy: comparison.shortBy.toString(),
    label: comparison.label,
  };
}

/** This year's plan rows against last year's targets, and the count for the plan's head. */
export function compareWithLastYear(plan: Plan, last: LastYearTargets | null) {
  if (!last) return { byCode: new Map<string, TargetComparison>(), summary: null };
  const comparisons = compareTargets(plan.rows, last.targets);
  const summary = targetsSummary(comparisons);
  return {
    byCode: new Map(comparisons.map((c) => [c.code, c])),
    summary: {
      ...last.source,
      met: summary.met,
      compared: summary.compared,
      givenOnly: summary.givenOnly,
      summary: summary.label,
    },
  };
}
