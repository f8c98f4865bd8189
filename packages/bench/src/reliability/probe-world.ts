import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseVietnamTime, ROLES, type Role } from '@chiso/core';
import { eq } from 'drizzle-orm';
import type { RouteOptions } from 'fastify';
import { buildApp } from '../../../server/dist/app.js';
import { readConfig } from '../../../server/dist/config.js';
import type { Deps } from '../../../server/dist/context.js';
import { openDatabase } from '../../../server/dist/db/database.js';
import { users } from '../../../server/dist/db/schema.js';
import { samplePdf } from '../../../server/dist/demo/pdf.js';
import { jobRegistry } from '../../../server/dist/jobs/catalogue.js';
import { localQueue } from '../../../server/dist/jobs/local-queue.js';
import { insertUser } from '../../../server/dist/repositories/users.js';
import { hashPassword } from '../../../server/dist/security/passwords.js';
import { localEvidenceStore } from '../../../server/dist/storage/evidence-store.js';

export const PASSWORD = 'Tham-do-phan-quyen-2026';
export const PDF = samplePdf(['Báo cáo kết quả CCHC']);

/** Who probes: a role's account (of SNV where the role has a unit), or nobody. */
export const WHO = [...ROLES, 'anonymous'] as const;
export type Who = (typeof WHO)[number];

export interface Session {
  cookie: string;
  csrf: string;
}

type Inject = (options: {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: Buffer | string | object;
}) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;

export interface ProbeWorld {
  routes: RouteOptions[];
  inject: Inject;
  sessions: Record<Exclude<Who, 'anonymous'>, Session>;
  /** Ids of the seeded things: per unit (SNV own, SYT other) where they belong to one. */
  ids: Record<string, string>;
  /**
   * Puts every probing account back as seeded (role, unit, office, active, password: a probe
   * may have changed them) and signs in again whoever's session a probe ended; returns how many.
   */
  restore: () => Promise<number>;
  close: () => Promise<void>;
}

