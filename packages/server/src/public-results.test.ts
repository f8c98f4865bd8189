import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { ok, type Cast } from './test-support/cycle.js';
import { OPENS_2023, seedPortalWorld, type PortalWorld } from './test-support/portal-world.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type TestApp,
  type TestResponse,
} from './test-support/test-app.js';

const NO_PERIOD = '00000000-0000-4000-8000-000000000000';

/** Every public route of a period, for its id. */
const publicUrls = (periodId: string) => [
  `/api/public/results/${periodId}`,
  `/api/public/results/${periodId}/blocks/so`,
  `/api/public/results/${periodId}/units/SQH`,
  `/api/public/results/${periodId}/units/SGT`,
  `/api/public/results/${periodId}/data.csv`,
  `/api/public/results/${periodId}/data.json`,
  `/api/public/results/${periodId}/data.xlsx`,
  `/api/public/results/${periodId}/data-dictionary.csv`,
];

const errorOf = (r: TestResponse) =>
  (r.body as { error: { message: string; details: string[] } }).error;

describe.each(DATABASE_KINDS)('the public results portal: embargo and caching (%s)', (kind) => {
  let t: TestApp;
  let w: PortalWorld;
  let refusedPast: TestResponse | undefined;
  const admin = () => w.cast.admin;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedPortalWorld(t, async (periodId, cast: Cast) => {
      refusedPast = await t.request('POST', `/api/periods/${periodId}/publish`, {
        as: cast.admin,
        body: { publicFrom: '2024-02-01T09:00:00+07:00' },
      });
    });
  }, 180_000);
  afterAll(async () => t.close());

  it('refuses an opening in the past, keeps the one asked and audits it', async () => {
    expect(refusedPast?.status).toBe(400);
    expect(errorOf(refusedPast!).details.join(' ')).toContain(
      'Thời điểm công khai kết quả (01/02/2024 09:00) không được trước thời điểm hiện tại (02/02/2024 09:00',
    );
    const period = await ok(t, 'GET', `/api/periods/${w.y2023.periodId}`, { as: admin() });
    expect(period.publicFrom).toBe('2024-02-10T01:00:00.000Z');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'period.publish'))
      .orderBy(auditLog.id)
      .offset(1);
    expect(audit?.after).toMatchObject({
      status: 'published',
      publicFrom: '2024-02-10T01:00:00.000Z',
    });
  });

  it('opens a period published without an opening time at the moment of publication', async () => {
    const period = await ok(t, 'GET', `/api/periods/${w.y2022.periodId}`, { as: admin() });
    expect(period.publicFrom).toBe(period.publishedAt);
  });

  it('answers every public route of an embargoed period exactly as for no period, uncached', async () => {
    t.setTime('05/02/2024 09:00');
    for (const url of publicUrls(w.y2023.periodId)) {
      const r = await t.request('GET', url);
      const none = await t.request('GET', url.replace(w.y2023.periodId, NO_PERIOD));
      expect(r.status, url).toBe(404);
      expect(r.raw.toString(), url).toBe(none.raw.toString());
      expect(r.headers['cache-control'], url).toBe('no-store');
      expect(r.raw.toString()).not.toMatch(/Sở|SQH|SGT|\d{2}\.\d/);
    }
    // The old reads without an account obey the same rule; accounts read it as before.
    for (const url of [
      `/api/periods/${w.y2023.periodId}/results`,
      `/api/periods/${w.y2023.periodId}/results.xlsx`,
    ]) {
      const r = await t.request('GET', url);
      expect(r.status, url).toBe(404);
      expect(r.raw.toString()).toBe(
        (await t.request('GET', url.replace(w.y2023.periodId, NO_PERIOD))).raw.toString(),
      );
      expect((await t.request('GET', url, { as: admin() })).status).toBe(200);
    }
    const list = await ok(t, 'GET', '/api/public/results');
    expect((list.periods as { id: string }[]).map((p) => p.id)).toEqual([w.y2022.periodId]);
    const published = (await t.request('GET', '/api/published-periods')).body as { id: string }[];
    expect(published.map((p) => p.id)).toEqual([w.y2022.periodId]);
    const signedIn = (await t.request('GET', '/api/published-periods', { as: admin() })).body as {
      id: string;
    }[];
    expect(signedIn.map((p) => p.id).sort()).toEqual([w.y2022.periodId, w.y2023.periodId].sort());
  });

  it('lets only the administrator move the opening while it has not come, audited', async () => {
    const url = `/api/periods/${w.y2023.periodId}/public-from`;
    let r = await t.request('PUT', url, {
      as: await t.login('hd'),
      body: { publicFrom: '2024-02-12T08:00:00+07:00' },
    });
    expect(r.status).toBe(403);
    r = await t.request('PUT', url, {
      as: admin(),
      body: { publicFrom: '2024-02-04T08:00:00+07:00' },
    });
    expect(r.status).toBe(400);
    r = await t.request('PUT', url, { as: admin(), body: { publicFrom: 'ngày mai' } });
    expect(r.status).toBe(400);
    r = await t.request('PUT', url, {
      as: admin(),
      body: { publicFrom: '2024-02-12T08:00:00+07:00' },
    });
    expect(r.status).toBe(200);
    expect((r.body as { publicFrom: string }).publicFrom).toBe('2024-02-12T01:00:00.000Z');
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'period.publicFrom'));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { publicFrom: new Date(OPENS_2023).toISOString() },
        { publicFrom: '2024-02-12T01:00:00.000Z' },
      ],
    ]);
    r = await t.request('PUT', `/api/periods/${NO_PERIOD}/public-from`, {
      as: admin(),
      body: { publicFrom: '2024-02-12T08:00:00+07:00' },
    });
    expect(r.status).toBe(404);
  });

  it('opens at the very instant, on every route, and cannot be hidden again', async () => {
    t.setTime('12/02/2024 07:59');
    expect((await t.request('GET', publicUrls(w.y2023.periodId)[0]!)).status).toBe(404);
    t.setTime('12/02/2024 08:00');
    for (const url of publicUrls(w.y2023.periodId)) {
      const r = await t.request('GET', url);
      expect(r.status, url).toBe(200);
    }
    expect((await t.request('GET', `/api/periods/${w.y2023.periodId}/results`)).status).toBe(200);
    const list = await ok(t, 'GET', '/api/public/results');
    expect((list.periods as { id: string }[]).map((p) => p.id)).toEqual([
      w.y2023.periodId,
      w.y2022.periodId,
    ]);
    const r = await t.request('PUT', `/api/periods/${w.y2023.periodId}/public-from`, {
      as: (w.cast.admin = await t.login('admin')),
      body: { publicFrom: '2024-03-01T08:00:00+07:00' },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toBe(
      'Kết quả đã công khai từ 12/02/2024 08:00 (giờ Việt Nam): không thể dời thời điểm công khai hay ẩn lại kết quả',
    );
  });

  it('answers with a strong ETag and cache headers, 304 when unchanged, compressed once asked', async () => {
    const url = `/api/public/results/${w.y2023.periodId}/blocks/so`;
    const first = await t.request('GET', url);
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(first.headers.vary).toBe('Accept-Encoding');
    const again = await t.request('GET', url, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(tag);
    const gz = await t.request('GET', url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).toBe(tag.replace(/"$/, '-gzip"'));
    expect(gunzipSync(gz.raw).toString()).toBe(first.raw.toString());
    const br = await t.request('GET', url, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.raw).toString()).toBe(first.raw.toString());
    const brAgain = await t.request('GET', url, {
      headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) },
    });
    expect(brAgain.status).toBe(304);
    // Another route of the same period has its own tag; downloads are kept longer.
    const period = await t.request('GET', `/api/public/results/${w.y2023.periodId}`);
    expect(period.headers.etag).not.toBe(tag);
    const csv = await t.request('GET', `/api/public/results/${w.y2023.periodId}/data.csv`);
    expect(csv.headers['cache-control']).toBe('public, max-age=600, stale-while-revalidate=86400');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="chi-so-cchc-2023-data.csv"',
    );
    const xlsx = await t.request('GET', `/api/public/results/${w.y2023.periodId}/data.xlsx`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('sends the ranking without any node below the units', async () => {
    const r = await t.request('GET', `/api/public/results/${w.y2023.periodId}/blocks/so`);
    const body = r.body as { rows: Record<string, unknown>[]; block: { units: number } };
    expect(body.rows.map((row) => [row.unitId, row.rank, row.rankChange])).toEqual([
      ['SGT', 1, 1],
      ['SQH', 2, -1],
    ]);
    expect(Object.keys(body.rows[0]!).sort()).toEqual([
      'band',
      'headRating',
      'maxPoints',
      'name',
      'percent',
      'points',
      'previousRank',
      'rank',
      'rankChange',
      'unitId',
    ]);
    expect(r.raw.toString()).not.toMatch(/"nodes"|"criteria"|"explanation"|"self"/);
    expect(
      (await t.request('GET', `/api/public/results/${w.y2023.periodId}/blocks/huyen`)).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/public/results/${w.y2023.periodId}/units/SXD`)).status,
    ).toBe(404);
  });
});
