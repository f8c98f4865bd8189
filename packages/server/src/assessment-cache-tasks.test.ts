import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_SOURCES } from './repositories/assessment-fingerprint.js';
import { imported } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { DISTRICT_TASKS_CSV, PDF, seedWorld } from './test-support/world.js';
import { assessmentCacheCounts } from './use-cases/assessment/cached-assessment.js';

/** Tables a GET may read that are not the page's: the session and the reader's reach. */
const NOT_THE_PAGE = new Set(['sessions', 'users', 'assignments']);

/**
 * Decision 0051: tasks move with the clock (started, late, overdue from a Vietnam midnight,
 * finished) and their files are offered to the unit: the cached page equals a fresh one at each
 * step. And every table the page's build reads is one the fingerprint counts.
 */
describe.each(DATABASE_KINDS)('the cached assessment page and tasks (%s)', (kind) => {
  let t: TestApp;
  let fresh: TestApp;
  let admin: Session;
  let officer: Session;
  let periodId: string;
  let frameworkId: string;
  const statements: string[] = [];
  let counting = false;
  const url = () => `/api/periods/${periodId}/units/H01/assessment`;

  const ok = async <T>(method: 'POST' | 'PUT', path: string, body?: unknown) => {
    const r = await t.request(method, `/api${path}`, {
      as: officer,
      ...(body === undefined ? {} : { body }),
    });
    if (r.status >= 300)
      throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  // Sessions last 30 days (test-app.ts): signed in once in June, they outlast every step.
  const at = (time: string) => {
    t.setTime(time);
    fresh.setTime(time);
  };
  /**
   * Each reader twice from the cached app (the second read a hit when nothing moved), against
   * one answer of the uncached app: it builds afresh, and nothing moves between the rounds.
   */
  const compare = async (step: string) => {
    for (const reader of [officer, admin]) {
      const built = await fresh.request('GET', url(), { as: reader });
      expect(built.status, step).toBe(200);
      for (let round = 0; round < 2; round += 1) {
        const cached = await t.request('GET', url(), { as: reader });
        expect(cached.status, step).toBe(200);
        expect(cached.raw.equals(built.raw), `${step}, ${reader.username}, ${round}`).toBe(true);
      }
    }
  };

  beforeAll(async () => {
    // The second app shares this database handle: its statements are told here too.
    t = await startTestApp(kind, {
      onQuery: (text) => {
        if (counting) statements.push(text);
      },
    });
    fresh = await startTestApp(kind, {
      env: { CHISO_ASSESSMENT_CACHE: 'off' },
      database: () =>
        Promise.resolve({
          database: { db: t.deps.db, kind, close: () => Promise.resolve() },
          drop: () => Promise.resolve(),
        }),
    });
    const w = await seedWorld(t);
    admin = w.sessions.admin!;
    frameworkId = (
      await imported<{ id: string }>(
        t,
        `/api/frameworks/import?name=${encodeURIComponent('Bộ chỉ số huyện 2023')}&year=2023&unitType=huyen`,
        { name: 'bo-chi-so-huyen-2023.csv', content: DISTRICT_TASKS_CSV },
        admin,
      )
    ).id;
    const period = await t.request('POST', '/api/periods', {
      as: admin,
      body: {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { huyen: frameworkId },
        unitIds: ['H01'],
      },
    });
    periodId = (period.body as { id: string }).id;
    await t.createAccount('cb.h01', 'unitOfficer', 'H01');
    // The world's sessions were opened in January and have expired by June.
    at('05/06/2023 09:00');
    officer = await t.login('cb.h01');
    admin = await t.login('admin');
  }, 60_000);
  // After a failed start, what did start is closed.
  afterAll(async () => {
    await fresh?.close();
    await t?.close();
  });

  it('stays equal as tasks are given, started, finished and fall due', async () => {
    await compare('no tasks');
    const justice = await ok<{ id: string }>('POST', '/units/H01/offices', {
      name: 'Phòng Tư pháp',
    });
    const give = (title: string, deadline: string, codes = ['1.6.1']) =>
      ok<{ id: string; version: number }>('POST', '/units/H01/tasks', {
        title,
        leadOfficeId: justice.id,
        frameworkId,
        codes,
        deadline,
      });
    await give('Rà soát văn bản quy phạm pháp luật', '20/06/2023');
    const late = await give('Công khai thủ tục hành chính', '10/06/2023');
    const done = await give('Đăng ký sáng kiến CCHC', '30/06/2023', ['1.2', '1.6.1']);
    await compare('tasks given');
    await ok('PUT', `/units/H01/offices/${justice.id}`, { name: 'Phòng Tư pháp huyện' });
    await compare('office renamed');
    at('10/06/2023 23:59');
    await compare('the last minute of a deadline');
    at('11/06/2023 00:00');
    await compare('a task overdue from midnight');
    at('15/06/2023 10:00');
    await ok('POST', `/units/H01/tasks/${late.id}/complete`, { version: late.version });
    await compare('a task done late');
    const file = multipart('bao-cao.pdf', PDF);
    const uploaded = await t.request('POST', `/api/units/H01/tasks/${done.id}/evidence`, {
      as: officer,
      payload: file.payload,
      headers: file.headers,
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const evidenceId = (uploaded.body as { evidence: { id: string } }).evidence.id;
    await compare('a task file uploaded');
    await ok('POST', `/units/H01/tasks/${done.id}/reports`, {
      text: 'Đã đăng ký sáng kiến',
      percent: 100,
      evidenceIds: [evidenceId],
    });
    await compare('a task reported with its file');
    const current = await t.request('GET', `/api/units/H01/tasks/${done.id}`, { as: officer });
    await ok('POST', `/units/H01/tasks/${done.id}/complete`, {
      version: (current.body as { task: { version: number } }).task.version,
    });
    await compare('the task with a file finished');
    const page = await t.request('GET', url(), { as: officer });
    const offered = (page.body as { entries: { code: string; taskEvidence: unknown[] }[] }).entries;
    expect(offered.find((e) => e.code === '1.2')?.taskEvidence).toHaveLength(1);
    at('21/06/2023 00:00');
    await compare('a second task overdue');
    expect(assessmentCacheCounts(t.deps.db).hits).toBeGreaterThan(0);
  });

  it('sees plain SQL writes on tasks, their offices and files', async () => {
    for (const [table, set] of [
      ['tasks', "title = title WHERE unit_id = 'H01'"],
      ['offices', "name = name WHERE unit_id = 'H01'"],
      ['task_evidence', 'task_id = task_id'],
      ['evidence_files', "file_name = file_name WHERE unit_id = 'H01'"],
    ] as const) {
      // The page kept and current before the write (every reader compared at the step before).
      await t.request('GET', url(), { as: officer });
      const kept = assessmentCacheCounts(t.deps.db).hits;
      await t.request('GET', url(), { as: officer });
      expect(assessmentCacheCounts(t.deps.db).hits - kept, `${table} kept`).toBe(1);
      await t.deps.db.execute(sql.raw(`UPDATE ${table} SET ${set}`));
      const before = assessmentCacheCounts(t.deps.db).misses;
      await t.request('GET', url(), { as: officer });
      expect(assessmentCacheCounts(t.deps.db).misses - before, table).toBe(1);
      await compare(`after ${table}`);
    }
  });

  it('sees a task start and finish by the clock alone, with no write in between', async () => {
    at('01/07/2023 09:00');
    // Due at the month's end, started at 09:01 and done at 09:02 in Vietnam: ahead of the
    // clock, so the page moves twice without a write.
    await t.deps.db.execute(
      sql.raw(
        "UPDATE tasks SET deadline = '2023-07-31', started_at = '2023-07-01T02:01:00Z', completed_at = '2023-07-01T02:02:00Z' WHERE unit_id = 'H01'",
      ),
    );
    await compare('tasks to start and finish in a minute');
    // Decision 0061: nothing finished since the last proof, so the snapshot (read with the
    // session) answers alone. On a PostgreSQL server other tests write to at the same time,
    // any commit in the cluster moves the snapshot and costs a full count (never a wrong
    // answer): a few tries, one of which must be answered by the snapshot alone.
    let quiet: Awaited<ReturnType<typeof t.request>> | undefined;
    let seen: string[] = [];
    for (let attempt = 0; attempt < 40 && seen.length !== 1; attempt++) {
      statements.length = 0;
      counting = true;
      quiet = await t.request('GET', url(), { as: officer });
      counting = false;
      seen = [...statements];
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('pg_current_snapshot');
    expect(seen[0]).not.toContain('count(*)');
    for (const time of ['01/07/2023 09:01', '01/07/2023 09:02']) {
      const before = await t.request('GET', url(), { as: officer });
      t.setTime(time);
      fresh.setTime(time);
      await compare(`${time}, no write since`);
      const after = await t.request('GET', url(), { as: officer });
      expect(after.raw.equals(before.raw), time).toBe(false);
    }
    expect(quiet?.raw.length).toBeGreaterThan(0);
  });

  it('counts every table the page reads in its fingerprint', async () => {
    const counted = new Set(
      ASSESSMENT_SOURCES.flatMap((s) => [...s.sql.matchAll(/FROM (\w+) AS t/g)].map((m) => m[1])),
    );
    for (const reader of [officer, admin]) {
      statements.length = 0;
      counting = true;
      const r = await fresh.request('GET', url(), { as: reader });
      counting = false;
      expect(r.status).toBe(200);
      const read = new Set(
        statements.flatMap((s) =>
          // Drizzle quotes every table it names; the raw session read is not the page's.
          [...s.matchAll(/\b(?:from|join)\s+"([a-z_]+)"/gi)].map((m) => m[1]!),
        ),
      );
      for (const table of read) {
        if (NOT_THE_PAGE.has(table)) continue;
        // The units view: its rows, its change rows and the imports that hide some of them.
        const tables = table === 'units' ? ['unit_rows', 'unit_changes', 'import_jobs'] : [table];
        for (const name of tables) expect(counted.has(name), `${name} is counted`).toBe(true);
      }
      expect(read.size).toBeGreaterThan(5);
    }
  });
});
