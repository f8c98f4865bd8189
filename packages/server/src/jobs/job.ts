import type { z } from 'zod';
import type { Deps } from '../context.js';

/** What a handler is told about the run it is in. */
export interface JobRun {
  /** The server's clock at the start of the run (tests fix it). */
  now: Date;
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows a failure of this attempt: record what failed where people will see it. */
  lastAttempt: boolean;
}

/**
 * A typed job: its name and version (a payload shape that changes gets a new version, and a
 * handler refuses the old one by its schema), the payload's zod schema, how many times a
 * failure is retried, and the handler.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  payload: Schema;
  /** Retries after the first failure (with backoff): 0 for none. */
  retries: number;
  /** Seconds before the first retry; each next one waits twice as long. */
  retryDelaySeconds: number;
  handler: (deps: Deps, payload: z.output<Schema>, run: JobRun) => Promise<void>;
}

/** Declares a job, keeping the payload type tied to its schema. */
export function defineJob<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return definition;
}

/** Seconds to wait before retry number `retry` (1 for the first): delay × 2^(retry − 1). */
export function retryDelay(definition: Pick<JobDefinition, 'retryDelaySeconds'>, retry: number) {
  return definition.retryDelaySeconds * 2 ** Math.max(0, retry - 1);
}
