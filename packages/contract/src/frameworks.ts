import { policySchema, ruleSchema } from '@chiso/core';
import { z } from 'zod';
import { decimalString, isoDateTime, uuidOf } from './common.js';

// The core's rule schema is recursive (noneArose, notApplicableWhen hold a rule): OpenAPI can
// only refer to it by a name, so it is named here, where the contract uses it.
z.globalRegistry.add(ruleSchema, { id: 'Rule' });

export const frameworkParams = z.object({ id: uuidOf('bộ chỉ số') });
export const frameworkNodeParams = frameworkParams.extend({ code: z.string().min(1).max(40) });

export const importFrameworkQuery = z.object({
  name: z.string().trim().min(1).max(300),
  year: z.coerce.number().int().min(2000).max(2100),
  unitType: z.string().trim().min(1),
  preview: z.enum(['true', 'false']).default('false'),
});

export const updateNodeBody = z.object({
  rule: ruleSchema.nullable().optional(),
  evidence: z.array(z.string().trim().min(1)).optional(),
  appliesTo: z.array(z.string().trim().min(1)).optional(),
  guidance: z.string().max(5000).nullable().optional(),
  title: z.string().trim().min(1).max(1000).optional(),
  /** The default lead office's name (decision 0019); null or empty: none. */
  leadOffice: z.string().trim().max(200, 'tên đơn vị chủ trì quá dài').nullable().optional(),
  supportingOffices: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'tên đơn vị phối hợp không được để trống')
        .max(200, 'tên đơn vị phối hợp quá dài'),
    )
    .max(30, 'nhiều nhất 30 đơn vị phối hợp')
    .optional(),
});

export const policyBody = policySchema;

export const copyFrameworkBody = z.object({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(300).optional(),
});

const mapCode = z.string().trim().max(40);

export const codeMapQuery = z.object({ from: uuidOf('bộ chỉ số').optional() });

export const saveCodeMapBody = z.object({
  previousFrameworkId: uuidOf('bộ chỉ số').nullable(),
  links: z.array(z.object({ oldCode: mapCode.nullable(), newCode: mapCode.nullable() })).max(5000),
});

export const renumberBody = z.object({ code: z.string().trim().min(1).max(40) });

type RuleJsonValue = string | number | boolean | RuleJsonValue[] | { [key: string]: RuleJsonValue };

/** Any value inside a rule's JSON; named, because a recursive schema needs a name in OpenAPI. */
const ruleJsonValue: z.ZodType<RuleJsonValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.array(ruleJsonValue),
      z.record(z.string(), ruleJsonValue),
    ]),
  )
  .meta({ id: 'RuleJsonValue' });

/**
 * A scoring rule as JSON (the core's RuleJson: decimals as canonical text). Checked against the
 * core's rule schema, so that what the server sends can be sent back as it is.
 */
export const ruleJson = z
  .record(z.string(), ruleJsonValue)
  .refine((rule) => ruleSchema.safeParse(rule).success, 'không phải quy tắc chấm hợp lệ');

/** The results policy as JSON: percentages as exact text. */
export const policyResponse = z.strictObject({
  bands: z.array(z.strictObject({ label: z.string(), minPercent: decimalString })),
  headRating: z.array(
    z.strictObject({
      label: z.string(),
      minPercent: decimalString,
      minAreaPercent: decimalString,
    }),
  ),
  flags: z.array(
    z.strictObject({
      label: z.string(),
      areaCodes: z.array(z.string()),
      belowPercent: decimalString,
    }),
  ),
});

export const reviewStatus = z.enum(['reviewed', 'needsReview']);

/** What copying moved and what it left to check (decision 0013). */
export const frameworkReviewResponse = z.strictObject({
  status: reviewStatus,
  statusLabel: z.string(),
  copy: z
    .strictObject({
      fromId: z.uuid(),
      fromName: z.string(),
      fromYear: z.number().int(),
      toYear: z.number().int(),
      name: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
      dates: z.array(
        z.strictObject({ code: z.string(), field: z.string(), from: z.string(), to: z.string() }),
      ),
      checks: z.array(
        z.strictObject({
          code: z.string(),
          field: z.string(),
          kind: z.enum(['leapDay', 'leapYear', 'yearInText']),
          found: z.string(),
          suggestion: z.string(),
          excerpt: z.string(),
          message: z.string(),
        }),
      ),
    })
    .nullable(),
  reviewedAt: isoDateTime.nullable(),
});

