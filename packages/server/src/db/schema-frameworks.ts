import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { frameworks } from './schema.js';

// Copying a framework to a new year (issue 9, decision 0013), apart from the framework tables.

/**
 * The code map of a framework: which leaf of the previous framework (frameworks
 * .previous_framework_id) each of its leaves continues. One row per pair; a row with only an
 * old code is a leaf dropped, one with only a new code a new leaf. The kind (unchanged,
 * renumbered, merged, split, dropped, new) follows from the pairs and is kept for reading.
 */
export const frameworkCodeLinks = pgTable(
  'framework_code_links',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    oldCode: text('old_code'),
    newCode: text('new_code'),
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.position] })],
);
