import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSurvey } from './test-support/collection-fixtures.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { TEST_FRAMEWORK_CSV, WINDOWS, type World } from './test-support/world.js';

/** Whose period a request is about: the actor's district's, the sibling's, the province's. */
type Place = 'own' | 'sibling' | 'province';
type Secretariat = 'administrator' | 'appraiser' | 'councilMember' | 'surveyClerk';

interface Periods {
  /** Period ids and a commune taking part in each (the province's: its district H1). */
  ids: Record<'H1' | 'H2' | 'province', string>;
  unit: Record<'H1' | 'H2' | 'province', string>;
  survey: Record<'H1' | 'H2' | 'province', string>;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (period: string, unit: string, survey: string) => string;
  body?: () => unknown;
  /** The district secretariat's role this route is for. */
  role: Secretariat;
}

const CASES: Case[] = [
  // Before the assignment case below, which empties the assignments it is tried on.
  {
    name: 'PUT appraisal',
    method: 'PUT',
    url: (p, u) => `/api/periods/${p}/units/${u}/entries/1.2/appraisal`,
    body: () => ({ points: 1, version: 0 }),
    role: 'appraiser',
  },
  {
    name: 'GET /periods/:id',
    method: 'GET',
    url: (p) => `/api/periods/${p}`,
    role: 'administrator',
  },
  {
    name: 'PUT /periods/:id/windows',
    method: 'PUT',
    url: (p) => `/api/periods/${p}/windows`,
    body: () => ({}),
    role: 'administrator',
  },
  {
    name: 'PUT /periods/:id/units/:unitId/appraisers',
    method: 'PUT',
    url: (p, u) => `/api/periods/${p}/units/${u}/appraisers`,
    body: () => ({ appraiserIds: [] }),
    role: 'administrator',
  },
  {
    name: 'POST /periods/:id/publish',
    method: 'POST',
    url: (p) => `/api/periods/${p}/publish`,
    role: 'administrator',
  },
  {
    name: 'PUT /periods/:id/public-from',
    method: 'PUT',
    url: (p) => `/api/periods/${p}/public-from`,
    body: () => ({ publicFrom: '2030-01-01T08:00:00+07:00' }),
    role: 'administrator',
  },
  {
    name: 'GET /periods/:id/report',
    method: 'GET',
    url: (p) => `/api/periods/${p}/report`,
    role: 'administrator',
  },
  {
    name: 'GET /audit?periodId',
    method: 'GET',
    url: (p) => `/api/audit?periodId=${p}`,
    role: 'administrator',
  },
  {
    name: 'POST /periods/:id/surveys/recompute',
    method: 'POST',
    url: (p) => `/api/periods/${p}/surveys/recompute`,
    role: 'administrator',
  },
  {
    name: 'GET assessment (administrator)',
    method: 'GET',
    url: (p, u) => `/api/periods/${p}/units/${u}/assessment`,
    role: 'administrator',
  },
  {
    name: 'GET assessment (council)',
    method: 'GET',
    url: (p, u) => `/api/periods/${p}/units/${u}/assessment`,
    role: 'councilMember',
  },
  {
    name: 'GET /periods/:id/results',
    method: 'GET',
    url: (p) => `/api/periods/${p}/results`,
    role: 'councilMember',
  },
  {
    name: 'POST /periods/:id/approve',
    method: 'POST',
    url: (p) => `/api/periods/${p}/approve`,
    body: () => ({ decisionNumber: '1/QĐ', decisionDate: '2023-01-25' }),
    role: 'councilMember',
  },
  {
    name: 'GET /periods/:id/council-decision.docx',
    method: 'GET',
    url: (p) => `/api/periods/${p}/council-decision.docx`,
    role: 'councilMember',
  },
  {
    name: 'GET /surveys/:id',
    method: 'GET',
    url: (_p, _u, s) => `/api/surveys/${s}`,
    role: 'surveyClerk',
  },
  {
    name: 'GET /surveys/:id/rechecks',
    method: 'GET',
    url: (_p, _u, s) => `/api/surveys/${s}/rechecks`,
    role: 'surveyClerk',
  },
];

const ROLE_PREFIX: Record<Secretariat, string> = {
  administrator: 'qt',
  appraiser: 'td',
  councilMember: 'hd',
  surveyClerk: 'np',
};

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** A commune framework imported and a 2022 period opened by `admin`; returns their ids. */
async function openPeriod(t: TestApp, admin: Session, unitType: string, name: string) {
  const upload = multipart('khung.csv', TEST_FRAMEWORK_CSV);
  const framework = await ok(
    t.request(
      'POST',
      `/api/frameworks/import?name=${encodeURIComponent(name)}&year=2022&unitType=${unitType}`,
      {
        as: admin,
        payload: upload.payload,
        headers: upload.headers,
      },
    ),
    `framework ${name}`,
  );
  const period = await ok(
    t.request('POST', '/api/periods', {
      as: admin,
      body: { name, year: 2022, frameworks: { [unitType]: framework.id }, windows: WINDOWS },
    }),
    `period ${name}`,
  );
  return { frameworkId: String(framework.id), periodId: String(period.id) };
}

