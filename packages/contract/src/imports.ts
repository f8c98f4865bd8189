import { z } from 'zod';
import { isoDateTime, uuidOf } from './common.js';

// Imports as background jobs (decision 0034): the upload answers 202 with the job; the web app
// polls it for the phase and rows done, then the answer or the problems.

export const IMPORT_JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const IMPORT_JOB_PHASES = ['reading', 'checking', 'saving'] as const;

export const importJobParams = z.object({ id: uuidOf('lượt nhập') });

const issue = z.strictObject({
  path: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});

export const importJobResponse = z.strictObject({
  id: z.uuid(),
  /**
   * units, users, taskDispatch, statisticsPreview, statistics, plan, … (each kind's `result` is
   * its route's former answer: dispatchResponse, statisticsPreviewResponse,
   * statisticsImportResponse, planImportResponse).
   */
  kind: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  fileName: z.string(),
  phase: z.enum(IMPORT_JOB_PHASES).nullable(),
  doneRows: z.number().int(),
  totalRows: z.number().int().nullable(),
  cancelRequested: z.boolean(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  /** The import's answer once succeeded (the same as the import route gave in the request). */
  result: z.record(z.string(), z.unknown()).nullable(),
  /** Why it failed, as a refused request's `error` (sheet, row, column, field of each issue). */
  problems: z
    .strictObject({
      code: z.string(),
      message: z.string(),
      issues: z.array(issue),
      details: z.array(z.string()),
    })
    .nullable(),
});

export type ImportJob = z.output<typeof importJobResponse>;
