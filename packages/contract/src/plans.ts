import { z } from 'zod';
import { decimalString, isoDate, isoDateTime, unitIdText, uuidOf } from './common.js';
import { officeResponse } from './offices.js';

// The improvement plan (kế hoạch khắc phục, cải thiện; issue 10 item 3, decision 0016).

export const unitPlansParams = z.object({ unitId: unitIdText });
export const planParams = unitPlansParams.extend({ periodId: uuidOf('kỳ đánh giá') });
export const planRowParams = planParams.extend({
  code: z.string().trim().min(1, 'thiếu mã tiêu chí').max(40),
});

export const createPlanBody = z.object({ periodId: uuidOf('kỳ đánh giá') });
export const planVersionBody = z.object({ version: z.number().int().min(0) });
export const planQuery = z.object({
  /** An approval's number: the plan as approved then. */
  approval: z.coerce.number().int().min(1).optional(),
});

const sectionText = z.string().max(20_000);
export const updatePlanBody = z.object({
  purpose: sectionText.optional(),
  requirements: sectionText.optional(),
  notes: sectionText.optional(),
  version: z.number().int().min(0),
});

/** Points as typed: "9,5" or "9.5"; null: the default target (the max the node can earn). */
const targetText = z
  .string()
  .trim()
  .regex(/^-?\d+([.,]\d+)?$/, 'mục tiêu là một số điểm, ví dụ 9,5')
  .transform((text) => text.replace(',', '.'));

export const updatePlanRowBody = z.object({
  target: targetText.nullable().optional(),
  tasks: z.string().max(5000).nullable().optional(),
  leadOfficeId: uuidOf('phòng, ban').nullable().optional(),
  supportingOfficeIds: z.array(uuidOf('phòng, ban')).max(50).optional(),
  timeFrame: z.string().max(200).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  version: z.number().int().min(0),
});

export const planImportQuery = z.object({
  preview: z.enum(['true', 'false']).optional(),
  version: z.coerce.number().int().min(0).optional(),
});

export const planTasksBody = z.object({
  codes: z.array(z.string().trim().min(1).max(40)).min(1, 'hãy chọn ít nhất một dòng').max(500),
  version: z.number().int().min(0),
});

const officeRef = z.strictObject({ id: z.uuid(), name: z.string() });

/**
 * A row against last year's plan (decision 0020): that plan's target for the node and whether
 * this year's points reached it. Absent from approvals stored before it existed.
 */
export const lastTargetResponse = z.strictObject({
  target: decimalString.nullable(),
  /** The unit wrote it (false: the default, the node's max). */
  targetGiven: z.boolean(),
  outcome: z.enum(['met', 'notMet', 'noTarget', 'notApplicable']),
  /** Target − points when missed, else 0. */
  shortBy: decimalString,
  /** "Đạt mục tiêu", "Chưa đạt mục tiêu, thiếu 0,5 điểm", "Không có mục tiêu năm trước". */
  label: z.string(),
});

/** Which plan of last year the rows are compared with, and how many targets were met. */
export const lastTargetsResponse = z.strictObject({
  planId: z.uuid(),
  period: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  /** The approval whose targets are compared; null: the draft as it stands (never approved). */
  approval: z.number().int().nullable(),
  met: z.number().int(),
  compared: z.number().int(),
  /** Counted over the targets the unit wrote (else over every default target). */
  givenOnly: z.boolean(),
  /** "Đạt 12/20 mục tiêu năm trước". */
  summary: z.string(),
});

export const planRowResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  depth: z.number().int(),
  leaf: z.boolean(),
  applicable: z.boolean(),
  maxPoints: decimalString.nullable(),
  points: decimalString.nullable(),
  lastYearPoints: decimalString.nullable(),
  lost: decimalString,
  nothingLost: z.boolean(),
  target: decimalString.nullable(),
  targetGiven: z.boolean(),
  gain: decimalString.nullable(),
  pointsIfTarget: decimalString.nullable(),
  /** Exact to six decimals. */
  percentIfTarget: decimalString.nullable(),
  rankIfTarget: z.number().int().nullable(),
  rankChangeIfTarget: z.number().int().nullable(),
  /** "đạt mục tiêu → 86,40 điểm, hạng 3 (tăng 5 bậc)". */
  summary: z.string(),
  tasks: z.string().nullable(),
  leadOffice: officeRef.nullable(),
  supportingOffices: z.array(officeRef),
  timeFrame: z.string().nullable(),
  deadline: isoDate.nullable(),
  /** Tasks already made from this row. */
  taskCount: z.number().int(),
  /** Null when the unit has no plan of last year; absent in approvals kept before item 6. */
  lastTarget: lastTargetResponse.nullable().optional(),
});

