import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';
import { periods, units } from './schema.js';

// The survey side (issue 5, decision 0010), apart from the assessment tables.

/**
 * A questionnaire (phiếu khảo sát): one form for one respondent group rating one unit type in
 * a period. Several forms may serve the same group. Status: draft → open → closed.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    name: text('name').notNull(),
    /** "par": feeds survey leaves of the framework; "sipas": a satisfaction index. */
    kind: text('kind').notNull(),
    /** Respondent group key, as the framework's survey rules name it ("daiBieu"). */
    respondentGroup: text('respondent_group').notNull(),
    groupLabel: text('group_label').notNull(),
    ratedUnitType: text('rated_unit_type').notNull(),
    /** The questions and their answer options with weights (core Questionnaire, serialised). */
    questions: jsonb('questions').notNull(),
    /** SIPAS settings: formula, target, mode (regular/spot) and the leaf it feeds. */
    sipas: jsonb('sipas'),
    status: text('status').notNull().default('draft'),
    /** Share (%) of paper forms entered a second time for the re-check (phúc tra). */
    recheckPercent: integer('recheck_percent').notNull().default(10),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('surveys_period_idx').on(t.periodId)],
);

/** Sampling plan: responses wanted per rated unit, and the population it was computed from. */
export const surveyTargets = pgTable(
  'survey_targets',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    target: integer('target').notNull(),
    population: integer('population'),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.unitId] })],
);

/** Sampling frame: people who completed a procedure at a unit, imported from its records. */
export const surveyFrame = pgTable(
  'survey_frame',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    contact: text('contact'),
    procedure: text('procedure'),
    completedOn: date('completed_on'),
    sampled: boolean('sampled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('survey_frame_unit_idx').on(t.surveyId, t.unitId)],
);

/**
 * Personal codes: one code, one response. The code knows whether it was used (to the day), never
 * which response it gave: responses carry no reference back (anonymity).
 */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull().unique(),
    respondentName: text('respondent_name'),
    respondentInfo: text('respondent_info'),
    frameId: uuid('frame_id'),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    answeredOn: date('answered_on'),
  },
  (t) => [index('survey_codes_survey_idx').on(t.surveyId, t.unitId)],
);

/** An open link (and its QR code) per rated unit, for citizens at the one-stop desk. */
export const surveyLinks = pgTable(
  'survey_links',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    token: text('token').notNull().unique(),
    active: boolean('active').notNull().default(true),
    /** Answers the link takes per day (Vietnam time), as the administrator set it; null: no cap (0031). */
    dailyCap: integer('daily_cap'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.unitId] })],
);

/**
 * Answers, apart from who gave them: a random id, the day only, and no code, person or address.
 * `answers[i]` is the 1-based option chosen for question i+1, 0 when left blank.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** "code", "link", "paper" or "import". */
    channel: text('channel').notNull(),
    answers: smallint('answers').array().notNull(),
    /** Paper and post-office forms: the number printed on the form, and the batch. */
    formNumber: text('form_number'),
    batch: text('batch'),
    submittedOn: date('submitted_on').notNull(),
    /** Staff who entered a paper form (never the respondent). */
    enteredBy: uuid('entered_by'),
  },
  (t) => [
    index('survey_responses_unit_idx').on(t.surveyId, t.unitId),
    unique('survey_responses_form').on(t.surveyId, t.formNumber),
  ],
);

/** Re-check (phúc tra): a paper form entered a second time, blind, and the differences. */
export const surveyRechecks = pgTable('survey_rechecks', {
  responseId: uuid('response_id')
    .primaryKey()
    .references(() => surveyResponses.id, { onDelete: 'cascade' }),
  answers: smallint('answers').array().notNull(),
  /** 1-based question numbers whose answers differ between the two entries. */
  differences: integer('differences').array().notNull(),
  /** "match", "mismatch" or "resolved". */
  status: text('status').notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: instant('entered_at').notNull(),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: instant('resolved_at'),
});

/** Answers saved to finish later: the respondent holds the token, the table its SHA-256. */
export const surveyDrafts = pgTable('survey_drafts', {
  tokenHash: text('token_hash').primaryKey(),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  unitId: text('unit_id')
    .notNull()
    .references(() => units.id),
  /** The code being answered, when the draft came through a personal code. */
  codeId: uuid('code_id'),
  answers: smallint('answers').array().notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** Devices that already answered through an open link (a hash of a random device cookie). */
export const surveyDevices = pgTable(
  'survey_devices',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull(),
    deviceHash: text('device_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.unitId, t.deviceHash] })],
);

/** Counters for rate limits other than sign-in (open survey links), shared by all API nodes. */
export const rateCounters = pgTable('rate_counters', {
  key: text('key').primaryKey(),
  windowStart: instant('window_start').notNull(),
  count: integer('count').notNull(),
});

/**
 * Answer counts per rated unit, as last recomputed in SQL: `counts[q][o]` answers chose option
 * o+1 of question q+1. Scores, SIPAS and response rates are derived from it by the core.
 */
export const surveyTallies = pgTable(
  'survey_tallies',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull(),
    responses: integer('responses').notNull(),
    counts: jsonb('counts').notNull(),
    computedAt: instant('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.unitId] })],
);
