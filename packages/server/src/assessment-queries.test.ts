import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

interface Assessment {
  framework: { name: string; nodes: { code: string; title: string }[] };
  entries: { code: string; selfPoints: string | null }[];
  self: { total: string };
  appraised: unknown;
}

/**
 * Issue 14 item 2: a unit's assessment page reads what it needs in a few statements, and the
 * framework built once per version is never served after a change, whoever makes the change.
 */
describe.each(DATABASE_KINDS)('the assessment page, counted and cached (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const statements: string[] = [];
  let counting = false;

  const read = async (unit = 'SNV', as = 'cb.snv') => {
    const r = await t.request('GET', `/api/periods/${w.periodId}/units/${unit}/assessment`, {
      as: w.sessions[as],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Assessment;
  };
  const counted = async (unit = 'SNV', as = 'cb.snv') => {
    statements.length = 0;
    counting = true;
    try {
      const body = await read(unit, as);
      return { body, statements: [...statements] };
    } finally {
      counting = false;
    }
  };
  const titleOf = (a: Assessment, code: string) =>
    a.framework.nodes.find((n) => n.code === code)?.title;

  beforeAll(async () => {
    // The page as it is built (decision 0047); its cached answer is 0051's.
    t = await startTestApp(kind, {
      env: { CHISO_ASSESSMENT_CACHE: 'off' },
      onQuery: (text) => {
        if (counting) statements.push(text);
      },
    });
    w = await seedWorld(t);
    t.setTime('02/01/2023 09:00');
    const saved = await t.request('PUT', `/api/periods/${w.periodId}/units/SNV/entries/1.2`, {
      as: w.sessions['cb.snv'],
      body: { facts: { onTime: 4 }, version: 0, explanation: 'Đủ 4 báo cáo quý' },
    });
    expect(saved.status).toBe(200);
  }, 60_000);
  afterAll(async () => t.close());

  it('reads a warm page in at most 10 statements, the scope in one of them', async () => {
    await read();
    const { body, statements: sent } = await counted();
    expect(body.entries.find((e) => e.code === '1.2')?.selfPoints).toBe('1.000000');
    // Session; scope (period, participation, unit, framework and its version, windows,
    // extensions); entries; evidence; links; the surveys' versions; the tasks of the counted
    // leaves with their offices; the offered task files; lineage; last year's publication.
    // Before (issue 14) the same page sent 19.
    expect(sent.length, sent.join('\n---\n')).toBeLessThanOrEqual(10);
    expect(sent.filter((s) => s.includes('"framework_nodes"'))).toHaveLength(1);
    expect(sent.filter((s) => s.includes('from "windows"'))).toHaveLength(0);
  });

  it('builds the framework once: a warm read loads no node row', async () => {
    await read();
    const { statements: sent } = await counted();
    // The one statement naming framework_nodes is the version's aggregate, not a load.
    const nodes = sent.filter((s) => s.includes('"framework_nodes"'));
    expect(nodes.every((s) => s.includes('sum('))).toBe(true);
  });

  it("shows the framework's new name once its row is written, by the version read with it", async () => {
    await read();
    await t.deps.db.execute(
      sql`UPDATE frameworks SET name = 'Bộ chỉ số sở 2022 (sửa)' WHERE id = ${w.frameworkId}`,
    );
    expect((await read()).framework.name).toBe('Bộ chỉ số sở 2022 (sửa)');
  });

  it('shows a change written by plain SQL, with no use-case to tell any cache', async () => {
    await read();
    await t.deps.db.execute(
      sql`UPDATE framework_nodes SET title = 'Sửa trực tiếp' WHERE code = '1.3' AND framework_id = ${w.frameworkId}`,
    );
    expect(titleOf(await read(), '1.3')).toBe('Sửa trực tiếp');
    // The same transaction's id on two nodes: the sum still moves.
    await t.deps.db.execute(
      sql`UPDATE framework_nodes SET title = title || '.' WHERE code IN ('1.1', '3.2') AND framework_id = ${w.frameworkId}`,
    );
    const again = await read();
    expect(titleOf(again, '1.1')).toBe('Ban hành kế hoạch CCHC năm.');
    expect(titleOf(again, '3.2')).toBe('Công khai thủ tục hành chính.');
  });

  it("serves each unit its own entries and each reader its phase's view from one framework", async () => {
    const snv = await read('SNV', 'cb.snv');
    const syt = await read('SYT', 'cb.syt');
    expect(snv.entries.find((e) => e.code === '1.2')?.selfPoints).toBe('1.000000');
    expect(syt.entries.find((e) => e.code === '1.2')?.selfPoints).toBeNull();
    // Another unit's page stays closed to the officer, cache or not.
    const r = await t.request('GET', `/api/periods/${w.periodId}/units/SYT/assessment`, {
      as: w.sessions['cb.snv'],
    });
    expect(r.status).toBe(403);
    expect((await read('SNV', 'admin')).appraised).toEqual(snv.self);
  });
});
