import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './db/database.js';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The committed migrations up to (not including) `tag`, as a folder of their own. */
async function migrationsBefore(tag: string): Promise<string> {
  const journal = JSON.parse(
    await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  const entries = journal.entries.slice(0, cut);
  const dir = await mkdtemp(join(tmpdir(), 'chiso-migrations-'));
  await mkdir(join(dir, 'meta'));
  await writeFile(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) {
    await copyFile(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
  }
  return dir;
}

const PERIOD = '00000000-0000-4000-8000-000000000001';
const CLOSED_AT = '2023-01-15 09:00:00+07';

describe('migration 0003 repairs leaves accepted as 0 from a not-applicable outcome', () => {
  let client: PGlite;
  let before: string;
  const db = () => drizzle(client);
  const rows = async (query: ReturnType<typeof sql>) => (await db().execute(query)).rows;

  beforeAll(async () => {
    client = new PGlite();
    before = await migrationsBefore('0003_appraisal-outcomes-and-errata');
    await migrate(db(), { migrationsFolder: before });
    // A period closed the old way: the first round was closed at CLOSED_AT.
    await client.exec(`
      INSERT INTO units (id, name, type, peer_group) VALUES ('SXD', 'Sở Xây dựng', 'so', 'so');
      INSERT INTO periods (id, name, year, status, council_decision_number, council_decision_date, published_at)
        VALUES ('${PERIOD}', 'Chỉ số CCHC năm 2024', 2024, 'published', '12/QĐ-HĐ', '2025-01-20', '2025-02-01 08:00:00+07');
      INSERT INTO participations (period_id, unit_id, status, appraised_at, finalised_at)
        VALUES ('${PERIOD}', 'SXD', 'finalised', '${CLOSED_AT}', '2025-01-19 10:00:00+07');
      -- 6.2: the unit said "not applicable"; closing the round made it 0.
      INSERT INTO entries (period_id, unit_id, code, facts, self_points, appraised_points, appraised_at, version)
        VALUES ('${PERIOD}', 'SXD', '6.2', '{"notApplicable": true}', NULL, 0, '${CLOSED_AT}', 2);
      -- 1.1: accepted at its own points when the round closed.
      INSERT INTO entries (period_id, unit_id, code, facts, self_points, appraised_points, appraised_at, version)
        VALUES ('${PERIOD}', 'SXD', '1.1', '{"points": "45.5"}', 45.5, 45.5, '${CLOSED_AT}', 2);
      -- 2.1: the appraiser set 0 with a reason: a decision, not an acceptance.
      INSERT INTO entries (period_id, unit_id, code, facts, self_points, appraised_points, appraisal_comment, appraised_at, version)
        VALUES ('${PERIOD}', 'SXD', '2.1', '{"passed": true}', 1, 0, 'Không có tài liệu kiểm chứng', '2025-01-12 10:00:00+07', 3);
      -- 2.2: corrected facts.
      INSERT INTO entries (period_id, unit_id, code, facts, self_points, appraised_facts, appraised_points, appraised_at, version)
        VALUES ('${PERIOD}', 'SXD', '2.2', '{"occurrences": 0}', 1, '{"occurrences": 2}', 0, '2025-01-12 10:05:00+07', 3);
      -- 3.1: never appraised (sent back for supplement, round not closed on it).
      INSERT INTO entries (period_id, unit_id, code, facts, self_points, version)
        VALUES ('${PERIOD}', 'SXD', '3.1', '{"passed": true}', 1, 1);
    `);
    await migrate(db(), { migrationsFolder: MIGRATIONS_FOLDER });
  }, 60_000);

  afterAll(async () => {
    await client.close();
    await rm(before, { recursive: true, force: true });
  });

  it('gives every appraisal its kind and makes the accepted not-applicable leaf accepted again', async () => {
    const entries = await rows(sql`
      SELECT code, appraisal_kind, appraised_facts, appraised_points, version FROM entries ORDER BY code`);
    expect(entries).toEqual([
      {
        code: '1.1',
        appraisal_kind: 'accepted',
        appraised_facts: { points: '45.5' },
        appraised_points: '45.500000',
        version: 3,
      },
      {
        code: '2.1',
        appraisal_kind: 'points',
        appraised_facts: null,
        appraised_points: '0.000000',
        version: 3,
      },
      {
        code: '2.2',
        appraisal_kind: 'facts',
        appraised_facts: { occurrences: 2 },
        appraised_points: '0.000000',
        version: 3,
      },
      {
        code: '3.1',
        appraisal_kind: null,
        appraised_facts: null,
        appraised_points: null,
        version: 1,
      },
      {
        code: '6.2',
        appraisal_kind: 'accepted',
        appraised_facts: { notApplicable: true },
        appraised_points: null,
        version: 3,
      },
    ]);
  });

  it('writes to the audit trail each leaf whose points change, or may, once evaluated again', async () => {
    const audit = await rows(sql`
      SELECT action, entity_id, code, actor_name, before, after FROM audit_log ORDER BY id`);
    expect(audit).toEqual([
      {
        action: 'entry.repair',
        entity_id: `${PERIOD}/SXD/2.2`,
        code: '2.2',
        actor_name: 'chiso (sửa dữ liệu khi nâng cấp)',
        before: { appraisedPoints: 0 },
        after: { appraisalKind: 'facts', appraisedFacts: { occurrences: 2 } },
      },
      {
        action: 'entry.repair',
        entity_id: `${PERIOD}/SXD/6.2`,
        code: '6.2',
        actor_name: 'chiso (sửa dữ liệu khi nâng cấp)',
        before: { appraisalKind: 'points', appraisedPoints: 0 },
        after: {
          appraisalKind: 'accepted',
          appraisedFacts: { notApplicable: true },
          appraisedPoints: null,
        },
      },
    ]);
  });

  it('makes the publication made before versions existed version 1 of the council decision', async () => {
    const publications = await rows(sql`
      SELECT version, decision_number, decision_date, superseded_at FROM publications`);
    expect(publications).toEqual([
      { version: 1, decision_number: '12/QĐ-HĐ', decision_date: '2025-01-20', superseded_at: null },
    ]);
  });
});
