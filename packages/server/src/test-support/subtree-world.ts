import { addSurvey } from './collection-fixtures.js';
import {
  multipart,
  startTestApp,
  type DatabaseKind,
  type Session,
  type TestApp,
} from './test-app.js';
import { PDF, TEST_FRAMEWORK_CSV, WINDOWS, type World } from './world.js';
import { imported } from './import-jobs.js';

/** Whose thing a request is about: H1's (the actor's own subtree), H2's, the province's. */
export type Place = 'H1' | 'H2' | 'province';
export const PLACES: readonly Place[] = ['H1', 'H2', 'province'];
export type Secretariat = 'administrator' | 'appraiser' | 'councilMember' | 'surveyClerk';
export const SECRETARIATS: readonly Secretariat[] = [
  'administrator',
  'appraiser',
  'councilMember',
  'surveyClerk',
];

/** A district secretariat's account: "qt.h1" is H1's administrator. */
export const ROLE_PREFIX: Record<Secretariat, string> = {
  administrator: 'qt',
  appraiser: 'td',
  councilMember: 'hd',
  surveyClerk: 'np',
};

export interface SubtreeWorld {
  t: TestApp;
  /** The install's (the province's) administrator. */
  province: Session;
  /** Sessions by username: the districts' secretariats, the units' officers (cb.x11, …). */
  as: Record<string, Session>;
  /** User ids by username. */
  userIds: Record<string, string>;
  period: Record<Place, string>;
  framework: Record<Place, string>;
  survey: Record<Place, string>;
  /** A unit taking part in each period: X11 in H1's, X21 in H2's, H1 in the province's. */
  periodUnit: Record<Place, string>;
  /** For unit routes: a commune of H1 (X11), of H2 (X21), and the province's department SNV. */
  unit: Record<Place, string>;
  /** Each `unit`'s office, task (led by it), monitoring snapshot. */
  office: Record<Place, string>;
  task: Record<Place, string>;
  snapshot: Record<Place, string>;
  /** An evidence file of `periodUnit` in `period`, and a file of `task`. */
  evidence: Record<Place, string>;
  taskFile: Record<Place, string>;
}

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** A 2022 framework of `unitType` imported and a period opened on it by `admin`. */
async function openPeriod(t: TestApp, admin: Session, unitType: string, name: string) {
  const query = `name=${encodeURIComponent(name)}&year=2022&unitType=${unitType}`;
  const framework = await imported<{ id: string }>(
    t,
    `/api/frameworks/import?${query}`,
    { name: 'khung.csv', content: TEST_FRAMEWORK_CSV },
    admin,
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

const UNITS = [
  ['H1', 'UBND huyện Nam Sách', 'huyen', null],
  ['H2', 'UBND huyện Thanh Hà', 'huyen', null],
  ['X11', 'UBND xã An Lâm', 'xa', 'H1'],
  ['X12', 'UBND xã An Sơn', 'xa', 'H1'],
  ['X21', 'UBND xã Thanh An', 'xa', 'H2'],
  ['X22', 'UBND xã Thanh Lang', 'xa', 'H2'],
  ['SNV', 'Sở Nội vụ', 'so', null],
] as const;

/**
 * A province with two districts (H1 Nam Sách, H2 Thanh Hà) of two communes each and a
 * department (SNV); each district's four secretariat accounts; a 2022 period and a survey per
 * district (for its communes, X11/X21 assigned to its appraiser) and the province's (for its
 * districts); an officer per unit used (cb.x11, cb.x21, cb.snv, cb.h1) with an office, a task
 * and a monitoring snapshot of X11, X21 and SNV, and an evidence file in each period. The
 * clock stands at 05/01/2023 09:00, inside the self-assessment window.
 */
export async function buildSubtreeWorld(kind: DatabaseKind): Promise<SubtreeWorld> {
  const t = await startTestApp(kind);
  await t.createAccount('admin', 'administrator');
  const province = await t.login('admin');
  for (const [id, name, type, parentId] of UNITS) {
    await ok(
      t.request('PUT', `/api/units/${id}`, { as: province, body: { name, type, parentId } }),
      `unit ${id}`,
    );
  }
  const as: Record<string, Session> = {};
  const userIds: Record<string, string> = {};
  const account = async (
    username: string,
    role: Parameters<TestApp['createAccount']>[1],
    unit: string,
  ) => {
    userIds[username] = await t.createAccount(username, role, unit);
    as[username] = await t.login(username);
  };
  for (const district of ['H1', 'H2'] as const)
    for (const role of SECRETARIATS)
      await account(`${ROLE_PREFIX[role]}.${district.toLowerCase()}`, role, district);
  for (const unitId of ['X11', 'X21', 'SNV', 'H1'])
    await account(`cb.${unitId.toLowerCase()}`, 'unitOfficer', unitId);

  const w = {
    t,
    province,
    as,
    userIds,
    period: { H1: '', H2: '', province: '' },
    framework: { H1: '', H2: '', province: '' },
    survey: { H1: '', H2: '', province: '' },
    periodUnit: { H1: 'X11', H2: 'X21', province: 'H1' },
    unit: { H1: 'X11', H2: 'X21', province: 'SNV' },
    office: { H1: '', H2: '', province: '' },
    task: { H1: '', H2: '', province: '' },
    snapshot: { H1: '', H2: '', province: '' },
    evidence: { H1: '', H2: '', province: '' },
    taskFile: { H1: '', H2: '', province: '' },
  } satisfies SubtreeWorld;

  const opened = await openPeriod(t, province, 'huyen', 'Chỉ số CCHC các huyện 2022');
  w.period.province = opened.periodId;
  w.framework.province = opened.frameworkId;
  for (const district of ['H1', 'H2'] as const) {
    const admin = as[`qt.${district.toLowerCase()}`]!;
    const own = await openPeriod(t, admin, 'xa', `Chỉ số CCHC các xã ${district} 2022`);
    w.period[district] = own.periodId;
    w.framework[district] = own.frameworkId;
    await ok(
      t.request('PUT', `/api/periods/${own.periodId}/units/${w.periodUnit[district]}/appraisers`, {
        as: admin,
        body: { appraiserIds: [userIds[`td.${district.toLowerCase()}`]] },
      }),
      `assign ${district}`,
    );
  }
  // The department's framework, for SNV's monitoring (no period: it only needs the year's).
  await imported(
    t,
    '/api/frameworks/import?name=S%E1%BB%9F%202022&year=2022&unitType=so',
    { name: 'khung-so.csv', content: TEST_FRAMEWORK_CSV },
    province,
  );
  for (const place of PLACES)
    w.survey[place] = await addSurvey(t, { periodId: w.period[place] } as World);
  t.setTime('05/01/2023 09:00');

  for (const place of PLACES) {
    const unitId = w.unit[place];
    const officer = as[`cb.${unitId.toLowerCase()}`]!;
    const call = (method: 'POST' | 'PUT', url: string, body: unknown) =>
      ok(t.request(method, url, { as: officer, body }), `${method} ${url}`);
    w.office[place] = String(
      (await call('POST', `/api/units/${unitId}/offices`, { name: 'Văn phòng' })).id,
    );
    w.task[place] = String(
      (
        await call('POST', `/api/units/${unitId}/tasks`, {
          title: 'Rà soát văn bản',
          leadOfficeId: w.office[place],
          deadline: '20/01/2023',
        })
      ).id,
    );
    w.snapshot[place] = String(
      (
        await call('POST', `/api/units/${unitId}/monitoring`, {
          title: 'Quý III',
          asOf: '2022-09-30',
        })
      ).id,
    );
    const taskFile = multipart('nhiem-vu.pdf', Buffer.concat([PDF, Buffer.from(`task ${place}`)]));
    const stored = await ok(
      t.request('POST', `/api/units/${unitId}/tasks/${w.task[place]}/evidence`, {
        as: officer,
        payload: taskFile.payload,
        headers: taskFile.headers,
      }),
      `task file ${place}`,
    );
    w.taskFile[place] = (stored as { evidence: { id: string } }).evidence.id;

    const periodUnit = w.periodUnit[place];
    const file = multipart('bao-cao.pdf', Buffer.concat([PDF, Buffer.from(`period ${place}`)]));
    const evidence = await ok(
      t.request('POST', `/api/periods/${w.period[place]}/units/${periodUnit}/evidence`, {
        as: as[`cb.${periodUnit.toLowerCase()}`]!,
        payload: file.payload,
        headers: file.headers,
      }),
      `evidence ${place}`,
    );
    w.evidence[place] = (evidence as { evidence: { id: string } }).evidence.id;
  }
  return w;
}