/** A multipart body with one file, as a browser sends it. */
export function multipartBody(name: string, content: Buffer | string) {
  const boundary = `----chiso${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      typeof content === 'string' ? Buffer.from(content) : content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const FRAMEWORK_CSV = [
  'Stt;Lĩnh vực/Tiêu chí;Điểm tối đa;Quy tắc chấm;Tài liệu kiểm chứng',
  '1;Công tác chỉ đạo, điều hành CCHC;4;;',
  '1.2;Báo cáo CCHC định kỳ;1;"{""kind"":""countOnTime"",""required"":4}";Các báo cáo quý',
  '1.3;Sáng kiến CCHC được công nhận;3;"{""kind"":""perItem"",""pointsPerItem"":1}";Quyết định',
  '',
].join('\n');

const WINDOWS = {
  selfAssessment: { opensAt: '25/12/2022 00:00', closesAt: '10/01/2023 24:00' },
  appraisal: { opensAt: '11/01/2023 00:00', closesAt: '16/01/2023 24:00' },
  explanation: { opensAt: '17/01/2023 00:00', closesAt: '20/01/2023 24:00' },
  council: { opensAt: '21/01/2023 00:00', closesAt: '31/01/2023 24:00' },
  publication: { opensAt: '01/02/2023 00:00', closesAt: '31/12/2023 24:00' },
};

const ACCOUNTS: [username: string, role: Role, who: Who | undefined, unit?: string][] = [
  ['cb.snv', 'unitOfficer', 'unitOfficer', 'SNV'],
  ['tt.snv', 'unitHead', 'unitHead', 'SNV'],
  ['cb.syt', 'unitOfficer', undefined, 'SYT'],
  ['td1', 'appraiser', 'appraiser'],
  ['td2', 'appraiser', undefined],
  ['hd1', 'councilMember', 'councilMember'],
  ['np', 'surveyClerk', 'surveyClerk'],
  ['xem', 'viewer', 'viewer'],
];

/**
 * The authorization test's world, built in this process from the compiled server (the test
 * support is not compiled): a province with Sở Nội vụ (SNV, the accounts' own unit) and Sở Y tế
 * (SYT, the other), accounts of every role, the 2022 period in its self-assessment window with
 * td1 appraising SNV and td2 SYT, and per unit an office, evidence, a task and a monitoring
 * snapshot. The clock stays at 05/01/2023 09:00 Vietnam time.
 */
export async function buildProbeWorld(): Promise<ProbeWorld> {
  const database = await openDatabase({});
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-probes-'));
  const now = new Date(parseVietnamTime('05/01/2023 09:00') ?? 0);
  const config = readConfig({
    CHISO_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CHISO_SESSION_HOURS: '720',
  });
  const deps: Deps = {
    db: database.db,
    clock: () => now,
    storage: localEvidenceStore(join(dataDir, 'evidence')),
    config,
  };
  const queue = localQueue(deps, jobRegistry());
  deps.jobs = queue;
  const routes: RouteOptions[] = [];
  const app = await buildApp(deps, { logger: false, onRoute: (route) => routes.push(route) });
  const inject = ((options) => app.inject(options as never)) as Inject;
  const passwordHash = await hashPassword(PASSWORD);
  const ids: Record<string, string> = {};
  const login = async (username: string): Promise<Session> => {
    const r = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.body}`);
    const cookie = /chiso_session=[^;]+/.exec(String(r.headers['set-cookie']))?.[0] ?? '';
    return { cookie, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
  };
  const seeded: { username: string; role: Role; unitId: string | null; officeId: string | null }[] =
    [];
  const add = (username: string, role: Role, unitId?: string, officeId?: string) => (
    seeded.push({ username, role, unitId: unitId ?? null, officeId: officeId ?? null }),
    insertUser(database.db, {
      username,
      fullName: `Người dùng ${username}`,
      passwordHash,
      role,
      unitId: unitId ?? null,
      officeId: officeId ?? null,
    }).then((row) => (ids[username] = row.id))
  );
  await add('admin', 'administrator');
  const admin = await login('admin');
  const call = async (
    session: Session,
    method: string,
    url: string,
    payload?: unknown,
    headers = {},
  ) => {
    const r = await inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  for (const [id, name, type] of [
    ['SNV', 'Sở Nội vụ', 'so'],
    ['SYT', 'Sở Y tế', 'so'],
    ['H01', 'UBND huyện Nam Sách', 'huyen'],
  ] as const)
    await call(admin, 'PUT', `/api/units/${id}`, { name, type });
  for (const [username, role, , unit] of ACCOUNTS) await add(username, role, unit);
  for (const unit of ['SNV', 'SYT']) {
    const office = await call(admin, 'POST', `/api/units/${unit}/offices`, {
      name: 'Phòng Pháp chế',
    });
    ids[`office:${unit}`] = String(office.id);
  }
  await add('cb.phong', 'officeStaff', 'SNV', ids['office:SNV']);
  const file = multipartBody('bo-chi-so.csv', FRAMEWORK_CSV);
  const queued = await call(
    admin,
    'POST',
    '/api/frameworks/import?name=B%E1%BB%99%20th%E1%BB%AD&year=2022&unitType=so',
    file.payload,
    file.headers,
  );
  // The import runs as a job (decision 0042): the queue is run here, then the job read.
  await queue.tick();
  const job = await call(admin, 'GET', `/api/imports/${String(queued.id)}`);
  if (job.state !== 'succeeded') throw new Error(`framework: ${JSON.stringify(job.problems)}`);
  ids.framework = String((job.result as { id: string }).id);
  const period = await call(admin, 'POST', '/api/periods', {
    name: 'Chỉ số CCHC năm 2022',
    year: 2022,
    frameworks: { so: ids.framework },
    windows: WINDOWS,
  });
  ids.period = String(period.id);
  for (const [unit, appraiser] of [
    ['SNV', 'td1'],
    ['SYT', 'td2'],
  ] as const)
    await call(admin, 'PUT', `/api/periods/${ids.period}/units/${unit}/appraisers`, {
      appraiserIds: [ids[appraiser]],
    });
  const own = { SNV: await login('cb.snv'), SYT: await login('cb.syt') };
  for (const unit of ['SNV', 'SYT'] as const) {
    const session = own[unit];
    const upload = multipartBody('tai-lieu.pdf', Buffer.concat([PDF, Buffer.from(unit)]));
    const evidence = await call(
      session,
      'POST',
      `/api/periods/${ids.period}/units/${unit}/evidence`,
      upload.payload,
      upload.headers,
    );
    ids[`evidence:${unit}`] = (evidence.evidence as { id: string }).id;
    const task = await call(session, 'POST', `/api/units/${unit}/tasks`, {
      title: 'Rà soát văn bản',
      leadOfficeId: ids[`office:${unit}`],
      deadline: '20/01/2023',
    });
    ids[`task:${unit}`] = String(task.id);
    const snapshot = await call(session, 'POST', `/api/units/${unit}/monitoring`, {
      title: '9 tháng đầu năm',
      asOf: '2022-09-30',
    });
    ids[`snapshot:${unit}`] = String(snapshot.id);
    ids[`user:${unit}`] = ids[`cb.${unit.toLowerCase()}`] ?? '';
  }
  const token = await call(admin, 'POST', '/api/api-tokens', {
    name: 'Hệ thống một cửa tỉnh',
    scopes: ['statistics:write'],
  });
  ids.apiToken = (token.token as { id: string }).id;
  const sessions = { administrator: admin } as ProbeWorld['sessions'];
  for (const [username, , who] of ACCOUNTS)
    if (who) sessions[who as 'viewer'] = await login(username);
  sessions.officeStaff = await login('cb.phong');
  const usernameOf: Record<string, string> = { administrator: 'admin', officeStaff: 'cb.phong' };
  for (const [username, , who] of ACCOUNTS) if (who) usernameOf[who] = username;
  const restore = async () => {
    for (const account of seeded) {
      await database.db
        .update(users)
        .set({
          role: account.role,
          unitId: account.unitId,
          officeId: account.officeId,
          active: true,
          passwordHash,
          mustChangePassword: false,
        })
        .where(eq(users.username, account.username));
    }
    let again = 0;
    for (const [who, session] of Object.entries(sessions)) {
      const me = await inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: session.cookie },
      });
      if (me.statusCode === 200) continue;
      sessions[who as 'viewer'] = await login(usernameOf[who] ?? '');
      again++;
    }
    return again;
  };
  return {
    routes,
    inject,
    sessions,
    ids,
    restore,
    close: async () => {
      await app.close();
      await queue.stop();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
