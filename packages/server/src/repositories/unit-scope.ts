import type { TimeWindow, WindowKind } from '@chiso/core';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import {
  participations,
  periodFrameworks,
  periods,
  units,
  windowExtensions,
  windows,
} from '../db/schema.js';
import { frameworkVersionSql } from './framework-at.js';

/** Instants as epoch milliseconds inside JSON (what TimeWindow holds). */
const ms = (column: SQL) => sql`floor(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * Everything a unit's scope reads, in one statement: the period, the unit's participation, the
 * unit, the framework the period gives its type with that framework's version, the period's
 * windows and the unit's extensions. Missing parts come back null for the caller to name.
 */
function unitScopeQuery(db: Db) {
  return db
    .select({
      period: periods,
      participation: participations,
      unit: units,
      frameworkId: periodFrameworks.frameworkId,
      frameworkVersion: frameworkVersionSql(periodFrameworks.frameworkId),
      windows: sql<TimeWindow[]>`(
        SELECT coalesce(json_agg(json_build_object(
                 'kind', w.kind, 'opensAt', ${ms(sql`w.opens_at`)}, 'closesAt', ${ms(sql`w.closes_at`)})),
               '[]'::json)
          FROM ${windows} AS w WHERE w.period_id = ${periods.id})`,
      extensions: sql<{ kind: WindowKind; closesAt: number }[]>`(
        SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'closesAt', ${ms(sql`e.closes_at`)})),
               '[]'::json)
          FROM ${windowExtensions} AS e
         WHERE e.period_id = ${periods.id} AND e.unit_id = ${sql.placeholder('unitId')})`,
    })
    .from(periods)
    .leftJoin(
      participations,
      and(
        eq(participations.periodId, periods.id),
        eq(participations.unitId, sql.placeholder('unitId')),
      ),
    )
    .leftJoin(units, eq(units.id, sql.placeholder('unitId')))
    .leftJoin(
      periodFrameworks,
      and(eq(periodFrameworks.periodId, periods.id), eq(periodFrameworks.unitType, units.type)),
    )
    .where(eq(periods.id, sql.placeholder('periodId')));
}

type Prepared = ReturnType<ReturnType<typeof unitScopeQuery>['prepare']>;

/**
 * Prepared once per database handle: building the statement is drizzle's work on every call
 * otherwise. A transaction is a new handle each time, so it runs the builder as before.
 */
const prepared = new WeakMap<Db, Prepared>();

export type UnitScopeRow = Awaited<ReturnType<Prepared['execute']>>[number];

export async function readUnitScope(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<UnitScopeRow | undefined> {
  let statement = prepared.get(db);
  if (statement === undefined) {
    statement = unitScopeQuery(db).prepare('unit_scope');
    prepared.set(db, statement);
  }
  const [row] = await statement.execute({ periodId, unitId });
  return row;
}

/**
 * The mirror of `readUnitScope` for a cached answer (decision 0051): the period row, the
 * unit's participation and extensions, the unit as the `units` view shows it (its row, its
 * change row and the imports the view hides rows and changes of), the period's framework links and windows, and the
 * framework's row and nodes (its version, as `frameworkVersionSql`).
 */
export const UNIT_SCOPE_READS = [
  xminFingerprint('period', 'periods', 't.id = $1'),
  xminFingerprint('participation', 'participations', 't.period_id = $1 AND t.unit_id = $2'),
  xminFingerprint('unit', 'unit_rows', 't.id = $2'),
  xminFingerprint('unit change', 'unit_changes', 't.unit_id = $2'),
  xminFingerprint(
    'units view',
    'import_jobs',
    't.committed_at IS NOT NULL AND t.applied_at IS NULL',
  ),
  xminFingerprint('period frameworks', 'period_frameworks', 't.period_id = $1'),
  xminFingerprint('windows', 'windows', 't.period_id = $1'),
  xminFingerprint('extensions', 'window_extensions', 't.period_id = $1 AND t.unit_id = $2'),
  xminFingerprint('framework', 'frameworks', 't.id = $5'),
  xminFingerprint('framework nodes', 'framework_nodes', 't.framework_id = $5'),
];
