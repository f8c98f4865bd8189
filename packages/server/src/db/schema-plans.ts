import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, points } from './columns.js';
import { frameworks, offices, periods, units } from './schema.js';

// The improvement plan (kế hoạch khắc phục, cải thiện; issue 10 item 3, decision 0016).

/**
 * A unit's plan answering one published period (the plan's year is that period's year + 1).
 * Only what people write is stored: the figures (points, lost, what-if) are the core's, from
 * the publication in force, computed when read; an approval freezes them in its snapshot.
 */
export const improvementPlans = pgTable(
  'improvement_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    /** The year planned for: the period's year + 1. */
    planYear: integer('plan_year').notNull(),
    /** Seed 004's sections: "Mục đích", "Yêu cầu", and free text. */
    purpose: text('purpose').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** "draft" or "approved". */
    status: text('status').notNull().default('draft'),
    /** The number of the last approval (1, 2, …); 0 before the first. */
    approvedVersion: integer('approved_version').notNull().default(0),
    /** Kept for the province's list: the total and index if every area reached its target. */
    targetPoints: points('target_points'),
    targetPercent: text('target_percent'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** Raised on every change; a write names the version it read. */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    unique('improvement_plans_unit_period_unique').on(t.unitId, t.periodId),
    index('improvement_plans_period_idx').on(t.periodId),
  ],
);

/** One framework node of a plan: what the unit writes for it. */
export const improvementPlanRows = pgTable(
  'improvement_plan_rows',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => improvementPlans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    /** The target given; null: the core's default (the max a node can earn without going down). */
    target: points('target'),
    tasks: text('tasks'),
    leadOfficeId: uuid('lead_office_id').references(() => offices.id),
    supportingOfficeIds: jsonb('supporting_office_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** "Quý II/2027". */
    timeFrame: text('time_frame'),
    deadline: date('deadline'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.code] })],
);

/** Each approval of a plan, with the whole plan as approved (figures, rows and text). */
export const improvementPlanApprovals = pgTable(
  'improvement_plan_approvals',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => improvementPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    approvedAt: instant('approved_at').notNull(),
    approvedBy: uuid('approved_by'),
    approvedByName: text('approved_by_name'),
    /** The plan's view as the API gave it at approval. */
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.number] })],
);
