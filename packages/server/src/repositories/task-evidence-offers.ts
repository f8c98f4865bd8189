import { and, asc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { evidenceFiles, taskEvidence, tasks } from '../db/schema.js';

export interface OfferQuery {
  unitId: string;
  /** Deadlines in this range (ISO dates, inclusive). */
  from: string;
  to: string;
  /** Completed at or before this instant (the server's clock). */
  at: Date;
  /** Only tasks serving this code, and only this file (checking one offer before linking). */
  code?: string | undefined;
  evidenceId?: string | undefined;
}

/**
 * The files of a unit's finished tasks that went into a report (decision 0020), one row per
 * task and file, with what the self-assessment shows of the task: one query for a whole page.
 */
export async function listOfferedTaskEvidence(db: Db, query: OfferQuery) {
  const conditions = [
    eq(tasks.unitId, query.unitId),
    isNotNull(tasks.completedAt),
    lte(tasks.completedAt, query.at),
    gte(tasks.deadline, query.from),
    lte(tasks.deadline, query.to),
    isNotNull(taskEvidence.reportId),
    // A task's files are the unit's, kept with no period; never another unit's.
    eq(evidenceFiles.unitId, query.unitId),
    isNull(evidenceFiles.periodId),
  ];
  if (query.code !== undefined)
    conditions.push(sql`${tasks.codes} @> ${JSON.stringify([query.code])}::jsonb`);
  if (query.evidenceId !== undefined) conditions.push(eq(evidenceFiles.id, query.evidenceId));
  return db
    .select({
      file: evidenceFiles,
      task: {
        id: tasks.id,
        title: tasks.title,
        documentNumber: tasks.documentNumber,
        documentDate: tasks.documentDate,
        deadline: tasks.deadline,
        startedAt: tasks.startedAt,
        completedAt: tasks.completedAt,
        codes: tasks.codes,
      },
    })
    .from(taskEvidence)
    .innerJoin(tasks, eq(tasks.id, taskEvidence.taskId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, taskEvidence.evidenceId))
    .where(and(...conditions))
    .orderBy(asc(tasks.completedAt), asc(tasks.id), asc(evidenceFiles.fileName));
}

export type OfferedRow = Awaited<ReturnType<typeof listOfferedTaskEvidence>>[number];

/**
 * The mirror of `listOfferedTaskEvidence`'s own table for a cached answer (decision 0051): the
 * links of the unit's tasks to files; the tasks and files are mirrored with their loaders.
 */
export const OFFERED_TASK_FILES_READ = xminFingerprint(
  'task files',
  'task_evidence',
  't.task_id IN (SELECT k.id FROM tasks AS k WHERE k.unit_id = $2)',
);
