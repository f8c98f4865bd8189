import { bigint, boolean, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';
import { units } from './schema.js';

// The people who sign in, their sessions and failed sign-ins, and the offices inside a unit that
// some of them belong to (issue 10, decision 0019), apart from the assessment tables.

/**
 * A unit's internal offices (phòng chuyên môn, đơn vị trực thuộc): who inside a district or a
 * department answers for a criterion or a task (issue 10). Deactivated, never deleted, so that
 * old plans and tasks keep their names.
 */
export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique('offices_unit_name_unique').on(t.unitId, t.name)],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  unitId: text('unit_id').references(() => units.id),
  /** The office of an office's staff (role officeStaff), inside unitId. */
  officeId: uuid('office_id').references(() => offices.id),
  /** Where reminders are e-mailed (optional; checked as an address). */
  email: text('email'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  /** When the password was last set (by its owner or an administrator); null before 0013. */
  passwordChangedAt: instant('password_changed_at'),
  /** Set when an administrator sets a password for someone: its owner must change it first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** The TOTP shared secret (base32), kept while enrolling and once enabled; null when off. */
  totpSecret: text('totp_secret'),
  /** When two-factor sign-in was switched on; null while off or only enrolling. */
  totpEnabledAt: instant('totp_enabled_at'),
  /** The last 30-second step accepted, so that one code cannot be used twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** True after the password when a second factor is still owed: the session opens nothing else. */
    pendingSecondFactor: boolean('pending_second_factor').notNull().default(false),
    /** How the session was opened: password, password+totp, oidc. */
    method: text('method').notNull().default('password'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time recovery codes for two-factor sign-in (SHA-256 stored), spent once each. */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('totp_recovery_codes_user_idx').on(t.userId)],
);

/** An account's identity at an OpenID Connect provider: (issuer, subject) signs in as the user. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [
    unique('user_identities_issuer_subject_unique').on(t.issuer, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * Failed sign-ins as counted before decision 0031; no longer written (sign-in counts on
 * rate_counters, one atomic upsert per attempt). Kept so that the schema matches the migrations.
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  windowStart: instant('window_start').notNull(),
  count: integer('count').notNull(),
});
