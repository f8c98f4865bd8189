import { Decimal } from '@chiso/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db/database.js';
import { participations } from './db/schema.js';
import { insertFramework } from './repositories/frameworks.js';
import {
  participationsQuery,
  periodEntriesQuery,
  periodFrameworksQuery,
  periodUnitsQuery,
} from './repositories/period-queries.js';
import { insertPeriod, insertPeriodFrameworks } from './repositories/periods.js';
import { computePeriodResults } from './use-cases/results/period-results.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { unitRows } from './repositories/unit-rows.js';

// Issue 12, item 6: in a national deployment the province is the tenant. Every read that
// recomputes a period's results is planned here, and must reach only that period's rows by its
// key (period_id, the Citus distribution column, docs/ARCHITECTURE.md) — never a scan of the
// other provinces' rows.

const PROVINCES = ['T01', 'T02', 'T03'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode): PlanNode[] {
  const own = node['Relation Name'] === undefined ? [] : [node];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

/** The plan of a built query, with sequential scans off so that the planner shows its keys. */
async function planOf(db: Db, query: { toSQL: () => { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL();
  let inlined = text;
  // Parameters inlined as literals, highest number first ($10 before $1).
  params
    .map((value, i) => ({ value, at: i + 1 }))
    .reverse()
    .forEach(({ value, at }) => {
      const literal = typeof value === 'number' ? String(value) : `'${String(value)}'`;
      inlined = inlined.split(`$${at}`).join(literal);
    });
  await db.execute(sql`set enable_seqscan = off`);
  const result: unknown = await db.execute(sql.raw(`explain (format json) ${inlined}`));
  await db.execute(sql`set enable_seqscan = on`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const first = rows[0] as { 'QUERY PLAN': unknown };
  const plan = (
    typeof first['QUERY PLAN'] === 'string' ? JSON.parse(first['QUERY PLAN']) : first['QUERY PLAN']
  ) as { Plan: PlanNode }[];
  const root = plan[0]?.Plan;
  if (!root) throw new Error('no plan');
  return root;
}

describe.each(DATABASE_KINDS)(
  'a national deployment keeps each province to itself (%s)',
  (kind) => {
    let t: TestApp;
    const periodOf = new Map<string, string>();

    beforeAll(async () => {
      t = await startTestApp(kind);
      const db = t.deps.db;
      for (const province of PROVINCES) {
        const rows = [
          { id: province, name: `Tỉnh ${province}`, type: 'tinh', peerGroup: 'tinh' },
          ...[1, 2, 3].map((c) => ({
            id: `${province}-X${c}`,
            name: `UBND xã ${c} ${province}`,
            type: 'xa',
            parentId: province,
            peerGroup: 'xa',
          })),
        ];
        await db.insert(unitRows).values(rows);
        const framework = await insertFramework(db, {
          name: `Bộ chỉ số xã ${province}`,
          year: 2026,
          unitType: 'xa',
          nodes: [
            { code: '1', title: 'Lĩnh vực 1', maxPoints: Decimal.fromInt(2) },
            { code: '1.1', title: 'Tiêu chí 1.1', maxPoints: Decimal.fromInt(2) },
          ],
        });
        const period = await insertPeriod(db, {
          name: `Chỉ số CCHC năm 2026 ${province}`,
          year: 2026,
          ownerUnitId: province,
        });
        await insertPeriodFrameworks(db, period.id, { xa: framework.id });
        await db
          .insert(participations)
          .values(rows.slice(1).map((u) => ({ periodId: period.id, unitId: u.id })));
        periodOf.set(province, period.id);
      }
    });
    afterAll(async () => t?.close());

    it('recomputes one province from its own units only', async () => {
      const results = await computePeriodResults(t.deps.db, periodOf.get('T02') ?? '', 2026);
      expect(results.flatMap((r) => r.results.units.map((u) => u.id))).toEqual([
        'T02-X1',
        'T02-X2',
        'T02-X3',
      ]);
    });

    it.each([
      ['participations', participationsQuery, ['participations']],
      ['entries', periodEntriesQuery, ['entries']],
      ['period_frameworks', periodFrameworksQuery, ['period_frameworks']],
      ['units of the period', periodUnitsQuery, ['participations']],
    ] as const)('%s: reached by the period key, not by scanning', async (_name, build, keyed) => {
      const id = periodOf.get('T02') ?? '';
      const root = await planOf(t.deps.db, build(t.deps.db, id));
      const found = scans(root);
      for (const relation of keyed) {
        const scan = found.find((s) => s['Relation Name'] === relation);
        expect(scan, `${relation} in the plan`).toBeDefined();
        expect(scan?.['Node Type']).not.toBe('Seq Scan');
        expect(`${scan?.['Index Cond'] ?? ''} ${scan?.['Recheck Cond'] ?? ''}`).toContain(
          `period_id = '${id}'`,
        );
      }
    });
  },
);
