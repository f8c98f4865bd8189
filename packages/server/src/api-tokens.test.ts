import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from './db/schema.js';
import { tokenHash } from './security/tokens.js';
import { TOKEN_RATE } from './use-cases/api-tokens/authenticate-api-token.js';
import { startTestApp, type Session, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, WINDOWS, type World } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

/** The district framework of procedure-statistics.test.ts: leaf 3.1 is fed by onTimeRate. */
const DISTRICT_FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['3', 'Cải cách thủ tục hành chính', '2', null],
  [
    '3.1',
    'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn',
    '1',
    '{"kind":"ratioBands","statistic":"onTimeRate","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,5"}]}',
  ],
  ['3.2', 'Công khai thủ tục hành chính', '1', '{"kind":"manual","step":"0,25"}'],
]);

const REFUSED = 'Mã API không hợp lệ hoặc đã bị thu hồi';

interface Issued {
  token: { id: string; prefix: string; status: string; lastUsedAt: string | null };
  secret: string;
}
type ErrorBody = { error: { code: string; message: string; issues: unknown[] } };

describe('API tokens: issue, rotate, revoke, and the statistics push of a source system', () => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  let districtAdmin: Session;
  let periodId: string;
  const secrets: string[] = [];
  const pushUrl = () => `/api/push/periods/${periodId}/statistics`;
  const push = (secret: string | undefined, body: unknown, extra: Record<string, string> = {}) =>
    t.request('POST', pushUrl(), {
      body,
      headers: { ...(secret === undefined ? {} : { authorization: `Bearer ${secret}` }), ...extra },
    });
  const issue = async (as: Session, body: unknown): Promise<Issued> => {
    const r = await t.request('POST', '/api/api-tokens', { as, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const issued = r.body as Issued;
    secrets.push(issued.secret);
    return issued;
  };
  const ROWS = {
    countedTo: '2022-09-30',
    rows: [{ unitId: 'H01', resolved: 596, resolvedOnTime: 574, received: 600 }],
  };
  const statistics = async () =>
    (await t.request('GET', `/api/periods/${periodId}/statistics`, { as: admin })).body as {
      units: {
        unitId: string;
        source: string;
        sourceName: string;
        version: number;
        figures: object;
      }[];
    };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    w = await seedWorld(t);
    admin = w.sessions.admin!;
    const framework = await imported<{ id: string }>(
      t,
      `/api/frameworks/import?name=${encodeURIComponent('Bộ chỉ số huyện 2022')}&year=2022&unitType=huyen`,
      { name: 'bo-chi-so-huyen-2022.csv', content: DISTRICT_FRAMEWORK_CSV },
      admin,
    );
    const period = await t.request('POST', '/api/periods', {
      as: admin,
      body: {
        name: 'Chỉ số CCHC cấp huyện năm 2022',
        year: 2022,
        frameworks: { huyen: framework.id },
        windows: WINDOWS,
      },
    });
    expect(period.status, JSON.stringify(period.body)).toBeLessThan(300);
    periodId = (period.body as { id: string }).id;
    await t.createAccount('cb.h01', 'unitOfficer', 'H01');
    w.sessions['cb.h01'] = await t.login('cb.h01');
    await t.createAccount('qt.h01', 'administrator', 'H01');
    districtAdmin = await t.login('qt.h01');
    t.setTime('05/01/2023 09:00');
  }, 60_000);
  afterAll(async () => t.close());

  it('issues a token whose secret is shown once, and lists it without secret or hash', async () => {
    const issued = await issue(admin, {
      name: 'Hệ thống một cửa tỉnh',
      scopes: ['statistics:write'],
    });
    expect(issued.secret).toMatch(/^chiso_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(issued.secret.startsWith(`${issued.token.prefix}_`)).toBe(true);
    expect(issued.token).toMatchObject({ status: 'active', lastUsedAt: null, ownerUnitId: null });
    const list = await t.request('GET', '/api/api-tokens', { as: admin });
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(issued.secret);
    expect(text).not.toContain(tokenHash(issued.secret));
    expect(list.body).toMatchObject({
      tokens: [
        {
          name: 'Hệ thống một cửa tỉnh',
          prefix: issued.token.prefix,
          scopes: ['statistics:write'],
          createdByName: 'Người dùng admin (admin)',
          statusLabel: 'Đang dùng',
        },
      ],
    });
  });

  it('takes a push with the token and feeds the ratio leaf as the file import does', async () => {
    const [secret] = secrets;
    const r = await push(secret, ROWS);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ stored: 1, periodId });
    expect((await statistics()).units).toMatchObject([
      { unitId: 'H01', source: 'api', sourceName: 'Hệ thống một cửa tỉnh', version: 1 },
    ]);
    const assessment = await t.request('GET', `/api/periods/${periodId}/units/H01/assessment`, {
      as: w.sessions['cb.h01'],
    });
    const body = assessment.body as {
      entries: { code: string; statisticFeed?: { percent: string; source: string | null } }[];
      self: { nodes: { code: string; points: number | null }[] };
    };
    expect(body.entries.find((e) => e.code === '3.1')?.statisticFeed).toMatchObject({
      numerator: 574,
      denominator: 596,
      percent: '96,31%',
      source: 'Hệ thống một cửa tỉnh',
    });
    expect(body.self.nodes.find((n) => n.code === '3.1')?.points).toBe(0.5);
    const list = (await t.request('GET', '/api/api-tokens', { as: admin })).body as {
      tokens: { lastUsedAt: string | null }[];
    };
    expect(list.tokens[0]?.lastUsedAt).toBe(t.deps.clock().toISOString());
  });

  it('refuses a wrong, malformed or missing token with one sentence (401)', async () => {
    const wrong = `chiso_0a1b2c3d_${'x'.repeat(43)}`;
    const tampered = `${secrets[0]!.slice(0, -1)}${secrets[0]!.endsWith('A') ? 'B' : 'A'}`;
    for (const secret of [wrong, tampered, 'chiso_abc', undefined]) {
      const r = await push(secret, ROWS);
      expect(r.status, String(secret)).toBe(401);
      expect((r.body as ErrorBody).error.message).toBe(REFUSED);
    }
    // Before the body is read: a caller without a token learns nothing of the contract.
    const bad = await push(wrong, { rows: 'none' });
    expect(bad.status).toBe(401);
  });

  it('does not take a session cookie on the push, nor a token anywhere else', async () => {
    const cookieOnly = await t.request('POST', pushUrl(), { as: admin, body: ROWS });
    expect(cookieOnly.status).toBe(401);
    expect((cookieOnly.body as ErrorBody).error.message).toBe(REFUSED);
    const elsewhere = await t.request('GET', `/api/periods/${periodId}/statistics`, {
      headers: { authorization: `Bearer ${secrets[0]}` },
    });
    expect(elsewhere.status).toBe(401);
    const tokens = await t.request('GET', '/api/api-tokens', {
      headers: { authorization: `Bearer ${secrets[0]}` },
    });
    expect(tokens.status).toBe(401);
  });

  it('rejects bad rows whole, naming the row and the field, and stores nothing', async () => {
    const r = await push(secrets[0], {
      rows: [
        { unitId: 'H01', resolved: 700, resolvedOnTime: 650 },
        { unitId: 'SNV', resolved: 1 },
        { unitId: 'H01', resolved: 10, resolvedOnTime: 11 },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect((r.body as ErrorBody).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Không nhận được số liệu thống kê TTHC; không có dòng nào được lưu',
      issues: [
        {
          path: 'rows[1].unitId',
          field: 'Mã đơn vị',
          message: 'Dòng 2: đơn vị "SNV" không tham gia kỳ đánh giá',
        },
        { path: 'rows[2].unitId', message: 'Dòng 3: đơn vị "H01" đã có ở dòng 1' },
      ],
    });
    const negative = await push(secrets[0], { rows: [{ unitId: 'H01', resolved: -3.5 }] });
    expect(negative.status).toBe(400);
    expect((negative.body as ErrorBody).error.issues).toEqual([
      {
        path: 'rows[0].resolved',
        field: 'Số hồ sơ đã giải quyết',
        message: 'Dòng 1: -3.5 không phải là số nguyên không âm (Số hồ sơ đã giải quyết)',
      },
    ]);
    const over = await push(secrets[0], {
      rows: [{ unitId: 'H01', resolved: 5, resolvedOnTime: 6 }],
    });
    expect((over.body as ErrorBody).error.issues).toMatchObject([
      { path: 'rows[0].resolvedOnTime', field: 'Số hồ sơ đã giải quyết đúng hạn' },
    ]);
    expect((await statistics()).units).toMatchObject([
      { version: 1, figures: { resolved: 596, resolvedOnTime: 574 } },
    ]);
  });

  it('refuses a token without the scope, and a district token on the province period (403)', async () => {
    const reader = await issue(admin, {
      name: 'Cổng dữ liệu (chỉ đọc)',
      scopes: ['statistics:read'],
    });
    const denied = await push(reader.secret, ROWS);
    expect(denied.status).toBe(403);
    const read = await t.request('GET', pushUrl(), {
      headers: { authorization: `Bearer ${reader.secret}` },
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ units: [{ unitId: 'H01', source: 'api' }] });
    const district = await issue(districtAdmin, {
      name: 'Một cửa huyện Nam Sách',
      scopes: ['statistics:write'],
    });
    expect(district.token).toMatchObject({ ownerUnitId: 'H01' });
    const outside = await push(district.secret, ROWS);
    expect(outside.status).toBe(403);
    // The district's administrator sees and manages its own tokens only.
    const own = (await t.request('GET', '/api/api-tokens', { as: districtAdmin })).body as {
      tokens: { id: string }[];
    };
    expect(own.tokens.map((token) => token.id)).toEqual([district.token.id]);
    const all = (await t.request('GET', '/api/api-tokens', { as: admin })).body as {
      tokens: unknown[];
    };
    expect(all.tokens).toHaveLength(3);
    const foreign = await t.request('POST', `/api/api-tokens/${reader.token.id}/revoke`, {
      as: districtAdmin,
    });
    expect(foreign.status).toBe(403);
    const officer = await t.request('GET', '/api/api-tokens', { as: w.sessions['cb.h01'] });
    expect(officer.status).toBe(403);
  });

  it('keeps a rotated token working through its grace period, then refuses it', async () => {
    t.setTime('06/01/2023 09:00');
    const first = await issue(admin, { name: 'Một cửa (đổi mã)', scopes: ['statistics:write'] });
    const rotated = await t.request('POST', `/api/api-tokens/${first.token.id}/rotate`, {
      as: admin,
      body: { graceDays: 7 },
    });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(201);
    const next = rotated.body as Issued & { token: { rotatedFromPrefix: string } };
    secrets.push(next.secret);
    expect(next.token.rotatedFromPrefix).toBe(first.token.prefix);
    expect((await push(first.secret, ROWS)).status).toBe(200);
    t.setTime('12/01/2023 09:00');
    expect((await push(first.secret, ROWS)).status).toBe(200);
    t.setTime('14/01/2023 09:00');
    expect((await push(first.secret, ROWS)).status).toBe(401);
    expect((await push(next.secret, ROWS)).status).toBe(200);
    const again = await t.request('POST', `/api/api-tokens/${first.token.id}/rotate`, {
      as: admin,
      body: {},
    });
    expect(again.status).toBe(409);
    const list = (await t.request('GET', '/api/api-tokens', { as: admin })).body as {
      tokens: { id: string; status: string }[];
    };
    expect(list.tokens.find((token) => token.id === first.token.id)?.status).toBe('rotated');
    // No grace: the old one stops at once.
    const now = await t.request('POST', `/api/api-tokens/${next.token.id}/rotate`, {
      as: admin,
      body: { graceDays: 0 },
    });
    expect(now.status).toBe(201);
    secrets.push((now.body as Issued).secret);
    expect((await push(next.secret, ROWS)).status).toBe(401);
    expect((await push((now.body as Issued).secret, ROWS)).status).toBe(200);
  });

  it('refuses a revoked token and an expired one (401)', async () => {
    const token = await issue(admin, { name: 'Thu hồi', scopes: ['statistics:write'] });
    expect((await push(token.secret, ROWS)).status).toBe(200);
    const revoked = await t.request('POST', `/api/api-tokens/${token.token.id}/revoke`, {
      as: admin,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ token: { status: 'revoked', statusLabel: 'Đã thu hồi' } });
    const refused = await push(token.secret, ROWS);
    expect(refused.status).toBe(401);
    expect((refused.body as ErrorBody).error.message).toBe(REFUSED);

    const past = await t.request('POST', '/api/api-tokens', {
      as: admin,
      body: { name: 'Hết hạn', scopes: ['statistics:write'], expiresOn: '2023-01-13' },
    });
    expect(past.status).toBe(400);
    const expiring = await issue(admin, {
      name: 'Có hạn',
      scopes: ['statistics:write'],
      expiresOn: '2023-01-20',
    });
    t.setTime('20/01/2023 23:59');
    expect((await push(expiring.secret, ROWS)).status).toBe(200);
    t.setTime('21/01/2023 00:00');
    const expired = await push(expiring.secret, ROWS);
    expect(expired.status).toBe(401);
    expect((expired.body as ErrorBody).error.message).toBe(REFUSED);
  });

  it('slows a token down past its rate (429), counting per token', async () => {
    const reader = await issue(admin, { name: 'Đọc nhiều', scopes: ['statistics:read'] });
    const read = (secret: string) =>
      t.request('GET', pushUrl(), { headers: { authorization: `Bearer ${secret}` } });
    for (let i = 0; i < TOKEN_RATE.limit; i++) expect((await read(reader.secret)).status).toBe(200);
    const limited = await read(reader.secret);
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect((await push(secrets[0], ROWS)).status).toBe(200);
    t.setTime('21/01/2023 00:02');
    expect((await read(reader.secret)).status).toBe(200);
  });

  it('audits every change and push with the token as actor, never a secret or a hash', async () => {
    const rows = await t.deps.db.select().from(auditLog);
    const text = JSON.stringify(rows);
    const stored = await t.deps.db.select({ hash: apiTokens.tokenHash }).from(apiTokens);
    expect(secrets.length).toBeGreaterThan(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const { hash } of stored) expect(text).not.toContain(hash);
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'apiToken.issue',
      'apiToken.rotate',
      'apiToken.revoke',
      'apiToken.push',
      'statistics.push',
    ])
      expect(actions, action).toContain(action);
    const pushed = rows.find((row) => row.action === 'apiToken.push');
    expect(pushed).toMatchObject({
      actorId: null,
      actorName: expect.stringMatching(
        /^Mã API "Hệ thống một cửa tỉnh" \(chiso_[0-9a-f]{8}\)$/,
      ) as string,
      periodId,
      after: { rows: 1, countedTo: '2022-09-30' },
    });
  });
});
