import { approvePlan } from '../use-cases/plans/approve-plan.js';
import { generatePlan } from '../use-cases/plans/generate-plan.js';
import { updatePlanRow } from '../use-cases/plans/update-plan-row.js';
import { at, ctx, head, officer, type Demo } from './demo.js';

/** What Sở Nội vụ aimed at for 2025 on a few criteria, from its 2024 result. */
const TARGETS: [code: string, target: string][] = [
  ['1.1.2', '2'],
  ['1.3', '4'],
  ['2.1', '3.5'],
  ['2.2', '3'],
  ['3.1', '4'],
];

/**
 * Sở Nội vụ's plan made from the 2024 result, its targets for 2025 written and approved in
 * March 2025: the plan made from the 2025 result then shows which of them were met (issue 10,
 * item 6).
 */
export async function seedLastPlan(demo: Demo, period2024: string) {
  const unitId = 'SNV';
  const key = { unitId, periodId: period2024 };
  const write = ctx(demo, officer(demo, unitId), at('10/03/2025 09:00'));
  let plan = await generatePlan(write, unitId, period2024);
  for (const [code, target] of TARGETS) {
    plan = await updatePlanRow(write, { ...key, code }, { target, version: plan.version });
  }
  await approvePlan(ctx(demo, head(demo, unitId), at('14/03/2025 15:00')), key, plan.version);
}
