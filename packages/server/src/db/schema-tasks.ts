import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';
import { evidenceFiles, frameworks, offices, units } from './schema.js';

// Tasks given to a unit and its offices, their progress and evidence (issue 10, decision 0018).

/** Several tasks given at once by a higher authority: one document, many units. */
export const taskDispatches = pgTable('task_dispatches', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** "UBND tỉnh", "Chủ tịch UBND huyện". */
  authority: text('authority'),
  documentNumber: text('document_number'),
  documentDate: date('document_date'),
  /** The table it was imported from, when it was. */
  sourceFileName: text('source_file_name'),
  createdAt: createdAt(),
  createdBy: uuid('created_by'),
});

/** A task (nhiệm vụ) of a unit, led by one of its offices. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    authority: text('authority'),
    /** The assigning document: số/ký hiệu "1138/UBND-NC" and ngày. */
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    leadOfficeId: uuid('lead_office_id').references(() => offices.id),
    /** Office ids, in the order chosen. */
    supportingOfficeIds: jsonb('supporting_office_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The framework whose leaves the task serves, and their codes. */
    frameworkId: uuid('framework_id').references(() => frameworks.id),
    codes: jsonb('codes')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Due by the end of this day, Vietnam time. */
    deadline: date('deadline').notNull(),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
    /** "SIPAS trên 95 %". */
    target: text('target'),
    /** "manual", "dispatch" or "plan". */
    origin: text('origin').notNull(),
    dispatchId: uuid('dispatch_id').references(() => taskDispatches.id),
    /** The plan row a task came from (plans are item 3 of issue 10): its id, as text. */
    planRowRef: text('plan_row_ref'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_unit_deadline_idx').on(t.unitId, t.deadline),
    index('tasks_deadline_idx').on(t.deadline),
    index('tasks_dispatch_idx').on(t.dispatchId),
  ],
);

/** A progress report on a task: what was done, how far, by whom. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    text: text('text').notNull(),
    /** 0–100, or null when the report gives none. */
    percent: integer('percent'),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    /** The office the author reported for, when an office's staff. */
    officeId: uuid('office_id').references(() => offices.id),
    at: instant('at').notNull(),
  },
  (t) => [index('task_reports_task_idx').on(t.taskId, t.at)],
);

/**
 * Evidence uploaded for a task (kept in evidence_files with no period), attached to a report
 * once the report is written. Item 6 of issue 10 offers it to the leaves the task serves.
 */
export const taskEvidence = pgTable(
  'task_evidence',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceFiles.id),
    reportId: uuid('report_id').references(() => taskReports.id),
    addedAt: createdAt(),
    addedBy: uuid('added_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.evidenceId] })],
);
