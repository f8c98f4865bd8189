import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';
import { assessmentCacheCounts } from './use-cases/assessment/cached-assessment.js';

/**
 * Decision 0051, the oracle: after every step of a period's workflow, the page each reader gets
 * from the app whose answers are cached is byte for byte the page a second app on the same
 * database, with the cache off, builds afresh; the readers the page refuses are refused by both.
 */
describe.each(DATABASE_KINDS)('the cached assessment page against a fresh one (%s)', (kind) => {
  let t: TestApp;
  let fresh: TestApp;
  let w: World;
  let evidenceId = '';
  const unit = (id: string) => `/api/periods/${w.periodId}/units/${id}`;
  const entry = (code: string) => `${unit('SNV')}/entries/${code}`;
  const READERS = ['cb.snv', 'tt.snv', 'cb.syt', 'td1', 'td2', 'admin', 'hd1', 'xem'];
  const counts = () => assessmentCacheCounts(t.deps.db);

  const setTime = (time: string) => {
    t.setTime(time);
    fresh.setTime(time);
  };
  const ok = async (
    method: 'PUT' | 'POST',
    url: string,
    as: Session | undefined,
    body?: unknown,
  ): Promise<Record<string, unknown>> => {
    const r = await t.request(method, url, { as, ...(body === undefined ? {} : { body }) });
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown>;
  };
  const versionOf = async (code: string) => {
    const r = await fresh.request('GET', `${unit('SNV')}/assessment`, { as: w.sessions.admin });
    const entries = (r.body as { entries: { code: string; version: number }[] }).entries;
    return entries.find((e) => e.code === code)?.version ?? 0;
  };

  /**
   * Every reader, twice (the second read is the cached one when nothing moved): equal bytes.
   * The uncached app is asked once per reader: nothing moves between the two rounds, and it
   * builds every answer afresh, so its second answer would be its first.
   */
  const compare = async (step: string) => {
    const url = `${unit('SNV')}/assessment`;
    for (const reader of READERS) {
      const built = await fresh.request('GET', url, { as: w.sessions[reader] });
      for (let round = 0; round < 2; round += 1) {
        const cached = await t.request('GET', url, { as: w.sessions[reader] });
        expect(cached.status, `${step}, ${reader}`).toBe(built.status);
        if (built.status !== 200) continue;
        expect(cached.raw.equals(built.raw), `${step}, ${reader}, round ${round}`).toBe(true);
        expect(cached.headers['content-type']).toBe(built.headers['content-type']);
      }
    }
  };

  /**
   * cb.snv's page kept and current before a write: a read, then a second one that is a hit.
   * (The step before has compared every reader already; this only proves the cache is warm.)
   */
  const warm = async () => {
    const url = `${unit('SNV')}/assessment`;
    await t.request('GET', url, { as: w.sessions['cb.snv'] });
    const before = { ...counts() };
    expect((await t.request('GET', url, { as: w.sessions['cb.snv'] })).status).toBe(200);
    expect(counts().hits - before.hits, 'kept before the write').toBe(1);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    fresh = await startTestApp(kind, {
      env: { CHISO_ASSESSMENT_CACHE: 'off' },
      database: () =>
        Promise.resolve({
          database: { db: t.deps.db, kind, close: () => Promise.resolve() },
          drop: () => Promise.resolve(),
        }),
    });
    w = await seedWorld(t);
    setTime('05/01/2023 09:00');
  }, 60_000);
  // After a failed start, what did start is closed.
  afterAll(async () => {
    await fresh?.close();
    await t?.close();
  });

  it('refuses the same readers, and serves the others from the cache', async () => {
    const before = { ...counts() };
    await compare('empty draft');
    const after = counts();
    // cb.syt (another unit), td2 (not assigned) and the viewer are refused by both apps.
    const other = await t.request('GET', `${unit('SNV')}/assessment`, { as: w.sessions['cb.syt'] });
    expect(other.status).toBe(403);
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(5);
  });

  it('stays equal through the self-assessment: facts, points, evidence added and removed', async () => {
    await ok('PUT', entry('1.1'), w.sessions['cb.snv'], {
      facts: { completedOn: '20/01/2022' },
      version: 0,
    });
    await compare('1.1 saved');
    await ok('PUT', entry('3.1'), w.sessions['cb.snv'], {
      facts: { numerator: 574, denominator: 596 },
      version: 0,
    });
    await ok('PUT', entry('3.2'), w.sessions['cb.snv'], {
      points: '1,75',
      explanation: 'Đã công khai 95% TTHC',
      version: 0,
    });
    await compare('3.1 and 3.2 saved');
    const file = multipart('ke-hoach-cchc-2022.pdf', PDF);
    const uploaded = await t.request('POST', `${unit('SNV')}/evidence`, {
      as: w.sessions['cb.snv'],
      payload: file.payload,
      headers: file.headers,
    });
    expect(uploaded.status).toBe(201);
    evidenceId = (uploaded.body as { evidence: { id: string } }).evidence.id;
    await compare('evidence uploaded');
    await ok('PUT', `${entry('1.1')}/evidence`, w.sessions['cb.snv'], {
      evidenceId,
      pageRef: 'trang 2, mục II',
    });
    await ok('PUT', `${entry('3.1')}/evidence`, w.sessions['cb.snv'], { evidenceId });
    await compare('evidence linked');
    await ok('PUT', `${entry('3.1')}/evidence`, w.sessions['cb.snv'], {
      evidenceId,
      remove: true,
    });
    await compare('evidence unlinked');
    await ok('PUT', entry('3.1'), w.sessions['cb.snv'], {
      explanation: 'Số liệu trích từ Hệ thống thông tin giải quyết TTHC tỉnh',
      version: await versionOf('3.1'),
    });
    await compare('explanation');
  });

  it('stays equal as the clock crosses a midnight and the window closes after submission', async () => {
    setTime('10/01/2023 23:59');
    await compare('last minute of the window');
    await ok('POST', `${unit('SNV')}/submit`, w.sessions['tt.snv']);
    await ok('POST', `${unit('SYT')}/submit`, w.sessions['tt.syt']);
    await compare('submitted');
    setTime('11/01/2023 00:00');
    await compare('window closed');
  });

  it('stays equal through appraisal, a supplement and its deadline, the explanation and the end', async () => {
    setTime('12/01/2023 08:00');
    await compare('appraisal window');
    await ok('PUT', `${entry('3.2')}/appraisal`, w.sessions.td1, {
      points: '1,25',
      comment: 'Chưa công khai trên Cổng dịch vụ công',
      version: await versionOf('3.2'),
    });
    await compare('3.2 appraised');
    await ok('PUT', `${entry('1.1')}/appraisal`, w.sessions.td1, {
      supplementDeadline: '14/01/2023 17:00',
      supplementNote: 'Bổ sung quyết định ban hành kế hoạch',
      version: await versionOf('1.1'),
    });
    await compare('supplement asked');
    await ok('PUT', entry('1.1'), w.sessions['cb.snv'], {
      facts: { completedOn: '30/01/2022' },
      version: await versionOf('1.1'),
    });
    setTime('14/01/2023 16:59');
    await compare('a minute before the supplement deadline');
    setTime('14/01/2023 17:00');
    await compare('supplement deadline passed');
    setTime('15/01/2023 09:00');
    await ok('POST', `${unit('SNV')}/finalise`, w.sessions.td1);
    await ok('POST', `${unit('SYT')}/finalise`, w.sessions.td2);
    await compare('first round finalised');
    setTime('18/01/2023 10:00');
    await ok('PUT', `${entry('3.2')}/response`, w.sessions['cb.snv'], {
      response: 'Đã công khai trên Cổng từ 15/12/2022, xem ảnh chụp màn hình kèm theo',
      version: await versionOf('3.2'),
    });
    await compare('explanation given');
    setTime('19/01/2023 09:00');
    await ok('PUT', `${entry('3.2')}/appraisal`, w.sessions.td1, {
      points: '1,75',
      comment: 'Chấp nhận giải trình',
      version: await versionOf('3.2'),
    });
    await ok('POST', `${unit('SNV')}/finalise`, w.sessions.td1);
    await ok('POST', `${unit('SYT')}/finalise`, w.sessions.td2);
    await compare('finalised');
  });

  it('stays equal through the council and the publication', async () => {
    setTime('22/01/2023 09:00');
    await ok('POST', `/api/periods/${w.periodId}/approve`, w.sessions.hd1, {
      decisionNumber: '27/QĐ-HĐ',
      decisionDate: '2023-01-25',
    });
    await compare('approved');
    setTime('02/02/2023 08:00');
    await ok('POST', `/api/periods/${w.periodId}/publish`, w.sessions.admin);
    await compare('published');
  });

  it('sends the same compressed bytes it would compress afresh', async () => {
    const headers = { 'accept-encoding': 'br' };
    for (let round = 0; round < 2; round += 1) {
      const url = `${unit('SNV')}/assessment`;
      const cached = await t.request('GET', url, { as: w.sessions['cb.snv'], headers });
      const built = await fresh.request('GET', url, { as: w.sessions['cb.snv'], headers });
      expect(cached.headers['content-encoding']).toBe('br');
      expect(built.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(cached.raw).equals(brotliDecompressSync(built.raw))).toBe(true);
    }
  });

  /**
   * A write by plain SQL on any source the page reads is seen by the next read: the kept answer
   * is not used (a miss), and the page equals the fresh one. `SET x = x` writes a new version
   * of the row, as any writer would, with nothing the page shows changed.
   */
  const WRITES: [table: string, where: string][] = [
    ['periods', "id = '$period'"],
    ['participations', "period_id = '$period' AND unit_id = 'SNV'"],
    ['unit_rows', "id = 'SNV'"],
    ['period_frameworks', "period_id = '$period'"],
    ['windows', "period_id = '$period'"],
    ['frameworks', "id = '$framework'"],
    ['framework_nodes', "framework_id = '$framework' AND code = '1.1'"],
    ['entries', "period_id = '$period' AND unit_id = 'SNV' AND code = '1.1'"],
    ['evidence_files', "unit_id = 'SNV'"],
    ['entry_evidence', "period_id = '$period' AND unit_id = 'SNV'"],
    ['offices', "unit_id = 'SNV'"],
    ['publications', 'true'],
    ['published_results', 'true'],
  ];

  it.each(WRITES)('sees a plain SQL write on %s at the next read', async (table, where) => {
    await warm();
    const condition = where.replace('$period', w.periodId).replace('$framework', w.frameworkId);
    const column = COLUMN_OF[table] ?? 'name';
    await t.deps.db.execute(
      sql.raw(`UPDATE ${table} SET ${column} = ${column} WHERE ${condition}`),
    );
    const before = { ...counts() };
    const r = await t.request('GET', `${unit('SNV')}/assessment`, { as: w.sessions['cb.snv'] });
    expect(r.status).toBe(200);
    expect(counts().misses - before.misses, table).toBe(1);
    await compare(`after ${table}`);
  });

  /** Rows the page has none of yet, inserted by plain SQL: the next read is a miss. */
  const INSERTS: [table: string, values: string][] = [
    ['unit_lineage', "('SNV', 'SYT', 'merge', '2022-01-01', false)"],
    [
      'window_extensions',
      "('$period', 'SNV', 'explanation', '2023-12-31T17:00:00Z', 'Gia hạn bằng SQL', '$admin')",
    ],
    [
      'procedure_statistics (period_id, unit_id, figures, source, source_name)',
      "('$period', 'SNV', '{}'::jsonb, 'import', 'so-lieu.xlsx')",
    ],
    ['framework_code_links (framework_id, position, kind)', "('$framework', 1, 'removed')"],
  ];

  it.each(INSERTS)('sees a plain SQL insert into %s at the next read', async (table, values) => {
    await warm();
    const row = values
      .replace('$period', w.periodId)
      .replace('$framework', w.frameworkId)
      .replace('$admin', w.ids.admin ?? '');
    await t.deps.db.execute(sql.raw(`INSERT INTO ${table} VALUES ${row}`));
    const before = { ...counts() };
    const r = await t.request('GET', `${unit('SNV')}/assessment`, { as: w.sessions['cb.snv'] });
    expect(r.status).toBe(200);
    expect(counts().misses - before.misses, table).toBe(1);
    await compare(`after ${table}`);
  });

  it('shows a plain SQL change of an entry, a window and a unit at once', async () => {
    const url = `${unit('SNV')}/assessment`;
    const read = async () =>
      (await t.request('GET', url, { as: w.sessions.admin })).body as {
        unit: { name: string };
        entries: { code: string; explanation: string | null }[];
        windows: { kind: string; closesAt: string }[];
      };
    await read();
    await t.deps.db.execute(
      sql`UPDATE entries SET self_explanation = 'Sửa bằng SQL' WHERE period_id = ${w.periodId} AND unit_id = 'SNV' AND code = '1.1'`,
    );
    await t.deps.db.execute(sql`UPDATE unit_rows SET name = 'Sở Nội vụ tỉnh' WHERE id = 'SNV'`);
    await t.deps.db.execute(
      sql`UPDATE windows SET closes_at = closes_at + interval '1 day' WHERE period_id = ${w.periodId} AND kind = 'publication'`,
    );
    const after = await read();
    expect(after.unit.name).toBe('Sở Nội vụ tỉnh');
    expect(after.entries.find((e) => e.code === '1.1')?.explanation).toBe('Sửa bằng SQL');
    expect(after.windows.find((x) => x.kind === 'publication')?.closesAt).toBe(
      '2024-01-01T17:00:00.000Z',
    );
    await compare('after the plain SQL changes');
  });
});

/** A column each table has, written back to itself (else its name). */
const COLUMN_OF: Record<string, string> = {
  periods: 'name',
  participations: 'status',
  period_frameworks: 'framework_id',
  windows: 'closes_at',
  frameworks: 'name',
  framework_nodes: 'title',
  entries: 'version',
  evidence_files: 'file_name',
  entry_evidence: 'page_ref',
  publications: 'version',
  published_results: 'version',
};
