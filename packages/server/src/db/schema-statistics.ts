import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { periods, units } from './schema.js';

// Figures that come from other systems rather than from the unit (issue 12): the one-stop
// system's procedure (TTHC) statistics, how a province's export layout maps onto them, and the
// tokens with which a provincial system pushes them.

/**
 * A unit's procedure statistics for a period, as the one-stop system counted them: one row per
 * unit and period, the figures by measure key of the core's catalogue (`{ received: 596,
 * resolvedOnTime: 574, … }`, whole numbers). Replaced whole by each import or push, audited.
 */
export const procedureStatistics = pgTable(
  'procedure_statistics',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    figures: jsonb('figures').notNull(),
    /** 'import' (a file a secretariat uploaded) or 'api' (a source system's push). */
    source: text('source').notNull(),
    /** The file's name or the token's name, shown to the unit beside the figures. */
    sourceName: text('source_name').notNull(),
    /** The date the figures were counted up to, as the source says (optional). */
    countedTo: text('counted_to'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    tokenId: uuid('token_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] })],
);

/**
 * A remembered column mapping: which column of a province's export is which measure, keyed by
 * the secretariat (its unit id, or '*' for the install's) and the file's normalised header row,
 * so that the next file in the same layout maps itself.
 */
export const statisticMappings = pgTable(
  'statistic_mappings',
  {
    scopeKey: text('scope_key').notNull(),
    headerKey: text('header_key').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.scopeKey, t.headerKey] })],
);

/**
 * An API token of a source system (the provincial one-stop system): only the SHA-256 of the
 * secret is kept; scopes say what it may do; rotation issues a new token and revokes the old
 * one after a grace period. Revoked or expired tokens are refused.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the secret, shown in lists to tell tokens apart. */
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').notNull(),
    /** The secretariat that issued it; its pushes reach that unit's subtree only. */
    ownerUnitId: text('owner_unit_id').references(() => units.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: instant('last_used_at'),
    rotatedFromId: uuid('rotated_from_id'),
  },
  (t) => [index('api_tokens_owner_idx').on(t.ownerUnitId)],
);
