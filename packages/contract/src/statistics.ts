import { MEASURE_KEYS, STATISTIC_KEYS } from '@chiso/core';
import { z } from 'zod';
import { isoDateTime, issueResponse } from './common.js';

// Procedure (TTHC) statistics (issue 12): an export of the one-stop system previewed with a
// column mapping, imported all-or-nothing, listed per period, and the late-dossiers report.

const measureKey = z.enum(MEASURE_KEYS);
const statisticKey = z.enum(STATISTIC_KEYS);
const columnTarget = z.union([z.literal('unit'), measureKey]);

/** Which column is which, by column letter, and the 1-based header row. */
export const statisticsMapping = z.strictObject({
  headerRow: z.number().int().min(1).max(1000),
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/, 'phải là tên cột (A, B, …)'), columnTarget),
});

export const statisticsPreviewQuery = z.strictObject({
  sheet: z.string().min(1).optional(),
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
});

/** The mapping travels as JSON text in the query beside the multipart file. */
export const statisticsImportQuery = z.strictObject({
  sheet: z.string().min(1).optional(),
  countedTo: z.iso.date().optional(),
  mapping: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'không phải JSON hợp lệ', input: text });
        return z.NEVER;
      }
    })
    .pipe(statisticsMapping),
});

/** The `result` of a statisticsPreview import job (decision 0043). */
export const statisticsPreviewResponse = z.strictObject({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.strictObject({ column: z.string(), text: z.string() })),
  headerKey: z.string(),
  mapping: statisticsMapping,
  remembered: z.boolean(),
  rows: z.number().int(),
  issues: z.array(issueResponse),
});

/** The `result` of a statistics import job (decision 0043). */
export const statisticsImportResponse = z.strictObject({
  imported: z.number().int(),
  sheet: z.string(),
});

export const presentedStatistic = z.strictObject({
  statistic: statisticKey,
  label: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.string(),
});

export const periodStatisticsResponse = z.strictObject({
  units: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      figures: z.partialRecord(measureKey, z.number().int()),
      statistics: z.array(presentedStatistic),
      source: z.enum(['import', 'api']),
      sourceName: z.string(),
      countedTo: z.string().nullable(),
      updatedAt: isoDateTime,
      version: z.number().int(),
    }),
  ),
});

export const lateDossiersResponse = z.strictObject({
  rows: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      received: z.number().int().nullable(),
      resolved: z.number().int().nullable(),
      resolvedOnTime: z.number().int().nullable(),
      resolvedLate: z.number().int().nullable(),
      onTimePercent: z.string(),
    }),
  ),
});

/** A leaf fed by a statistic, as the leaf editor shows it (no edit controls). */
export const statisticFeedResponse = z.strictObject({
  statistic: statisticKey,
  label: z.string(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  percent: z.string(),
  source: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
});

export type StatisticsMapping = z.output<typeof statisticsMapping>;
export type StatisticsPreview = z.output<typeof statisticsPreviewResponse>;
export type StatisticsImported = z.output<typeof statisticsImportResponse>;
export type PeriodStatistics = z.output<typeof periodStatisticsResponse>;
export type LateDossiers = z.output<typeof lateDossiersResponse>;
