import { LOSS_REASONS, EXPECTATION_SOURCES } from '@chiso/core';
import { z } from 'zod';
import {
  decimalString,
  isoDate,
  isoDateTime,
  leafCodeText,
  unitIdText,
  uuidOf,
  versionInput,
} from './common.js';
import { officeResponse } from './offices.js';

// Mid-year self-monitoring (tự theo dõi, đánh giá giữa kỳ; issue 10).

export const monitoringParams = z.object({ unitId: unitIdText });
export const snapshotParams = monitoringParams.extend({ snapshotId: uuidOf('bản theo dõi') });
export const snapshotRowParams = snapshotParams.extend({ code: leafCodeText });

const title = z.string().trim().min(1, 'hãy đặt tên cho bản theo dõi').max(200);

export const createSnapshotBody = z.object({
  title,
  asOf: isoDate,
  frameworkId: uuidOf('bộ chỉ số').optional(),
});

export const updateSnapshotBody = z.object({
  title: title.optional(),
  asOf: isoDate.optional(),
  version: versionInput(0),
});

/** Points as typed: "0,5" or "0.5". */
const pointsText = z
  .string()
  .trim()
  .regex(/^\d+([.,]\d+)?$/, 'điểm dự kiến là một số, ví dụ 0,5')
  .transform((text) => text.replace(',', '.'));

export const updateSnapshotRowBody = z.object({
  /** null: the leaf does not apply to the unit. */
  expectedPoints: pointsText.nullable(),
  reason: z.enum(LOSS_REASONS).nullable(),
  reasonText: z.string().max(2000).nullable(),
  officeId: uuidOf('phòng, ban').nullable(),
  version: versionInput(0),
});

export const monitoringDocumentQuery = z.object({
  /** The place on the date line ("Văn Bàn"). */
  place: z.string().trim().min(1).max(100).optional(),
});

export const monitoringOverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

const totals = {
  maxPoints: decimalString,
  expectedPoints: decimalString,
  atRisk: decimalString,
  /** 100 × expected ÷ max, exact to six decimals; null when nothing applies. */
  expectedIndex: decimalString.nullable(),
};

export const snapshotResponse = z.strictObject({
  id: z.uuid(),
  unit: z.strictObject({ id: z.string(), name: z.string() }),
  framework: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  title: z.string(),
  asOf: isoDate,
  version: z.number().int(),
  updatedAt: isoDateTime,
  offices: z.array(officeResponse),
  reasons: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  total: z.strictObject(totals),
  areas: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      maxPoints: decimalString,
      expectedPoints: decimalString,
      atRisk: decimalString,
      /** Seed 000's heading: "Lĩnh vực 1. …: điểm tự chấm đạt 10/13 điểm; 03 điểm chưa đạt…". */
      sentence: z.string(),
      leaves: z.array(z.strictObject({ code: z.string(), sentence: z.string() })),
    }),
  ),
  nodes: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      depth: z.number().int(),
      leaf: z.boolean(),
      maxPoints: decimalString,
      expectedPoints: decimalString.nullable(),
      applicable: z.boolean(),
      atRisk: decimalString.nullable(),
      source: z.enum(EXPECTATION_SOURCES).nullable(),
      sourceLabel: z.string().nullable(),
      reason: z.enum(LOSS_REASONS).nullable(),
      reasonText: z.string().nullable(),
      officeId: z.string().nullable(),
    }),
  ),
});

export const snapshotsResponse = z.strictObject({
  unit: z.strictObject({ id: z.string(), name: z.string(), type: z.string() }),
  snapshots: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      asOf: isoDate,
      year: z.number().int(),
      updatedAt: isoDateTime,
      ...totals,
    }),
  ),
});

export const monitoringOverviewResponse = z.strictObject({
  year: z.number().int(),
  units: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      unitType: z.string(),
      unitTypeLabel: z.string(),
      snapshot: z
        .strictObject({
          id: z.uuid(),
          title: z.string(),
          asOf: isoDate,
          ...totals,
          areas: z.array(
            z.strictObject({
              code: z.string(),
              title: z.string(),
              atRisk: decimalString,
              maxPoints: decimalString,
            }),
          ),
        })
        .nullable(),
    }),
  ),
});

export type Snapshot = z.output<typeof snapshotResponse>;
export type SnapshotList = z.output<typeof snapshotsResponse>;
export type MonitoringOverview = z.output<typeof monitoringOverviewResponse>;
export type UpdateSnapshotRowBody = z.input<typeof updateSnapshotRowBody>;
