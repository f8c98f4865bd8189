import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, points } from './columns.js';
import { users } from './schema-people.js';

/** Who is assessed: departments, districts, communes, wards, special zones, district offices. */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Unit type, chooses the framework: "so", "huyen", "xa", "phuong", "dac-khu", "phong". */
    type: text('type').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => units.id),
    /** Peer group for ranking. */
    peerGroup: text('peer_group').notNull(),
    activeFrom: date('active_from'),
    activeTo: date('active_to'),
    createdAt: createdAt(),
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);

/** Merged, split, renamed: which units a unit was formed from, and when. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    fromUnitId: text('from_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.fromUnitId] })],
);

export const frameworks = pgTable('frameworks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  unitType: text('unit_type').notNull(),
  pointsDecimals: integer('points_decimals').notNull().default(3),
  /** Bands, head-of-agency levels and flags (core ResultsPolicy, serialised). */
  policy: jsonb('policy').notNull(),
  copiedFromId: uuid('copied_from_id'),
  /** Whose leaf codes "last year" means in the code map (a copy's source, or chosen). */
  previousFrameworkId: uuid('previous_framework_id'),
  /** "reviewed", or "needsReview" from a copy until the administrator confirms (decision 0013). */
  reviewStatus: text('review_status').notNull().default('reviewed'),
  /** What copying moved and what it left to check (core ShiftResult without the nodes). */
  copyReview: jsonb('copy_review'),
  reviewedAt: instant('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  /** The secretariat's unit that keeps the framework (as for periods); null for the install's. */
  ownerUnitId: text('owner_unit_id').references((): AnyPgColumn => units.id),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const frameworkNodes = pgTable(
  'framework_nodes',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    maxPoints: points('max_points').notNull(),
    rule: jsonb('rule'),
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'[]'::jsonb`),
    appliesTo: jsonb('applies_to')
      .notNull()
      .default(sql`'[]'::jsonb`),
    guidance: text('guidance'),
    /**
     * The office that leads this node in every unit of the framework's type, by name as the
     * framework table writes it ("Phòng Tư pháp"); each unit resolves it to its own office.
     */
    leadOffice: text('lead_office'),
    supportingOffices: jsonb('supporting_offices')
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
);

/** An assessment cycle, usually a year. Status: open → approved → published. */
export const periods = pgTable('periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull().default('open'),
  councilDecisionNumber: text('council_decision_number'),
  councilDecisionDate: date('council_decision_date'),
  approvedAt: instant('approved_at'),
  approvedBy: uuid('approved_by'),
  publishedAt: instant('published_at'),
  publishedBy: uuid('published_by'),
  /**
   * When the published results open to the public portal (embargo, issue 11): nothing of the
   * period is shown to people without an account before it. Null until published.
   */
  publicFrom: instant('public_from'),
  /**
   * The unit whose secretariat runs the period (a district running its communes' index,
   * issue 12); null for the install's own secretariat (the province's Sở Nội vụ). Only that
   * secretariat and those above it administer, appraise, approve and publish it.
   */
  ownerUnitId: text('owner_unit_id').references((): AnyPgColumn => units.id),
  createdAt: createdAt(),
});

export const periodFrameworks = pgTable(
  'period_frameworks',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitType: text('unit_type').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitType] })],
);

/** Self-assessment, appraisal, explanation round, council, publication: each opens and closes. */
export const windows = pgTable(
  'windows',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    kind: text('kind').notNull(),
    opensAt: instant('opens_at').notNull(),
    closesAt: instant('closes_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.kind] })],
);

export const windowExtensions = pgTable(
  'window_extensions',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    closesAt: instant('closes_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.kind] })],
);

/** A unit taking part in a period; status: draft → submitted → appraised → finalised. */
export const participations = pgTable(
  'participations',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    submittedAt: instant('submitted_at'),
    submittedBy: uuid('submitted_by'),
    appraisedAt: instant('appraised_at'),
    finalisedAt: instant('finalised_at'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] })],
);

export const assignments = pgTable(
  'assignments',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    appraiserId: uuid('appraiser_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.unitId, t.appraiserId] }),
    index('assignments_appraiser_idx').on(t.appraiserId),
  ],
);

/** One leaf of one unit in one period: self-assessment, appraisal and explanation round. */
export const entries = pgTable(
  'entries',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    facts: jsonb('facts'),
    selfPoints: points('self_points'),
    /** Giải trình: how the unit scored, needed where evidence is missing or partial. */
    selfExplanation: text('self_explanation'),
    selfUpdatedAt: instant('self_updated_at'),
    selfUpdatedBy: uuid('self_updated_by'),
    /**
     * What the appraisal decided, as a whole outcome: "accepted" (the unit's own outcome, its
     * facts copied into appraised_facts), "facts" (corrected facts, evaluated by the rule),
     * "points" (points set directly), "missing" (no points, with the reason in the comment).
     * Null while the leaf is not appraised.
     */
    appraisalKind: text('appraisal_kind'),
    appraisedFacts: jsonb('appraised_facts'),
    /** The appraised outcome's points when it scored (null when not applicable or missing). */
    appraisedPoints: points('appraised_points'),
    appraisalComment: text('appraisal_comment'),
    appraisedAt: instant('appraised_at'),
    appraisedBy: uuid('appraised_by'),
    supplementDeadline: instant('supplement_deadline'),
    supplementNote: text('supplement_note'),
    response: text('response'),
    respondedAt: instant('responded_at'),
    respondedBy: uuid('responded_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.code] })],
);

/**
 * Evidence files: stored once by content hash, never overwritten. A task's evidence has no
 * period (it is kept the year round, decision 0018): unique per unit and hash among those.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id').references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: createdAt(),
  },
  (t) => [
    unique('evidence_unit_hash').on(t.periodId, t.unitId, t.sha256),
    uniqueIndex('evidence_unit_hash_no_period')
      .on(t.unitId, t.sha256)
      .where(sql`period_id is null`),
  ],
);

/** Evidence linked to a leaf, with the page or section that proves it. */
export const entryEvidence = pgTable(
  'entry_evidence',
  {
    periodId: uuid('period_id').notNull(),
    unitId: text('unit_id').notNull(),
    code: text('code').notNull(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceFiles.id),
    pageRef: text('page_ref'),
    linkedAt: createdAt(),
    linkedBy: uuid('linked_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.code, t.evidenceId] })],
);

/**
 * Each publication of a period's results: version 1 is the council's decision; each later
 * version is an erratum (đính chính) with its own decision number, date and reason. The
 * newest version is current; earlier ones stay readable, marked superseded.
 */
export const publications = pgTable(
  'publications',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    version: integer('version').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    /** Why the results were corrected; null for the first publication. */
    reason: text('reason'),
    publishedAt: instant('published_at').notNull(),
    publishedBy: uuid('published_by'),
    supersededAt: instant('superseded_at'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.version] })],
);

/** Results frozen at a publication, with the framework version used and each leaf's story. */
export const publishedResults = pgTable(
  'published_results',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    version: integer('version').notNull().default(1),
    unitType: text('unit_type').notNull(),
    framework: jsonb('framework').notNull(),
    results: jsonb('results').notNull(),
    /** Per unit and leaf: self-assessed and appraised outcomes, the appraiser's reason. */
    details: jsonb('details'),
    publishedAt: instant('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.version, t.unitType] })],
);

/** Append-only (a trigger refuses updates and deletes): who, when, from where, before, after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    periodId: uuid('period_id'),
    unitId: text('unit_id'),
    code: text('code'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_leaf_idx').on(t.periodId, t.unitId, t.code),
    // The trail's pages (0038): newest first by (at, id), read backwards; and the same order
    // within one actor, unit or period, so a filtered page stops after its rows (0056).
    index('audit_at_idx').on(t.at, t.id),
    index('audit_actor_at_idx').on(t.actorId, t.at, t.id),
    index('audit_unit_at_idx').on(t.unitId, t.at, t.id),
    index('audit_period_at_idx').on(t.periodId, t.at, t.id),
  ],
);

export * from './schema-people.js';
export * from './schema-surveys.js';
export * from './schema-frameworks.js';
export * from './schema-offices.js';
export * from './schema-monitoring.js';
export * from './schema-tasks.js';
export * from './schema-notifications.js';
export * from './schema-plans.js';
export * from './schema-reports.js';
export * from './schema-statistics.js';
export * from './schema-imports.js';
