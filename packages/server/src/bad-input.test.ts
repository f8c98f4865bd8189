import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

interface ErrorOut {
  error: { code: string; message: string; issues: { path?: string; message: string }[] };
}
const errorOf = (body: unknown) => (body as ErrorOut).error;

// Inputs that reached PostgreSQL (or a parser) and came back as 500s; each is a 400 naming
// what is wrong where (decision 0033).
describe.each(DATABASE_KINDS)('bad bytes get 400, never 500 (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
    base = `/api/periods/${w.periodId}/units/SNV`;
  }, 60_000);
  afterAll(async () => t.close());

  const refused = async (
    response: Promise<{ status: number; body: unknown }>,
    path: string,
    message: string,
  ) => {
    const r = await response;
    expect(r.status).toBe(400);
    const error = errorOf(r.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toContainEqual({ path, message });
  };

  it('refuses NUL in the sign-in, naming the field', async () => {
    await refused(
      t.request('POST', '/api/auth/login', { body: { username: 'ad\u0000min', password: 'x' } }),
      'username',
      'không được chứa ký tự NUL (\\u0000)',
    );
    await refused(
      t.request('POST', '/api/auth/login', { body: { username: 'admin', password: '\u0000' } }),
      'password',
      'không được chứa ký tự NUL (\\u0000)',
    );
  });

  it('refuses NUL and control characters deep in free-form facts (jsonb refuses NUL)', async () => {
    await refused(
      t.request('PUT', `${base}/entries/3.2`, {
        as: w.sessions['cb.snv'],
        body: { facts: { note: ['ok', 'a\u0000b'] }, version: 0 },
      }),
      'facts.note[1]',
      'không được chứa ký tự NUL (\\u0000)',
    );
    await refused(
      t.request('PUT', `${base}/entries/3.2`, {
        as: w.sessions['cb.snv'],
        body: { explanation: 'Giải trình\u001b[31m', version: 0 },
      }),
      'explanation',
      'không được chứa ký tự điều khiển (\\u001b); chỉ cho phép tab và xuống dòng',
    );
    await refused(
      t.request('PUT', `${base}/entries/3.2`, {
        as: w.sessions['cb.snv'],
        body: { facts: { 'kh\u0000óa': 1 }, version: 0 },
      }),
      'facts',
      'tên trường không được chứa ký tự NUL (\\u0000)',
    );
  });

  it('keeps tabs and line breaks in text', async () => {
    const r = await t.request('PUT', `${base}/entries/3.2`, {
      as: w.sessions['cb.snv'],
      body: { explanation: 'Dòng 1\n\tDòng 2\r\n', points: '1', version: 0 },
    });
    expect(r.status).toBe(200);
  });

  it('refuses a version past the int4 column, and huge numbers', async () => {
    await refused(
      t.request('PUT', `${base}/entries/3.2`, {
        as: w.sessions['cb.snv'],
        body: { explanation: 'x', version: 2_147_483_648 },
      }),
      'version',
      'phải nhỏ hơn hoặc bằng 2147483647',
    );
    await refused(
      t.request('PUT', `${base}/entries/3.2`, {
        as: w.sessions['cb.snv'],
        headers: { 'content-type': 'application/json' },
        payload: '{"points": 1e400, "version": 0}',
      }),
      'points',
      'số quá lớn',
    );
    await refused(
      t.request('GET', '/api/notifications?offset=99999999999', { as: w.sessions['cb.snv'] }),
      'query.offset',
      'phải nhỏ hơn hoặc bằng 2147483647',
    );
  });

  it('refuses JSON bodies that are not objects, and JSON nested too deep', async () => {
    for (const payload of ['[]', '"text"', '42', 'null', 'true']) {
      const r = await t.request('POST', '/api/auth/login', {
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(r.status, payload).toBe(400);
    }
    const deep = `{"facts":{"a":${'['.repeat(5000)}${']'.repeat(5000)}},"version":0}`;
    const r = await t.request('PUT', `${base}/entries/3.2`, {
      as: w.sessions['cb.snv'],
      headers: { 'content-type': 'application/json' },
      payload: deep,
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).issues[0]?.message).toBe('lồng nhau quá 64 cấp');
  });

  it('refuses repeated query parameters and NUL in path parameters', async () => {
    const repeated = await t.request('GET', '/api/notifications?limit=1&limit=2', {
      as: w.sessions['cb.snv'],
    });
    expect(repeated.status).toBe(400);
    await refused(
      t.request('GET', `/api/periods/${w.periodId}/units/SN%00V/assessment`, {
        as: w.sessions.admin,
      }),
      'params.unitId',
      'không được chứa ký tự NUL (\\u0000)',
    );
    await refused(
      t.request('GET', `/api/audit?entityId=a%00b`, { as: w.sessions.admin }),
      'query.entityId',
      'không được chứa ký tự NUL (\\u0000)',
    );
  });

  it('refuses a multipart upload whose field name is not UTF-8, without a 500', async () => {
    const boundary = '----chisoBadName';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="`),
      Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
      Buffer.from(`"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const r = await t.request('POST', `${base}/evidence`, {
      as: w.sessions['cb.snv'],
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it('refuses a multipart body whose boundary is not the one its header names, without a 500', async () => {
    const payload = Buffer.from(
      `--other\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--other--\r\n`,
    );
    for (const path of [`${base}/evidence`, '/api/units/import']) {
      const r = await t.request('POST', path, {
        as: path.includes('units') ? w.sessions.admin : w.sessions['cb.snv'],
        headers: { 'content-type': 'multipart/form-data; boundary=----chisoDeclared' },
        payload,
      });
      expect(r.status, path).toBe(400);
      expect(errorOf(r.body).code, path).toBe('VALIDATION_FAILED');
    }
    // Cut short in the middle of the file: the form never ends.
    const cut = Buffer.from(
      `------chisoDeclared\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n`,
    );
    const r = await t.request('POST', `${base}/evidence`, {
      as: w.sessions['cb.snv'],
      headers: { 'content-type': 'multipart/form-data; boundary=----chisoDeclared' },
      payload: cut,
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});
