import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bytes, createdAt, instant } from './columns.js';
import { users } from './schema-people.js';
import { units } from './schema.js';

// Imports run as background jobs (issue 13, item 3): the uploaded file waits here, in the
// database every server shares, with the progress the web app polls and a cancel flag the job
// reads between batches.

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What is imported: units, users, framework, statistics, … */
    kind: text('kind').notNull(),
    /**
     * receiving (its file still arriving, decision 0058), queued, running, succeeded, failed,
     * cancelled.
     */
    state: text('state').notNull().default('queued'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    /** The unit whose reach the import was asked in (the caller's secretariat). */
    unitId: text('unit_id').references(() => units.id),
    /** The import's own parameters (period, sheet, mapping, …). */
    parameters: jsonb('parameters').notNull().default({}),
    fileName: text('file_name').notNull(),
    /** Reading, checking, saving: what the progress bar says. */
    phase: text('phase'),
    totalRows: integer('total_rows'),
    doneRows: integer('done_rows').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** The answer of a successful import (counts), or the problems of a refused one. */
    result: jsonb('result'),
    problems: jsonb('problems'),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    /**
     * When every checked row had been staged (decision 0045): from then on the import is decided
     * and is completed even after a crash; before it, a crash or cancel leaves nothing.
     */
    committedAt: instant('committed_at'),
    /**
     * When a decided units import's last step made its units visible (decision 0054): until
     * then the units it created are hidden by the `units` view and its changes wait staged.
     */
    appliedAt: instant('applied_at'),
    finishedAt: instant('finished_at'),
    /**
     * Until when the running job's server vouches for it (decision 0058), on the database's
     * clock: renewed while it runs; once past, a sweep fails it (PostgreSQL, many servers).
     */
    leaseUntil: instant('lease_until'),
  },
  (t) => [
    index('import_jobs_requested_by_idx').on(t.requestedBy, t.createdAt),
    index('import_jobs_state_idx').on(t.state),
    // What the sweep looks for (decision 0058): few rows are ever running.
    index('import_jobs_lease_idx')
      .on(t.leaseUntil)
      .where(sql`${t.state} = 'running'`),
    // What the `units` view asks on every read: the imports decided and not yet applied.
    index('import_jobs_unapplied_idx')
      .on(t.id)
      .where(sql`${t.committedAt} is not null and ${t.appliedAt} is null`),
  ],
);

/**
 * An import's checked rows, written in short transactions while the job runs and applied from
 * here in chunks (decision 0045): on PGlite's one connection no transaction then holds it for
 * seconds. Each row is deleted in the transaction that applies it; a crash before the import's
 * commit leaves rows that the next start deletes, one after it rows that the next start applies.
 */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    /** The row's place in the order it is applied in (a unit's parent before it). */
    n: integer('n').notNull(),
    data: jsonb('data').notNull(),
    /** A change to a unit that exists, kept for the import's last step (decision 0054). */
    deferred: boolean('deferred').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.importId, t.n] })],
);

/**
 * The changes a units import makes to units that exist (decision 0057), one row per unit: the
 * `units` view shows them in place of the unit's row once the import is applied
 * (`import_jobs.applied_at`), and they are then folded into `unit_rows` a chunk per
 * transaction and deleted. No foreign keys: the view names `unit_rows` (drizzle's `units`
 * is the view), and a change must outlive nothing it points to.
 */
export const unitChanges = pgTable(
  'unit_changes',
  {
    unitId: text('unit_id').primaryKey(),
    importId: uuid('import_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    parentId: text('parent_id'),
    peerGroup: text('peer_group').notNull(),
    activeFrom: date('active_from'),
    activeTo: date('active_to'),
  },
  (t) => [
    index('unit_changes_import_idx').on(t.importId),
    // The descendants' query finds a changed unit under its new parent by this.
    index('unit_changes_parent_idx').on(t.parentId),
  ],
);

/**
 * An import's uploaded file, in pieces of about 1 MB (decision 0055): streamed in by the
 * request and out by the job (on whichever server), so no server ever holds it whole. Written
 * after the job's row (state receiving, decision 0058), so a piece belongs to a job and goes
 * with it; removed when the job ends.
 */
export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    bytes: bytes('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.n] })],
);
