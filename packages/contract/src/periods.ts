import {
  PARTICIPATION_STATUSES,
  parseVietnamTime,
  PERIOD_STATUSES,
  WINDOW_KINDS,
} from '@chiso/core';
import { z } from 'zod';
import { isoDate, isoDateTime, periodIdParams, unitIdText } from './common.js';

/** A time as people write it in Vietnam ("10/01/2023 24:00", "2023-01-10 24:00") or ISO. */
export const vietnamTime = z.string().transform((text, ctx) => {
  const ms = parseVietnamTime(text);
  if (ms === undefined) {
    ctx.issues.push({
      code: 'custom',
      message: `"${text}" không phải là thời điểm hợp lệ (dd/mm/yyyy hh:mm)`,
      input: text,
    });
    return z.NEVER;
  }
  return ms;
});

export const windowInput = z
  .object({ opensAt: vietnamTime, closesAt: vietnamTime })
  .refine((w) => w.opensAt < w.closesAt, {
    message: 'thời điểm kết thúc phải sau thời điểm bắt đầu',
    path: ['closesAt'],
  });

/** The steps' windows by kind (any may be left out). */
export const windowsInput = z.partialRecord(z.enum(WINDOW_KINDS), windowInput);

export const periodUnitAppraisersParams = periodIdParams.extend({ unitId: unitIdText });

export const createPeriodBody = z.object({
  name: z.string().trim().min(1).max(300),
  year: z.number().int().min(2000).max(2100),
  frameworks: z.record(z.string().min(1), z.uuid()),
  windows: windowsInput.optional(),
  unitIds: z.array(unitIdText).optional(),
});

export const extendWindowBody = z.object({
  unitId: unitIdText,
  kind: z.enum(WINDOW_KINDS),
  closesAt: vietnamTime,
  reason: z.string().trim().min(1, 'nêu lý do gia hạn').max(2000),
});

export const assignAppraisersBody = z.object({ appraiserIds: z.array(z.uuid()) });

export const approveResultsBody = z.object({
  decisionNumber: z.string().trim().min(1).max(100),
  decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd'),
});

/** A step's window: when it opens and closes (and a unit's extension), open now or not. */
export const windowResponse = z.strictObject({
  kind: z.enum(WINDOW_KINDS),
  label: z.string(),
  opensAt: isoDateTime.nullable(),
  closesAt: isoDateTime.nullable(),
  extendedTo: isoDateTime.nullable(),
  open: z.boolean(),
});

export const periodSummaryResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  status: z.enum(PERIOD_STATUSES),
  statusLabel: z.string(),
  councilDecisionNumber: z.string().nullable(),
  councilDecisionDate: isoDate.nullable(),
  approvedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  /** When the published results open to the public portal (embargo); null before publication. */
  publicFrom: isoDateTime.nullable(),
  /** The secretariat that runs it (decision 0024): a district's unit, or null for the install's. */
  ownerUnitId: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
});

export const periodsResponse = z.array(periodSummaryResponse);

/** A new period, with what was allowed but said (a step whose window is already past). */
export const createdPeriodResponse = periodSummaryResponse.extend({
  warnings: z.array(z.string()),
});

/** A unit taking part in a period: its step, extensions, and (for administrators) appraisers. */
export const periodUnitResponse = z.strictObject({
  unitId: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  peerGroup: z.string().nullable(),
  status: z.enum(PARTICIPATION_STATUSES),
  statusLabel: z.string(),
  submittedAt: isoDateTime.nullable(),
  appraisedAt: isoDateTime.nullable(),
  finalisedAt: isoDateTime.nullable(),
  extensions: z.array(
    z.strictObject({ kind: z.enum(WINDOW_KINDS), closesAt: isoDateTime, reason: z.string() }),
  ),
  /** Administrators only. */
  appraisers: z.array(z.strictObject({ id: z.uuid(), fullName: z.string() })).optional(),
});

export const periodResponse = periodSummaryResponse.extend({
  windows: z.array(windowResponse),
  frameworks: z.array(z.strictObject({ unitType: z.string(), frameworkId: z.uuid() })),
  units: z.array(periodUnitResponse),
});

export type WindowsBody = z.input<typeof windowsInput>;
export type CreatePeriodBody = z.input<typeof createPeriodBody>;
export type ExtendWindowBody = z.input<typeof extendWindowBody>;
export type ApproveResultsBody = z.input<typeof approveResultsBody>;
export type WindowView = z.output<typeof windowResponse>;
export type PeriodSummary = z.output<typeof periodSummaryResponse>;
export type CreatedPeriod = z.output<typeof createdPeriodResponse>;
export type PeriodUnit = z.output<typeof periodUnitResponse>;
export type PeriodDetail = z.output<typeof periodResponse>;