describe.each(DATABASE_KINDS)(
  'authorization: a district secretariat on its own subtree, its sibling’s and the province’s (%s)',
  (kind) => {
    let t: TestApp;
    let province: Session;
    const as: Record<string, Session> = {};
    const ids: Record<string, string> = {};
    const periods: Periods = {
      ids: { H1: '', H2: '', province: '' },
      unit: { H1: 'X11', H2: 'X21', province: 'H1' },
      survey: { H1: '', H2: '', province: '' },
    };

    beforeAll(async () => {
      t = await startTestApp(kind);
      await t.createAccount('admin', 'administrator');
      province = await t.login('admin');
      for (const [id, name, type, parentId] of [
        ['H1', 'UBND huyện Nam Sách', 'huyen', null],
        ['H2', 'UBND huyện Thanh Hà', 'huyen', null],
        ['X11', 'UBND xã An Lâm', 'xa', 'H1'],
        ['X12', 'UBND xã An Sơn', 'xa', 'H1'],
        ['X21', 'UBND xã Thanh An', 'xa', 'H2'],
        ['X22', 'UBND xã Thanh Lang', 'xa', 'H2'],
      ] as const) {
        await ok(
          t.request('PUT', `/api/units/${id}`, { as: province, body: { name, type, parentId } }),
          `unit ${id}`,
        );
      }
      for (const district of ['H1', 'H2'] as const) {
        for (const role of Object.keys(ROLE_PREFIX) as Secretariat[]) {
          const username = `${ROLE_PREFIX[role]}.${district.toLowerCase()}`;
          ids[username] = await t.createAccount(username, role, district);
          as[username] = await t.login(username);
        }
      }
      const opened = await openPeriod(t, province, 'huyen', 'Chỉ số CCHC các huyện 2022');
      periods.ids.province = opened.periodId;
      for (const district of ['H1', 'H2'] as const) {
        const own = await openPeriod(
          t,
          as[`qt.${district.toLowerCase()}`]!,
          'xa',
          `Chỉ số CCHC các xã ${district} 2022`,
        );
        periods.ids[district] = own.periodId;
        await ok(
          t.request(
            'PUT',
            `/api/periods/${own.periodId}/units/${periods.unit[district]}/appraisers`,
            {
              as: as[`qt.${district.toLowerCase()}`]!,
              body: { appraiserIds: [ids[`td.${district.toLowerCase()}`]] },
            },
          ),
          `assign ${district}`,
        );
      }
      for (const key of ['H1', 'H2', 'province'] as const) {
        periods.survey[key] = await addSurvey(t, { periodId: periods.ids[key] } as World);
      }
      t.setTime('05/01/2023 09:00');
    }, 60_000);
    afterAll(async () => t.close());

    const placeOf = (place: Place): 'H1' | 'H2' | 'province' =>
      place === 'own' ? 'H1' : place === 'sibling' ? 'H2' : 'province';

    for (const c of CASES) {
      it(`${c.name}: H1's ${c.role} on its own subtree only; the province's administrator on both districts'`, async () => {
        for (const place of ['own', 'sibling', 'province'] as const) {
          const key = placeOf(place);
          const url = c.url(periods.ids[key], periods.unit[key], periods.survey[key]);
          const r = await t.request(c.method, url, {
            as: as[`${ROLE_PREFIX[c.role]}.h1`]!,
            ...(c.body ? { body: c.body() } : {}),
          });
          if (place === 'own') {
            expect([401, 403], `${place}: ${r.status} ${JSON.stringify(r.body)}`).not.toContain(
              r.status,
            );
          } else {
            expect(r.status, `${place} should be refused: ${JSON.stringify(r.body)}`).toBe(403);
            expect(Object.keys(r.body as object)).toEqual(['error']);
          }
        }
        if (c.role !== 'administrator') return;
        for (const key of ['H1', 'H2'] as const) {
          const url = c.url(periods.ids[key], periods.unit[key], periods.survey[key]);
          const r = await t.request(c.method, url, {
            as: province,
            ...(c.body ? { body: c.body() } : {}),
          });
          expect([401, 403], `province on ${key}: ${r.status}`).not.toContain(r.status);
        }
      });
    }

    it('gives a district period its own communes only, and owns it by the district', async () => {
      const list = await t.request('GET', '/api/periods', { as: as['qt.h1']! });
      expect((list.body as { id: string }[]).map((p) => p.id)).toEqual([periods.ids.H1]);
      const own = await t.request('GET', `/api/periods/${periods.ids.H1}`, { as: as['qt.h1']! });
      expect((own.body as { units: { unitId: string }[] }).units.map((u) => u.unitId)).toEqual([
        'X11',
        'X12',
      ]);
      const all = await t.request('GET', '/api/periods', { as: province });
      expect((all.body as unknown[]).length).toBe(3);
    });

    it('refuses a district period naming a sibling’s commune or the district itself', async () => {
      const frameworks = (await t.request('GET', '/api/frameworks', { as: as['qt.h1']! })).body as {
        id: string;
        unitType: string;
      }[];
      expect(frameworks).toHaveLength(1);
      const r = await t.request('POST', '/api/periods', {
        as: as['qt.h1']!,
        body: {
          name: 'Thử',
          year: 2022,
          frameworks: { xa: frameworks[0]!.id },
          unitIds: ['X11', 'X21'],
        },
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain(
        'UBND xã Thanh An không trực thuộc UBND huyện Nam Sách',
      );
    });

    it('refuses to assign the sibling district’s appraiser', async () => {
      const r = await t.request('PUT', `/api/periods/${periods.ids.H1}/units/X12/appraisers`, {
        as: as['qt.h1']!,
        body: { appraiserIds: [ids['td.h2']] },
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('cơ quan thường trực khác');
    });

    it('lets a district administrator create accounts inside its subtree only', async () => {
      const create = (body: Record<string, unknown>) =>
        t.request('POST', '/api/users', {
          as: as['qt.h1']!,
          body: { fullName: 'Người mới', password: 'mat-khau-rat-dai', ...body },
        });
      expect(
        (await create({ username: 'cb.x11', role: 'unitOfficer', unitId: 'X11' })).status,
      ).toBe(201);
      expect((await create({ username: 'td2.h1', role: 'appraiser', unitId: 'H1' })).status).toBe(
        201,
      );
      const sibling = await create({ username: 'cb.x21', role: 'unitOfficer', unitId: 'X21' });
      expect(sibling.status).toBe(403);
      expect(JSON.stringify(sibling.body)).toContain('không thuộc địa bàn của bạn');
      const installWide = await create({ username: 'qt.tinh', role: 'administrator' });
      expect(installWide.status).toBe(403);
      const users = (await t.request('GET', '/api/users', { as: as['qt.h1']! })).body as {
        username: string;
      }[];
      expect(users.map((u) => u.username).sort()).toEqual(
        ['cb.x11', 'hd.h1', 'np.h1', 'qt.h1', 'td.h1', 'td2.h1'].sort(),
      );
    });

    it('lets a district’s API token push into its own period only, and its administrator manage its own tokens', async () => {
      const issue = async (session: Session, name: string) => {
        const r = await t.request('POST', '/api/api-tokens', {
          as: session,
          body: { name, scopes: ['statistics:write'] },
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body as { token: { id: string; ownerUnitId: string | null }; secret: string };
      };
      const h1 = await issue(as['qt.h1']!, 'Một cửa huyện Nam Sách');
      const h2 = await issue(as['qt.h2']!, 'Một cửa huyện Thanh Hà');
      const mine = await issue(province, 'Một cửa tỉnh');
      expect([h1.token.ownerUnitId, h2.token.ownerUnitId, mine.token.ownerUnitId]).toEqual([
        'H1',
        'H2',
        null,
      ]);
      const push = (secret: string, key: 'H1' | 'H2' | 'province') =>
        t.request('POST', `/api/push/periods/${periods.ids[key]}/statistics`, {
          headers: { authorization: `Bearer ${secret}` },
          body: { rows: [{ unitId: periods.unit[key], resolved: 10, resolvedOnTime: 9 }] },
        });
      expect((await push(h1.secret, 'H1')).status).toBe(200);
      expect((await push(h1.secret, 'H2')).status).toBe(403);
      expect((await push(h1.secret, 'province')).status).toBe(403);
      expect((await push(mine.secret, 'H2')).status).toBe(200);
      for (const other of [h2.token.id, mine.token.id]) {
        const revoke = await t.request('POST', `/api/api-tokens/${other}/revoke`, {
          as: as['qt.h1']!,
        });
        expect(revoke.status).toBe(403);
      }
      const rotate = await t.request('POST', `/api/api-tokens/${h1.token.id}/rotate`, {
        as: as['qt.h1']!,
        body: {},
      });
      expect(rotate.status).toBe(201);
      const listed = (await t.request('GET', '/api/api-tokens', { as: as['qt.h1']! })).body as {
        tokens: { ownerUnitId: string | null }[];
      };
      expect(listed.tokens.map((token) => token.ownerUnitId)).toEqual(['H1', 'H1']);
      const all = (await t.request('GET', '/api/api-tokens', { as: province })).body as {
        tokens: unknown[];
      };
      expect(all.tokens).toHaveLength(4);
      expect(
        (await t.request('POST', `/api/api-tokens/${h2.token.id}/revoke`, { as: province })).status,
      ).toBe(200);
    });

    it('keeps the unit register and the job queue to the province, and lists a district its own units', async () => {
      const unit = await t.request('PUT', '/api/units/X13', {
        as: as['qt.h1']!,
        body: { name: 'UBND xã mới', type: 'xa', parentId: 'H1' },
      });
      expect(unit.status).toBe(403);
      expect((await t.request('GET', '/api/jobs', { as: as['qt.h1']! })).status).toBe(403);
      expect((await t.request('GET', '/api/audit', { as: as['qt.h1']! })).status).toBe(403);
      const units = (await t.request('GET', '/api/units', { as: as['qt.h1']! })).body as {
        units: { id: string }[];
      };
      expect(units.units.map((u) => u.id).sort()).toEqual(['H1', 'X11', 'X12']);
    });
  },
);