/** One node of the tree in order: its rule as data and in words, evidence, scope, guidance. */
export const frameworkNodeResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  depth: z.number().int(),
  /** "lĩnh vực", "tiêu chí", "tiêu chí thành phần". */
  level: z.string(),
  parent: z.string().nullable(),
  maxPoints: decimalString,
  isLeaf: z.boolean(),
  rule: ruleJson.nullable(),
  ruleText: z.string().nullable(),
  evidence: z.array(z.string()),
  appliesTo: z.array(z.string()),
  guidance: z.string().nullable(),
  /**
   * The default lead and supporting offices' names (decision 0019). Absent from frameworks frozen
   * in publications made before they were shown.
   */
  leadOffice: z.string().nullable().optional(),
  supportingOffices: z.array(z.string()).optional(),
});

/** A framework with every node (also frozen inside each publication). */
export const frameworkResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  unitType: z.string(),
  pointsDecimals: z.number().int(),
  maxPoints: decimalString,
  copiedFromId: z.uuid().nullable(),
  previousFrameworkId: z.uuid().nullable(),
  review: frameworkReviewResponse,
  updatedAt: isoDateTime,
  policy: policyResponse,
  nodes: z.array(frameworkNodeResponse),
});

/** A framework in the list: what it is, without its tree. */
export const frameworkSummaryResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  unitType: z.string(),
  pointsDecimals: z.number().int(),
  copiedFromId: z.uuid().nullable(),
  previousFrameworkId: z.uuid().nullable(),
  /** "needsReview" from a copy until the administrator confirms; such a framework opens no period. */
  reviewStatus,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const frameworksResponse = z.array(frameworkSummaryResponse);

/**
 * An import job's `result` (decision 0042): preview=true gives what the table would make,
 * nothing stored (frameworkPreviewResponse); an import gives the framework it created.
 */
export const frameworkImportedResult = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  unitType: z.string(),
  nodes: z.number().int(),
});

/** preview=true: what the table would make, nothing stored. */
export const frameworkPreviewResponse = z.strictObject({
  nodes: z.number().int(),
  areas: z.array(z.strictObject({ code: z.string(), title: z.string(), maxPoints: decimalString })),
  leaves: z.number().int(),
  maxPoints: decimalString,
  /** Points in the table's "achieved" column by leaf code, when it has one. */
  achieved: z.record(z.string(), decimalString),
});

export const codeMapKind = z.enum(['unchanged', 'renumbered', 'merged', 'split', 'dropped', 'new']);

const frameworkRef = z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() });
const leafRef = z.strictObject({ code: z.string(), title: z.string() });

/** Last year's leaf codes → this year's, as the server checked and completed them. */
export const codeMapResponse = z.strictObject({
  frameworkId: z.uuid(),
  year: z.number().int(),
  previous: frameworkRef.nullable(),
  stored: z.boolean(),
  editable: z.boolean(),
  /** Periods whose use of the framework freezes the map. */
  usedBy: z.array(z.string()),
  candidates: z.array(frameworkRef),
  oldLeaves: z.array(leafRef),
  newLeaves: z.array(leafRef),
  links: z.array(
    z.strictObject({
      oldCode: z.string().nullable(),
      oldTitle: z.string().nullable(),
      newCode: z.string().nullable(),
      newTitle: z.string().nullable(),
      kind: codeMapKind,
      kindLabel: z.string(),
    }),
  ),
});

export type UpdateNodeBody = z.input<typeof updateNodeBody>;
export type PolicyBody = z.input<typeof policyBody>;
export type CopyFrameworkBody = z.input<typeof copyFrameworkBody>;
export type SaveCodeMapBody = z.input<typeof saveCodeMapBody>;
export type RuleJson = z.output<typeof ruleJson>;
export type PolicyJson = z.output<typeof policyResponse>;
export type FrameworkReview = z.output<typeof frameworkReviewResponse>;
export type FrameworkNode = z.output<typeof frameworkNodeResponse>;
export type Framework = z.output<typeof frameworkResponse>;
export type FrameworkSummary = z.output<typeof frameworkSummaryResponse>;
export type FrameworkPreview = z.output<typeof frameworkPreviewResponse>;
export type FrameworkImported = z.output<typeof frameworkImportedResult>;
export type CodeMapKind = z.output<typeof codeMapKind>;
export type CodeMap = z.output<typeof codeMapResponse>;
