import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { ruleSchema } from '../rules/rule-schema.js';
import { decimalInput } from '../validation/parse-input.js';
import { DEFAULT_POINTS_DECIMALS, type FrameworkInput } from './framework.js';

/** A framework written as JSON (the command line's request, the API, stored versions). */
export const frameworkInputSchema = z.strictObject({
  name: z.string().trim().min(1),
  year: z.number().int().min(2000).max(2100).optional(),
  unitType: z.string().trim().min(1).optional(),
  pointsDecimals: z.number().int().min(0).max(Decimal.SCALE).default(DEFAULT_POINTS_DECIMALS),
  nodes: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1),
        title: z.string().trim().min(1),
        maxPoints: decimalInput,
        rule: ruleSchema.optional(),
        evidence: z.array(z.string().trim().min(1)).optional(),
        appliesTo: z.array(z.string().trim().min(1)).optional(),
        guidance: z.string().optional(),
        leadOffice: z.string().trim().min(1).optional(),
        supportingOffices: z.array(z.string().trim().min(1)).optional(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<FrameworkInput, unknown>;
