import { z } from 'zod';
import { DomainError } from '../errors.js';
import { buildFramework } from '../framework/build-framework.js';
import { frameworkInputSchema } from '../framework/framework-schema.js';
import { decimalInput, parseInput } from '../validation/parse-input.js';
import type { ResultsInput } from './compute-results.js';
import { DEFAULT_POLICY, policySchema } from './policy.js';
import { readBulkQuickly } from './quick-request.js';

const percent = decimalInput;

/** The JSON request of `chiso results --input` (and of the API's preview). */
export const resultsRequestSchema = z.strictObject({
  framework: frameworkInputSchema,
  policy: policySchema.optional(),
  units: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1),
        name: z.string().trim().min(1),
        group: z.string().trim().min(1).optional(),
        type: z.string().trim().min(1).optional(),
        points: z.record(z.string(), decimalInput).default({}),
        facts: z.record(z.string(), z.unknown()).default({}),
        notApplicable: z.array(z.string()).default([]),
      }),
    )
    .min(1),
  previous: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1),
        percent: percent.optional(),
        rank: z.number().int().min(1).optional(),
        areas: z.record(z.string(), percent).default({}),
      }),
    )
    .default([]),
  lineage: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1),
        from: z.array(z.string().trim().min(1)).min(1),
        primary: z.string().trim().min(1).optional(),
      }),
    )
    .default([]),
});

const restSchema = resultsRequestSchema.omit({ units: true, previous: true });

/** Validates a request and builds the framework; every problem is reported with its path. */
export function parseResultsRequest(json: unknown): ResultsInput {
  // Units and previous results are most of a request; read by hand when well-formed.
  const bulk = readBulkQuickly(json);
  if (bulk) {
    const { units: _units, previous: _previous, ...rest } = json as Record<string, unknown>;
    const parsed = restSchema.safeParse(rest);
    if (parsed.success) {
      return { ...frameworkAndRest(parsed.data), units: bulk.units, previous: bulk.previous };
    }
  }
  const request = parseInput(resultsRequestSchema, json, 'Yêu cầu tính kết quả');
  return {
    ...frameworkAndRest(request),
    units: request.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      group: unit.group,
      type: unit.type,
      points: new Map(Object.entries(unit.points)),
      facts: new Map(Object.entries(unit.facts)),
      notApplicable: new Set(unit.notApplicable),
    })),
    previous: request.previous.map((p) => ({
      id: p.id,
      percent: p.percent,
      rank: p.rank,
      areas: new Map(Object.entries(p.areas)),
    })),
  };
}

function frameworkAndRest(request: z.output<typeof restSchema>) {
  let framework;
  try {
    framework = buildFramework(request.framework);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(
        error.code,
        error.message,
        error.issues.map((issue) => ({ ...issue, path: `framework.${issue.path ?? ''}` })),
      );
    }
    throw error;
  }
  return { framework, policy: request.policy ?? DEFAULT_POLICY, lineage: request.lineage };
}
