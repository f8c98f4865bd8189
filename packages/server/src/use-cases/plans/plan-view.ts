import {
  buildPlan,
  Decimal,
  lastYearPointsOf,
  PERCENT_OUTPUT_DECIMALS,
  planAreaSummary,
  planRowSummary,
  planTotalSummary,
  Ratio,
  type Plan,
  type PlanRowDetails,
} from '@chiso/core';
import type { PlanView } from '@chiso/contract';
import type { Db } from '../../db/database.js';
import { listOffices, presentOffice, type OfficeRow } from '../../repositories/offices.js';
import {
  listApprovals,
  listPlanRows,
  planTaskCounts,
  type PlanRecord,
  type PlanRowRecord,
} from '../../repositories/plans.js';
import type { UnitRow } from '../../repositories/units.js';
import { previousPointsOf } from '../assessment/previous-points.js';
import { planUnitOf, publishedUnit, type PublishedSource } from './published-source.js';

export const PLAN_STATUS_LABELS = { draft: 'Dự thảo', approved: 'Đã phê duyệt' } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_LABELS;

const text = (value: Decimal | null | undefined) =>
  value === undefined || value === null ? null : value.toString();
const pct = (value: Ratio | undefined) =>
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

/** Everything the plan's page shows, on the publication in force. */
export async function planView(
  db: Db,
  source: PublishedSource,
  unit: UnitRow,
  record: PlanRecord,
): Promise<PlanView> {
  const [rows, officeRows, approvals, counts] = await Promise.all([
    listPlanRows(db, record.id),
    listOffices(db, unit.id),
    listApprovals(db, record.id),
    planTaskCounts(db, record.id),
  ]);
  const names = new Map(officeRows.map((o: OfficeRow) => [o.id, o.name]));
  const plan = await corePlan(db, source, unit, rows, names);
  const stored = new Map(rows.map((row) => [row.code, row]));
  const office = (id: string | null | undefined) =>
    id && names.has(id) ? { id, name: names.get(id)! } : null;
  const target = targetTotal(plan);
  return {
    id: record.id,
    unit: { id: unit.id, name: unit.name, type: unit.type },
    period: { id: source.period.id, name: source.period.name, year: source.period.year },
    framework: { id: source.stored.row.id, name: source.stored.row.name },
    planYear: record.planYear,
    publicationVersion: source.publicationVersion,
    status: record.status as PlanStatus,
    statusLabel: PLAN_STATUS_LABELS[record.status as PlanStatus],
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
    approval: null,
    approvals: approvals.map((a) => ({
      number: a.number,
      approvedAt: a.approvedAt.toISOString(),
      approvedByName: a.approvedByName,
    })),
    purpose: record.purpose,
    requirements: record.requirements,
    notes: record.notes,
    total: {
      points: plan.unit.points.toString(),
      maxPoints: plan.unit.maxPoints.toString(),
      percent: pct(plan.unit.percent),
      rank: plan.unit.rank ?? null,
      groupSize: plan.unit.groupSize,
      targetPoints: target.points.toString(),
      targetPercent: target.percent,
      summary: planTotalSummary(plan, source.period.year),
    },
    areas: plan.areas.map((area) => ({
      code: area.code,
      title: area.title,
      applicable: area.applicable,
      points: area.points.toString(),
      maxPoints: area.maxPoints.toString(),
      rank: area.rank ?? null,
      groupSize: area.groupSize,
      percentChange: pct(area.percentChange),
      lastYearPoints: text(area.lastYearPoints),
      summary: planAreaSummary(area),
    })),
    rows: plan.rows.map((row) => {
      const own = stored.get(row.code);
      return {
        code: row.code,
        title: row.title,
        depth: row.depth,
        leaf: row.leaf,
        applicable: row.applicable,
        maxPoints: text(row.maxPoints),
        points: text(row.points),
        lastYearPoints: text(row.lastYearPoints),
        lost: row.lost.toString(),
        nothingLost: row.nothingLost,
        target: text(row.target),
        targetGiven: row.targetGiven,
        gain: text(row.gain),
        pointsIfTarget: text(row.pointsIfTarget),
        percentIfTarget: pct(row.percentIfTarget),
        rankIfTarget: row.rankIfTarget ?? null,
        rankChangeIfTarget: row.rankChangeIfTarget ?? null,
        summary: planRowSummary(row),
        tasks: own?.tasks ?? null,
        leadOffice: office(own?.leadOfficeId),
        supportingOffices: ((own?.supportingOfficeIds as string[] | undefined) ?? []).flatMap(
          (id) => office(id) ?? [],
        ),
        timeFrame: own?.timeFrame ?? null,
        deadline: own?.deadline ?? null,
        taskCount: counts.get(row.code) ?? 0,
      };
    }),
    offices: officeRows.map(presentOffice),
  };
}
