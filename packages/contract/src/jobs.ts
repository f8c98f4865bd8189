import { z } from 'zod';
import { isoDateTime, uuidOf } from './common.js';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'failed'] as const;

export const jobsQuery = z.object({
  /** "true": only the jobs that failed for good. */
  failed: z.enum(['true', 'false'], 'chỉ nhận "true" hoặc "false"').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const jobParams = z.object({ id: uuidOf('công việc') });

/** One background job as the administrator sees it: what, when, how many tries, the error. */
export const jobResponse = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  /** The job's Vietnamese name. */
  label: z.string(),
  state: z.enum(JOB_STATES),
  key: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  runAfter: isoDateTime,
  error: z.string().nullable(),
});

export const jobsResponse = z.strictObject({
  /** "pg-boss" on PostgreSQL, "local" (in the server's process) otherwise. */
  engine: z.enum(['pg-boss', 'local']),
  jobs: z.array(jobResponse),
});

/** A reminder scan asked for by hand: false when one was queued at this very instant. */
export const scanNowResponse = z.strictObject({ queued: z.boolean() });

export type Job = z.output<typeof jobResponse>;
export type JobsPage = z.output<typeof jobsResponse>;
export type JobsQuery = z.input<typeof jobsQuery>;
