import type { z } from 'zod';
import type { JobDefinition } from './job.js';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job as the administrator sees it. */
export interface JobView {
  id: string;
  name: string;
  state: JobState;
  key: string | null;
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  runAfter: Date;
  error: string | null;
}

/** A job run now and again: every `everyMinutes`, counted from midnight Vietnam time. */
export interface RecurringJob {
  name: string;
  everyMinutes: number;
  /** Scheduled only on PostgreSQL (many servers): on PGlite the start did its work already. */
  postgresOnly?: true;
}

/**
 * One queue, two engines (decision 0017): pg-boss on PostgreSQL, an in-process queue over the
 * job_runs table on PGlite. Both: a key never queued twice for one job, retries with backoff,
 * failures kept with their error.
 */
export interface JobQueue {
  readonly engine: 'pg-boss' | 'local';
  /**
   * Queues a job unless one with this key was already queued: the answer is false then, and
   * nothing is added.
   */
  send<Schema extends z.ZodType>(
    job: JobDefinition<Schema>,
    payload: z.input<Schema>,
    key: string,
  ): Promise<boolean>;
  /** Runs a job on a schedule, from every server that starts the queue, yet once per slot. */
  schedule(recurring: RecurringJob): Promise<void>;
  /**
   * Looks for due jobs soon instead of at the next poll, once working (a job someone waits for,
   * such as an import); pg-boss polls on its own.
   */
  wake?: () => void;
  /** Starts working: picks up due jobs until stopped. */
  work(): Promise<void>;
  /** Stops picking up jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** The newest jobs, failed ones first when asked. */
  list(options: { failedOnly: boolean; limit: number }): Promise<JobView[]>;
  find(id: string): Promise<JobView | undefined>;
  /** Queues a failed job again, its attempts counted afresh. False when it was not failed. */
  retry(id: string): Promise<boolean>;
}
