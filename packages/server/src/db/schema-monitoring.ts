import { integer, pgTable, primaryKey, text, uuid, date } from 'drizzle-orm/pg-core';
import { createdAt, instant, points } from './columns.js';
import { frameworks, offices, units } from './schema.js';

// Mid-year self-monitoring (tự theo dõi, đánh giá giữa kỳ; issue 10, seed 000).

/** A unit's snapshot at a date ("9 tháng đầu năm"), against the framework of that year. */
export const monitoringSnapshots = pgTable('monitoring_snapshots', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: text('unit_id')
    .notNull()
    .references(() => units.id),
  frameworkId: uuid('framework_id')
    .notNull()
    .references(() => frameworks.id),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  asOf: date('as_of').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  /** Raised on every change; a write names the version it read. */
  version: integer('version').notNull().default(0),
});

/** One leaf of a snapshot: expected points (null: not applicable), why less, which office. */
export const monitoringRows = pgTable(
  'monitoring_rows',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => monitoringSnapshots.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    expectedPoints: points('expected_points'),
    source: text('source').notNull(),
    reason: text('reason'),
    reasonText: text('reason_text'),
    officeId: uuid('office_id').references(() => offices.id),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.code] })],
);