export const planResponse = z.strictObject({
  id: z.uuid(),
  unit: z.strictObject({ id: z.string(), name: z.string(), type: z.string() }),
  period: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  framework: z.strictObject({ id: z.uuid(), name: z.string() }),
  planYear: z.number().int(),
  publicationVersion: z.number().int(),
  status: z.enum(['draft', 'approved']),
  statusLabel: z.string(),
  version: z.number().int(),
  updatedAt: isoDateTime,
  /** The approval shown, when the plan is read as approved. */
  approval: z
    .strictObject({
      number: z.number().int(),
      approvedAt: isoDateTime,
      approvedByName: z.string().nullable(),
    })
    .nullable(),
  approvals: z.array(
    z.strictObject({
      number: z.number().int(),
      approvedAt: isoDateTime,
      approvedByName: z.string().nullable(),
    }),
  ),
  purpose: z.string(),
  requirements: z.string(),
  notes: z.string(),
  total: z.strictObject({
    points: decimalString,
    maxPoints: decimalString,
    percent: decimalString.nullable(),
    rank: z.number().int().nullable(),
    groupSize: z.number().int(),
    targetPoints: decimalString,
    targetPercent: decimalString.nullable(),
    /** "Chỉ số CCHC năm 2025 đạt 78,42/100 điểm (78,42%), xếp hạng 3/5". */
    summary: z.string(),
  }),
  /** Last year's plan and how many of its targets were met; null without one. */
  lastTargets: lastTargetsResponse.nullable().optional(),
  areas: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      applicable: z.boolean(),
      points: decimalString,
      maxPoints: decimalString,
      rank: z.number().int().nullable(),
      groupSize: z.number().int(),
      percentChange: decimalString.nullable(),
      lastYearPoints: decimalString.nullable(),
      summary: z.string(),
    }),
  ),
  rows: z.array(planRowResponse),
  offices: z.array(officeResponse),
});

export const unitPlansResponse = z.strictObject({
  unit: z.strictObject({ id: z.string(), name: z.string(), type: z.string() }),
  /** Published periods of the unit with or without a plan. */
  periods: z.array(
    z.strictObject({
      id: z.uuid(),
      name: z.string(),
      year: z.number().int(),
      plan: z
        .strictObject({
          id: z.uuid(),
          status: z.enum(['draft', 'approved']),
          statusLabel: z.string(),
          approvedVersion: z.number().int(),
          updatedAt: isoDateTime,
        })
        .nullable(),
    }),
  ),
});

export const plansOverviewQuery = z.object({ periodId: uuidOf('kỳ đánh giá') });

export const plansOverviewResponse = z.strictObject({
  period: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  units: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      unitTypeLabel: z.string(),
      plan: z
        .strictObject({
          status: z.enum(['draft', 'approved']),
          statusLabel: z.string(),
          approvedVersion: z.number().int(),
          targetPoints: decimalString.nullable(),
          targetPercent: decimalString.nullable(),
          updatedAt: isoDateTime,
        })
        .nullable(),
    }),
  ),
});

export const generatePlansResponse = z.strictObject({
  created: z.number().int(),
  existing: z.number().int(),
});

/** The `result` of a plan import job, preview or not (decision 0043). */
export const planImportResponse = z.strictObject({
  preview: z.boolean(),
  sheet: z.string(),
  changes: z.array(
    z.strictObject({
      code: z.string(),
      target: decimalString.nullable(),
      tasks: z.string().nullable(),
      leadOffice: z.string().nullable(),
    }),
  ),
  plan: planResponse.nullable(),
});

export const planTasksResponse = z.strictObject({
  tasks: z.array(z.strictObject({ id: z.uuid(), title: z.string(), code: z.string() })),
});

export type PlanView = z.output<typeof planResponse>;
export type PlanRowView = z.output<typeof planRowResponse>;
export type UnitPlans = z.output<typeof unitPlansResponse>;
export type PlansOverview = z.output<typeof plansOverviewResponse>;
export type PlanImport = z.output<typeof planImportResponse>;
export type UpdatePlanRowBody = z.input<typeof updatePlanRowBody>;
