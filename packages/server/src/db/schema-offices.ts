import { jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { instant } from './columns.js';
import { frameworks, offices, units } from './schema.js';

// Who answers for what inside a unit (issue 10, decision 0016).

/**
 * A unit's own choice of lead and supporting offices for one framework node, overriding the
 * framework's default by name. Kept per framework so that a copy to a new year carries it.
 */
export const unitNodeOffices = pgTable(
  'unit_node_offices',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    leadOfficeId: uuid('lead_office_id').references(() => offices.id),
    /** Office ids, in the order chosen. */
    supportingOfficeIds: jsonb('supporting_office_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.frameworkId, t.code] })],
);
