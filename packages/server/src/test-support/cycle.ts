import type { ResultsJson } from '@chiso/core';
import { type Session, type TestApp } from './test-app.js';
import { toCsv, WINDOWS } from './world.js';
import { imported } from './import-jobs.js';

export interface Cast {
  admin: Session;
  appraiser: Session;
  council: Session;
  officers: Record<string, Session>;
  heads: Record<string, Session>;
  appraiserId: string;
}

export async function ok(t: TestApp, ...args: Parameters<TestApp['request']>) {
  const r = await t.request(...args);
  if (r.status >= 300)
    throw new Error(`${args[0]} ${args[1]}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

export async function castOf(
  t: TestApp,
  unitIds: readonly string[],
  names: Record<string, string>,
): Promise<Cast> {
  await t.createAccount('admin', 'administrator');
  const admin = await t.login('admin');
  for (const id of unitIds) {
    await ok(t, 'PUT', `/api/units/${id}`, {
      as: admin,
      body: { name: names[id] ?? id, type: 'so' },
    });
  }
  const appraiserId = await t.createAccount('td', 'appraiser');
  await t.createAccount('hd', 'councilMember');
  const officers: Record<string, Session> = {};
  const heads: Record<string, Session> = {};
  for (const id of unitIds) {
    await t.createAccount(`cb.${id}`, 'unitOfficer', id);
    await t.createAccount(`tt.${id}`, 'unitHead', id);
    officers[id] = await t.login(`cb.${id}`);
    heads[id] = await t.login(`tt.${id}`);
  }
  return {
    admin,
    appraiser: await t.login('td'),
    council: await t.login('hd'),
    officers,
    heads,
    appraiserId,
  };
}

export async function importFramework(t: TestApp, admin: Session, csv: string): Promise<string> {
  const body = await imported<{ id: string }>(
    t,
    '/api/frameworks/import?name=B%E1%BB%99%20th%E1%BB%AD&year=2022&unitType=so',
    { name: 'bo-chi-so.csv', content: csv },
    admin,
  );
  return body.id;
}

/** A date-time or window of the 2022 calendar moved by whole years (a later period). */
const movedBy = (years: number) => (text: string) =>
  text.replace(/\b(2022|2023)\b/g, (y) => String(Number(y) + years));

/**
 * A period from self-assessment to publication in which the appraiser closes both rounds and
 * changes nothing; returns the published results of the "so" group. The calendar is the 2022
 * one of WINDOWS, moved to `year` when given.
 */
export async function runUntouched(
  t: TestApp,
  cast: Cast,
  frameworkId: string,
  name: string,
  selfFacts: Record<string, Record<string, Record<string, unknown>>>,
  year = 2022,
  options: {
    /** The publication's body (its opening to the public portal). */
    publish?: { publicFrom?: string };
    /** Runs once the period is approved, before it is published. */
    beforePublish?: (periodId: string) => Promise<void>;
  } = {},
): Promise<{ periodId: string; published: ResultsJson; body: Record<string, unknown> }> {
  const unitIds = Object.keys(selfFacts);
  const move = movedBy(year - 2022);
  const windows = Object.fromEntries(
    Object.entries(WINDOWS).map(([kind, w]) => [
      kind,
      { opensAt: move(w.opensAt), closesAt: move(w.closesAt) },
    ]),
  );
  // Sessions last a month from sign-in: a later year's calendar signs the cast in again.
  const setTime = async (time: string) => {
    t.setTime(move(time));
    if (year === 2022) return;
    const again = (s: Session) => t.login(s.username);
    for (const group of [cast.officers, cast.heads])
      for (const [id, s] of Object.entries(group)) group[id] = await again(s);
    cast.admin = await again(cast.admin);
    cast.appraiser = await again(cast.appraiser);
    cast.council = await again(cast.council);
  };
  await setTime('26/12/2022 09:00');
  const period = await ok(t, 'POST', '/api/periods', {
    as: cast.admin,
    body: { name, year, frameworks: { so: frameworkId }, windows, unitIds },
  });
  const periodId = String(period.id);
  for (const unitId of unitIds) {
    const base = `/api/periods/${periodId}/units/${unitId}`;
    await ok(t, 'PUT', `${base}/appraisers`, {
      as: cast.admin,
      body: { appraiserIds: [cast.appraiserId] },
    });
    for (const [code, facts] of Object.entries(selfFacts[unitId] ?? {})) {
      await ok(t, 'PUT', `${base}/entries/${code}`, {
        as: cast.officers[unitId],
        body: { facts, explanation: 'Giải trình kèm số liệu', version: 0 },
      });
    }
    await ok(t, 'POST', `${base}/submit`, { as: cast.heads[unitId] });
  }
  await setTime('12/01/2023 09:00');
  for (const unitId of unitIds) {
    await ok(t, 'POST', `/api/periods/${periodId}/units/${unitId}/finalise`, {
      as: cast.appraiser,
    });
  }
  await setTime('18/01/2023 09:00');
  for (const unitId of unitIds) {
    await ok(t, 'POST', `/api/periods/${periodId}/units/${unitId}/finalise`, {
      as: cast.appraiser,
    });
  }
  await setTime('22/01/2023 09:00');
  await ok(t, 'POST', `/api/periods/${periodId}/approve`, {
    as: cast.council,
    body: { decisionNumber: '15/QĐ-HĐ', decisionDate: `${year + 1}-01-22` },
  });
  await setTime('02/02/2023 09:00');
  await options.beforePublish?.(periodId);
  await ok(t, 'POST', `/api/periods/${periodId}/publish`, {
    as: cast.admin,
    ...(options.publish ? { body: options.publish } : {}),
  });
  // An account reads the publication at once, whenever the public portal opens.
  const body = await ok(t, 'GET', `/api/periods/${periodId}/results`, { as: cast.admin });
  const groups = body.groups as { unitType: string; results: ResultsJson }[];
  const published = groups.find((g) => g.unitType === 'so')?.results;
  if (!published) throw new Error('no published results for "so"');
  return { periodId, published, body };
}

/** Sở Xây dựng as the issue met it: 6.2 does not apply to it, so 3 points leave its max. */
export const SXD_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành', '50', null],
  ['1.1', 'Kết quả thực hiện kế hoạch', '50', '{"kind":"manual","step":"0,01"}'],
  ['6', 'Tài chính công', '50', null],
  ['6.1', 'Thực hiện dự toán', '47', '{"kind":"manual","step":"0,01"}'],
  [
    '6.2',
    'Cơ chế tự chủ của đơn vị sự nghiệp',
    '3',
    '{"kind":"notApplicableWhen","condition":"Không có đơn vị sự nghiệp công lập","otherwise":{"kind":"passFail"}}',
  ],
]);

/** Its self-assessment: 90,91 points of the 97 that apply = 93,72 %. */
export const SXD_SELF = {
  '1.1': { points: '45,5' },
  '6.1': { points: '45,41' },
  '6.2': { notApplicable: true },
};
