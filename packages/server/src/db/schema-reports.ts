import { integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { periods } from './schema.js';

/**
 * What the secretariat writes for a period's results report (seed 001, decision 0021) before
 * generating it: the issuer, number, place and date, the blocks' names, the narrative parts.
 * Stored as the core's `report` object of `chiso report` (reportOptionsSchema input), so that
 * the server and the command line read one shape; the numbers are never stored here.
 */
export const periodReports = pgTable('period_reports', {
  periodId: uuid('period_id')
    .primaryKey()
    .references(() => periods.id),
  options: jsonb('options').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  /** Raised on every change; a write names the version it read. */
  version: integer('version').notNull().default(0),
});
