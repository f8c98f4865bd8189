import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castOf,
  importFramework,
  ok,
  runUntouched,
  SXD_CSV,
  SXD_SELF,
  type Cast,
} from './test-support/cycle.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type TestApp,
  type TestResponse,
} from './test-support/test-app.js';

interface RankingBody {
  published: boolean;
  publication: { version: number } | null;
  blocks: { unitType: string; units: number; framework: { areas: { code: string }[] } }[];
  block: string | null;
  offset: number;
  limit: number;
  total: number;
  units: Record<string, unknown>[];
}

const NO_PERIOD = '00000000-0000-4000-8000-000000000000';
const SGT_SELF = { '1.1': { points: '44' }, '6.1': { points: '46' }, '6.2': { passed: true } };

describe.each(DATABASE_KINDS)('published results as paged, cached pages (%s)', (kind) => {
  let t: TestApp;
  let cast: Cast;
  let periodId: string;
  /** The preview before publication, as the unit's officer and as the administrator. */
  let before: { officer: TestResponse; admin: TestResponse; anonymous: TestResponse };
  const ranking = (query = '') => `/api/periods/${periodId}/results/ranking${query}`;
  const unitPage = (unitId: string, query = '') =>
    `/api/periods/${periodId}/results/units/${unitId}${query}`;
  const bodyOf = (r: TestResponse) => JSON.parse(r.raw.toString()) as RankingBody;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, ['SXD', 'SGT'], { SXD: 'Sở Xây dựng', SGT: 'Sở Giao thông vận tải' });
    const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
    ({ periodId } = await runUntouched(
      t,
      cast,
      frameworkId,
      'Chỉ số CCHC năm 2022',
      { SXD: SXD_SELF, SGT: SGT_SELF },
      2022,
      {
        publish: { publicFrom: '2023-02-10T09:00:00+07:00' },
        beforePublish: async (id) => {
          const url = `/api/periods/${id}/results/ranking`;
          before = {
            officer: await t.request('GET', url, { as: cast.officers.SXD }),
            admin: await t.request('GET', url, { as: cast.admin }),
            anonymous: await t.request('GET', url),
          };
        },
      },
    ));
  }, 120_000);
  afterAll(async () => t.close());

  it('keeps the preview rules before publication, computed for its reader and never stored', () => {
    expect(before.anonymous.status).toBe(401);
    expect(before.officer.status).toBe(200);
    expect(before.officer.headers['cache-control']).toBe('private, no-store');
    expect(before.officer.headers.etag).toBeUndefined();
    const own = bodyOf(before.officer);
    expect(own.published).toBe(false);
    // A unit sees itself only, without a rank among its peers (decision 0032).
    expect(own.units.map((u) => [u.id, u.rank])).toEqual([['SXD', null]]);
    expect(own.total).toBe(1);
    expect(bodyOf(before.admin).units.map((u) => u.id)).toEqual(['SXD', 'SGT']);
  });

  it('serves accounts at once and people without one from the opening, exactly as no period before', async () => {
    t.setTime('05/02/2023 09:00');
    const embargoed = await t.request('GET', ranking());
    const none = await t.request('GET', ranking().replace(periodId, NO_PERIOD));
    expect(embargoed.status).toBe(404);
    expect(embargoed.raw.toString()).toBe(none.raw.toString());
    expect(embargoed.headers['cache-control']).toBe('no-store');
    const unit = await t.request('GET', unitPage('SXD'));
    expect(unit.status).toBe(404);
    expect(unit.headers['cache-control']).toBe('no-store');
    // The cycle's sessions have expired by now: the unit's officer signs in again.
    const session = await t.login(cast.officers.SGT!.username);
    const officer = await t.request('GET', ranking(), { as: session });
    expect(officer.status).toBe(200);
    // After publication every account reads every unit with its rank.
    expect(bodyOf(officer).units.map((u) => [u.id, u.rank])).toEqual([
      ['SXD', 1],
      ['SGT', 2],
    ]);
    t.setTime('10/02/2023 09:00');
    expect((await t.request('GET', ranking())).status).toBe(200);
  });

  it('answers a page with an ETag and private caching, and 304 when the tag is sent back', async () => {
    const first = await t.request('GET', ranking());
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await t.request('GET', ranking(), { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(tag);
    // The same bytes whoever asks: an account's request finds the same tag.
    const admin = await t.request('GET', ranking(), {
      as: await t.login('admin'),
      headers: { 'if-none-match': tag },
    });
    expect(admin.status).toBe(304);
    // Compressed once, the same JSON; its tag names the encoding.
    const br = await t.request('GET', ranking(), { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(tag.replace(/"$/, '-br"'));
    expect(brotliDecompressSync(br.raw).toString()).toBe(first.raw.toString());
  });

  it('pages a block, without any node below the unit', async () => {
    const whole = bodyOf(await t.request('GET', ranking()));
    expect(whole).toMatchObject({ published: true, block: 'so', offset: 0, limit: 100, total: 2 });
    expect(whole.blocks).toMatchObject([
      { unitType: 'so', units: 2, framework: { areas: [{ code: '1' }, { code: '6' }] } },
    ]);
    for (const unit of whole.units) {
      expect(Object.keys(unit)).not.toContain('nodes');
      expect(Object.keys(unit)).not.toContain('lostPoints');
      expect(Object.keys(unit)).not.toContain('missing');
      expect((unit.areas as unknown[]).length).toBe(2);
    }
    const second = bodyOf(await t.request('GET', ranking('?block=so&offset=1&limit=1')));
    expect(second).toMatchObject({ offset: 1, limit: 1, total: 2 });
    expect(second.units.map((u) => u.id)).toEqual(['SGT']);
    const past = bodyOf(await t.request('GET', ranking('?offset=5&limit=1')));
    expect(past.units).toEqual([]);
    const pages = [ranking('?limit=1'), ranking('?limit=1&offset=1')];
    const tags = await Promise.all(
      pages.map(async (u) => (await t.request('GET', u)).headers.etag),
    );
    expect(new Set(tags).size).toBe(2);
    for (const bad of ['?limit=0', '?limit=501', '?offset=-1', '?limit=abc']) {
      expect((await t.request('GET', ranking(bad))).status, bad).toBe(400);
    }
    const noBlock = await t.request('GET', ranking('?block=xa'));
    expect(noBlock.status).toBe(404);
    expect((noBlock.body as { error: { message: string } }).error.message).toBe(
      'Không có khối "xa" trong kết quả của Chỉ số CCHC năm 2022',
    );
  });

  it("gives a unit's nodes, stories and peers' areas on its own page only", async () => {
    const r = await t.request('GET', unitPage('SXD'));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-cache');
    const page = JSON.parse(r.raw.toString()) as {
      unit: { id: string; nodes: { code: string }[]; lostPoints: unknown[] };
      stories: { code: string }[] | null;
      peerAreas: { code: string; sum: number; count: number }[];
      trend: unknown[];
      framework: { nodes: unknown[] };
    };
    expect(page.unit.id).toBe('SXD');
    expect(page.unit.nodes.map((n) => n.code)).toContain('6.1');
    expect(page.stories?.map((s) => s.code)).toEqual(['1.1', '6.1', '6.2']);
    expect(page.peerAreas.map((a) => [a.code, a.count])).toEqual([
      ['1', 2],
      ['6', 2],
    ]);
    expect(page.trend).toEqual([]);
    const again = await t.request('GET', unitPage('SXD'), {
      headers: { 'if-none-match': String(r.headers.etag) },
    });
    expect(again.status).toBe(304);
    const missing = await t.request('GET', unitPage('SNV'));
    expect(missing.status).toBe(404);
    expect((missing.body as { error: { message: string } }).error.message).toBe(
      'Không có kết quả của đơn vị này trong kỳ',
    );
  });

  it('changes the tag and the content with an erratum; the old version keeps its own', async () => {
    t.setTime('10/03/2023 09:00');
    cast.admin = await t.login('admin');
    const old = await t.request('GET', ranking());
    const oldUnit = await t.request('GET', unitPage('SXD'));
    const entry = await ok(t, 'GET', `/api/periods/${periodId}/units/SXD/assessment`, {
      as: cast.admin,
    });
    const version =
      (entry.entries as { code: string; version: number }[]).find((e) => e.code === '6.1')
        ?.version ?? 0;
    await ok(t, 'PUT', `/api/periods/${periodId}/units/SXD/entries/6.1/correction`, {
      as: cast.admin,
      body: { points: '40', reason: 'Thiếu quyết định giao dự toán', version },
    });
    // A correction alone publishes nothing: the page in force is still the same.
    const unchanged = await t.request('GET', ranking(), {
      headers: { 'if-none-match': String(old.headers.etag) },
    });
    expect(unchanged.status).toBe(304);
    const preview = await ok(t, 'GET', `/api/periods/${periodId}/errata/preview`, {
      as: cast.admin,
    });
    await ok(t, 'POST', `/api/periods/${periodId}/errata`, {
      as: cast.admin,
      body: {
        decisionNumber: '20/QĐ-HĐ',
        decisionDate: '10/03/2023',
        reason: 'Đính chính điểm 6.1 của Sở Xây dựng',
        changesFingerprint: String(preview.fingerprint),
      },
    });
    const now = await t.request('GET', ranking(), {
      headers: { 'if-none-match': String(old.headers.etag) },
    });
    expect(now.status).toBe(200);
    expect(now.headers.etag).not.toBe(old.headers.etag);
    const body = bodyOf(now);
    expect(body.publication?.version).toBe(2);
    expect(body.units.map((u) => [u.id, u.rank])).toEqual([
      ['SGT', 1],
      ['SXD', 2],
    ]);
    expect(body.units[1]?.points).toBe(85.5);
    const unitNow = await t.request('GET', unitPage('SXD'), {
      headers: { 'if-none-match': String(oldUnit.headers.etag) },
    });
    expect(unitNow.status).toBe(200);
    expect(JSON.parse(unitNow.raw.toString())).toMatchObject({ unit: { points: 85.5 } });
    const first = bodyOf(await t.request('GET', ranking('?version=1')));
    expect(first.publication?.version).toBe(1);
    expect(first.units.map((u) => u.id)).toEqual(['SXD', 'SGT']);
    expect(first.units[0]?.points).toBe(90.91);
    expect((await t.request('GET', ranking('?version=3'))).status).toBe(404);
  });
});
