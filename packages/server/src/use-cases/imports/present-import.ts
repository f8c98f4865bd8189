import type { ImportJobView } from '../../repositories/import-jobs.js';

/** An import job as its requester polls it: state, phase, rows done, then answer or problems. */
export function presentImport(job: ImportJobView) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state as 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled',
    fileName: job.fileName,
    phase: (job.phase ?? null) as 'reading' | 'checking' | 'saving' | null,
    doneRows: job.doneRows,
    totalRows: job.totalRows,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: (job.result ?? null) as Record<string, unknown> | null,
    problems: (job.problems ?? null) as ImportProblems | null,
  };
}

/** The refusal, in the shape of a refused request's body (http/errors.ts). */
export interface ImportProblems {
  code: string;
  message: string;
  issues: {
    path?: string;
    sheet?: string;
    row?: number;
    column?: string;
    field?: string;
    message: string;
  }[];
  details: string[];
}
