import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import { UNIT } from '../decimal/scale.js';
import { PERCENT_OUTPUT_DECIMALS } from '../results/present-unit.js';
import type { Plan } from './plan.js';
import { planAreaSummary, planRowSummary } from './plan-text.js';

// Numbers as `chiso results` prints them: points exact, percentages to the millionth.
const num = (value: Decimal | null | undefined): number | null =>
  value === undefined || value === null ? null : value.units / UNIT;
const pct = (value: Ratio | undefined): number | null =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toNumber();

/** A plan as JSON: `chiso plan --json`, and what an API would answer. */
export function presentPlan(plan: Plan) {
  const { unit } = plan;
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      group: unit.group ?? null,
      points: num(unit.points),
      maxPoints: num(unit.maxPoints),
      percent: pct(unit.percent),
      rank: unit.rank ?? null,
      groupSize: unit.groupSize,
    },
    rows: plan.rows.map((row) => ({
      code: row.code,
      title: row.title,
      depth: row.depth,
      applicable: row.applicable,
      maxPoints: num(row.maxPoints),
      points: num(row.points),
      lastYearPoints: num(row.lastYearPoints),
      lost: num(row.lost),
      nothingLost: row.nothingLost,
      target: num(row.target),
      gain: num(row.gain),
      pointsIfTarget: num(row.pointsIfTarget),
      percentIfTarget: pct(row.percentIfTarget),
      rankIfTarget: row.rankIfTarget ?? null,
      rankChangeIfTarget: row.rankChangeIfTarget ?? null,
      summary: planRowSummary(row),
      tasks: row.tasks ?? null,
      leadOffice: row.leadOffice ?? null,
      supportingOffices: row.supportingOffices,
    })),
    areas: plan.areas.map((area) => ({
      code: area.code,
      title: area.title,
      applicable: area.applicable,
      points: num(area.points),
      maxPoints: num(area.maxPoints),
      rank: area.rank ?? null,
      groupSize: area.groupSize,
      percentChange: pct(area.percentChange),
      lastYearPoints: num(area.lastYearPoints),
      summary: planAreaSummary(area),
    })),
  };
}

export type PlanJson = ReturnType<typeof presentPlan>;
