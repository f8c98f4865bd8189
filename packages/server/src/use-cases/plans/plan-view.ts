import { planAreaSummary, planRowSummary, planTotalSummary, type Decimal } from '@chiso/core';
import type { PlanView } from '@chiso/contract';
import type { Db } from '../../db/database.js';
import { listOffices, presentOffice, type OfficeRow } from '../../repositories/offices.js';
import {
  listApprovals,
  listPlanRows,
  planTaskCounts,
  type PlanRecord,
} from '../../repositories/plans.js';
import type { UnitRow } from '../../repositories/units.js';
import { corePlan, pct, targetTotal } from './core-plan.js';
import { compareWithLastYear, lastYearTargets, presentComparison } from './last-targets.js';
import type { PublishedSource } from './published-source.js';

export { corePlan, targetsOf, targetTotal } from './core-plan.js';

export const PLAN_STATUS_LABELS = { draft: 'Dự thảo', approved: 'Đã phê duyệt' } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_LABELS;

const text = (value: Decimal | null | undefined) =>
  value === undefined || value === null ? null : value.toString();

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
  const last = compareWithLastYear(plan, await lastYearTargets(db, unit, source.period.year));
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
    lastTargets: last.summary,
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
        lastTarget: last.summary === null ? null : presentComparison(last.byCode.get(row.code)!),
      };
    }),
    offices: officeRows.map(presentOffice),
  };
}
