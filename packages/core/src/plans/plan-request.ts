import { z } from 'zod';
import type { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { ResultsInput } from '../results/compute-results.js';
import { parseResultsRequest } from '../results/request.js';
import { decimalInput, toIssues } from '../validation/parse-input.js';
import type { PlanRowDetails } from './plan.js';

/**
 * What a `chiso plan` request adds to a unit of the `chiso results` request. Task codes are
 * not checked against the framework: a row shows the tasks of its own code only.
 */
const unitPlanSchema = z.object({
  /** Targets by node code; nodes not named aim at their max. */
  targets: z.record(z.string(), decimalInput).optional(),
  /** Last year's points by node code; null for a node that did not apply. */
  lastYear: z.record(z.string(), decimalInput.nullable()).optional(),
  /** The unit's tasks and solutions by node code (seed 004's "Nhiệm vụ/Giải pháp"). */
  tasks: z.record(z.string(), z.string().trim().min(1)).optional(),
});

export interface PlanRequest {
  results: ResultsInput;
  targets: Map<string, Map<string, Decimal>>;
  lastYear: Map<string, Map<string, Decimal | null>>;
  /** Tasks by unit id, then node code. */
  tasks: Map<string, Map<string, string>>;
  /** Lead and supporting offices of the framework's nodes, as the request's framework gives them. */
  details: Map<string, PlanRowDetails>;
}

/**
 * The JSON request of `chiso plan --input`: the `chiso results` request, whose units may also
 * carry `targets` and `lastYear` by code. These are taken off before the results request is
 * read (so that its quick reader still applies), then checked with their paths.
 */
export function parsePlanRequest(json: unknown): PlanRequest {
  const targets = new Map<string, Map<string, Decimal>>();
  const lastYear = new Map<string, Map<string, Decimal | null>>();
  const tasks = new Map<string, Map<string, string>>();
  const issues: Issue[] = [];
  let stripped = json;
  if (isRecord(json) && Array.isArray(json.units)) {
    const units = (json.units as unknown[]).map((unit, i) => {
      if (!isRecord(unit)) return unit;
      const { targets: unitTargets, lastYear: unitLastYear, tasks: unitTasks, ...rest } = unit;
      const parsed = unitPlanSchema.safeParse({
        targets: unitTargets,
        lastYear: unitLastYear,
        tasks: unitTasks,
      });
      if (!parsed.success) {
        issues.push(...toIssues(parsed.error, `units[${i}]`));
        return rest;
      }
      const id = typeof rest.id === 'string' ? rest.id.trim() : '';
      if (parsed.data.targets) targets.set(id, new Map(Object.entries(parsed.data.targets)));
      if (parsed.data.lastYear) lastYear.set(id, new Map(Object.entries(parsed.data.lastYear)));
      if (parsed.data.tasks) tasks.set(id, new Map(Object.entries(parsed.data.tasks)));
      return rest;
    });
    stripped = { ...json, units };
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Yêu cầu lập kế hoạch không hợp lệ',
      issues,
    );
  }
  const results = parseResultsRequest(stripped);
  return { results, targets, lastYear, tasks, details: detailsOf(json) };
}

/** Lead and supporting offices written on the request's framework nodes. */
function detailsOf(json: unknown): Map<string, PlanRowDetails> {
  const details = new Map<string, PlanRowDetails>();
  const framework = isRecord(json) ? json.framework : undefined;
  const nodes = isRecord(framework) && Array.isArray(framework.nodes) ? framework.nodes : [];
  for (const node of nodes as unknown[]) {
    if (!isRecord(node) || typeof node.code !== 'string') continue;
    const leadOffice = typeof node.leadOffice === 'string' ? node.leadOffice : undefined;
    const supporting = Array.isArray(node.supportingOffices)
      ? node.supportingOffices.filter((s): s is string => typeof s === 'string')
      : [];
    if (leadOffice !== undefined || supporting.length > 0) {
      details.set(node.code.trim(), { leadOffice, supportingOffices: supporting });
    }
  }
  return details;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
