import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { users } from './schema.js';

// Background jobs, in-app notifications and reminders (issue 10, item 5; decision 0017).

/** What a person was told in the app; read_at is set when they read it. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the web app ("/ky-danh-gia/…"), opened from the notification. */
    link: text('link'),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** A person's channels for one kind; without a row, the defaults (decision 0017). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Every reminder sent, once: the key (kind, subject, recipient, stage) is the primary key, so a
 * second scan, a retry or a second server finds it taken. The e-mail is claimed
 * (pending → sending) before it goes, so that two workers never send it twice.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    key: text('key').primaryKey(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage').notNull(),
    createdAt: instant('created_at').notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id),
    /** "none" (not wanted or no address), "pending", "sending", "sent", "failed". */
    emailStatus: text('email_status').notNull(),
    emailTo: text('email_to'),
    emailClaimedAt: instant('email_claimed_at'),
    emailSentAt: instant('email_sent_at'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
  },
  (t) => [index('reminder_deliveries_recipient_idx').on(t.recipientId)],
);

/**
 * The in-process job queue (PGlite, or PostgreSQL without pg-boss): one row per job, its key
 * unique per job name, so the same job is never queued twice; failures stay with their error.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').notNull(),
    /** "created", "retry", "active", "completed", "failed". */
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAfter: instant('run_after').notNull(),
    createdAt: instant('created_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    lastError: text('last_error'),
  },
  (t) => [
    unique('job_runs_name_key').on(t.name, t.key),
    index('job_runs_due_idx').on(t.state, t.runAfter),
    index('job_runs_created_idx').on(t.createdAt),
  ],
);
