import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditCursor, AuditFilter } from './audit/audit-filter.js';
import { queryRows } from './backup/catalog.js';
import { auditTrailQuery, listAuditTrail } from './repositories/audit-trail.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';

const ROWS = 100_000;
const actor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const period = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

// Decision 0056: a page of the trail on a large audit_log reads its rows from an index in the
// page's order (at, id) — the whole trail or one actor's, unit's or period's — and stops after
// them: no sequential scan of audit_log and no sort of everything the filter matches.
describe.each(DATABASE_KINDS)('the audit trail’s indexes at 100 000 rows (%s)', (kind) => {
  let t: TestApp;
  let middle: AuditCursor;

  beforeAll(async () => {
    t = await startTestApp(kind);
    // 200 actors, 500 units, 20 periods (a third of the rows outside any), five minutes apart.
    await t.deps.db.execute(sql`
      insert into audit_log
        (at, actor_id, actor_name, ip, action, entity_type, entity_id, period_id, unit_id)
      select timestamptz '2026-01-01 00:00+07' + g * interval '5 minutes',
             ('00000000-0000-4000-8000-' || lpad((g % 200)::text, 12, '0'))::uuid,
             'Người ' || (g % 200), '10.0.0.1', 'entry.self.save', 'entry', g::text,
             case when g % 3 = 0 then null
                  else ('00000000-0000-4000-9000-' || lpad((g % 20)::text, 12, '0'))::uuid end,
             'U' || (g % 500)
        from generate_series(1, ${ROWS}::int) g`);
    await t.deps.db.execute(sql`analyze audit_log`);
    const [row] = await listAuditTrail(t.deps.db, {}, { reach: undefined, limit: 1 });
    // The cursor of a page halfway down the trail.
    const newest = BigInt(row?.atMicros ?? '0');
    middle = { atMicros: newest - BigInt(ROWS / 2) * 300_000_000n, id: (row?.id ?? 0) - ROWS / 2 };
  }, 180_000);
  afterAll(async () => t.close());

  async function planOf(filter: AuditFilter, cursor: AuditCursor | undefined) {
    const query = auditTrailQuery(t.deps.db, filter, { reach: undefined, cursor, limit: 51 });
    const rows = await queryRows<Record<string, unknown>>(
      t.deps.db,
      sql`explain (format json) ${query.getSQL()}`,
    );
    const cell = Object.values(rows[0] ?? {})[0];
    const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
    return nodesOf(plan[0]!.Plan);
  }

  it.each<[string, AuditFilter, string]>([
    ['the whole trail', {}, 'audit_at_idx'],
    ['one actor’s changes', { actorId: actor(7) }, 'audit_actor_at_idx'],
    ['one unit’s changes', { unitId: 'U42' }, 'audit_unit_at_idx'],
    ['one period’s changes', { periodId: period(3) }, 'audit_period_at_idx'],
  ])('reads a page of %s from its index, first page and further', async (_what, filter, index) => {
    for (const cursor of [undefined, middle]) {
      const nodes = await planOf(filter, cursor);
      const onAudit = nodes.filter((n) => n['Relation Name'] === 'audit_log');
      expect(
        onAudit.map((n) => n['Index Name']),
        JSON.stringify(nodes),
      ).toEqual([index]);
      expect(onAudit.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
    }
    // And the page it plans is the page: 51 rows, newest first, older than the cursor.
    const rows = await listAuditTrail(t.deps.db, filter, {
      reach: undefined,
      cursor: middle,
      limit: 51,
    });
    expect(rows).toHaveLength(51);
    const keys = rows.map((r) => [BigInt(r.atMicros), r.id] as const);
    for (const [i, [at, id]] of keys.entries()) {
      expect(at < middle.atMicros || (at === middle.atMicros && id < middle.id)).toBe(true);
      const next = keys[i + 1];
      if (next) expect(next[0] < at || (next[0] === at && next[1] < id)).toBe(true);
    }
  });
});
