import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { PDF, seedWorld, TEST_FRAMEWORK_CSV, type World } from './test-support/world.js';

type Who =
  | 'administrator'
  | 'unitOfficer'
  | 'unitHead'
  | 'appraiser'
  | 'councilMember'
  | 'surveyClerk'
  | 'officeStaff'
  | 'viewer'
  | 'anonymous';
const EVERYONE: Who[] = [
  'administrator',
  'unitOfficer',
  'unitHead',
  'appraiser',
  'councilMember',
  'surveyClerk',
  'officeStaff',
  'viewer',
];
const READERS: Who[] = ['administrator', 'unitOfficer', 'unitHead', 'appraiser', 'councilMember'];
const ADMIN: Who[] = ['administrator'];
const UNIT: Who[] = ['unitOfficer', 'unitHead'];
/** A unit's tasks: the unit, the office in charge (the test tasks are led by cb.phong's), the province. */
const TASK_READERS: Who[] = [
  'administrator',
  'unitOfficer',
  'unitHead',
  'councilMember',
  'officeStaff',
];

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** The request for the own unit (SNV) or another (SYT); global routes ignore it. */
  url: (unit: 'SNV' | 'SYT', w: World) => string;
  body?: (who: Who, w: World, target: 'SNV' | 'SYT') => unknown;
  file?: { name: string; content: Buffer | string };
  own: Who[];
  other?: Who[];
  /** A source system's route: it takes an API token only, so every session is refused 401. */
  tokenOnly?: true;
}

const unit = (u: string, w: World) => `/api/periods/${w.periodId}/units/${u}`;
let counter = 0;

/** Every route × who may call it for their own unit (SNV; td1 is assigned SNV) and for another. */
const CASES: Case[] = [
  {
    name: 'GET /periods/:id/surveys',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/surveys`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'surveyClerk'],
  },
  {
    name: 'GET /periods/:id/surveys/results',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/surveys/results`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember'],
  },
  {
    name: 'POST /periods/:id/surveys/recompute',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/surveys/recompute`,
    own: ADMIN,
  },
  {
    name: 'POST /periods/:id/statistics/preview',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/statistics/preview`,
    file: {
      name: 'thong-ke.csv',
      content: 'Đơn vị;Số hồ sơ đã giải quyết;Đúng hạn\nSNV;596;574\n',
    },
    own: ADMIN,
  },
  {
    name: 'POST /periods/:id/statistics/import',
    method: 'POST',
    url: (_u, w) =>
      `/api/periods/${w.periodId}/statistics/import?mapping=${encodeURIComponent(
        JSON.stringify({
          headerRow: 1,
          columns: { A: 'unit', B: 'resolved', C: 'resolvedOnTime' },
        }),
      )}`,
    file: {
      name: 'thong-ke.csv',
      content: 'Đơn vị;Số hồ sơ đã giải quyết;Đúng hạn\nSNV;596;574\n',
    },
    own: ADMIN,
  },
  {
    name: 'GET /periods/:id/statistics',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/statistics`,
    own: ADMIN,
  },
  {
    name: 'GET /periods/:id/statistics/late-dossiers',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/statistics/late-dossiers`,
    own: ADMIN,
  },
  {
    name: 'GET /periods/:id/statistics/late-dossiers.xlsx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/statistics/late-dossiers.xlsx`,
    own: ADMIN,
  },
  { name: 'GET /api-tokens', method: 'GET', url: () => '/api/api-tokens', own: ADMIN },
  {
    name: 'POST /api-tokens',
    method: 'POST',
    url: () => '/api/api-tokens',
    body: () => ({ name: `Hệ thống một cửa ${++counter}`, scopes: ['statistics:write'] }),
    own: ADMIN,
  },
  {
    name: 'POST /api-tokens/:id/rotate',
    method: 'POST',
    url: (_u, w) => `/api/api-tokens/${w.ids.__apiToken}/rotate`,
    body: () => ({ graceDays: 0 }),
    own: ADMIN,
  },
  {
    name: 'POST /api-tokens/:id/revoke',
    method: 'POST',
    url: (_u, w) => `/api/api-tokens/${w.ids.__apiToken}/revoke`,
    own: ADMIN,
  },
  {
    name: 'POST /push/periods/:id/statistics',
    method: 'POST',
    url: (_u, w) => `/api/push/periods/${w.periodId}/statistics`,
    body: () => ({ rows: [{ unitId: 'SNV', resolved: 596, resolvedOnTime: 574 }] }),
    own: [],
    tokenOnly: true,
  },
  {
    name: 'GET /push/periods/:id/statistics',
    method: 'GET',
    url: (_u, w) => `/api/push/periods/${w.periodId}/statistics`,
    own: [],
    tokenOnly: true,
  },
  { name: 'GET /auth/me', method: 'GET', url: () => '/api/auth/me', own: EVERYONE },
  // One's own password and two-factor sign-in (0036): a wrong current password or code is 400,
  // a second factor for a session that owes none 409, two-factor not on yet 409.
  {
    name: 'POST /auth/password',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'khong-phai-mat-khau', newPassword: 'đồng lúa chín vàng' }),
    own: EVERYONE,
  },
  { name: 'GET /auth/totp', method: 'GET', url: () => '/api/auth/totp', own: EVERYONE },
  {
    name: 'POST /auth/totp/setup',
    method: 'POST',
    url: () => '/api/auth/totp/setup',
    own: ['administrator', 'appraiser', 'councilMember'],
  },
  {
    name: 'POST /auth/totp/enable',
    method: 'POST',
    url: () => '/api/auth/totp/enable',
    body: () => ({ code: '000000' }),
    own: ['administrator', 'appraiser', 'councilMember'],
  },
  {
    name: 'POST /auth/totp/disable',
    method: 'POST',
    url: () => '/api/auth/totp/disable',
    body: () => ({ code: '000000' }),
    own: ['administrator', 'appraiser', 'councilMember'],
  },
  {
    name: 'POST /auth/totp/verify',
    method: 'POST',
    url: () => '/api/auth/totp/verify',
    body: () => ({ code: '000000' }),
    own: EVERYONE,
  },
  {
    name: 'POST /users/:id/totp/disable',
    method: 'POST',
    url: () => '/api/users/:viewer/totp/disable',
    own: ADMIN,
  },
  {
    name: 'GET /auth/session',
    method: 'GET',
    url: () => '/api/auth/session',
    own: [...EVERYONE, 'anonymous'],
  },
  // Sign-in by OpenID Connect (0037): public; off in this world, so the start and the callback
  // are 404 for everyone (oidc-sign-in.test.ts runs them against a real provider).
  ...['/auth/oidc', '/auth/oidc/start', '/auth/oidc/callback'].map((path): Case => ({
    name: `GET ${path}`,
    method: 'GET',
    url: () => `/api${path}`,
    own: [...EVERYONE, 'anonymous'],
  })),
  {
    name: 'GET /unit-types',
    method: 'GET',
    url: () => '/api/unit-types',
    own: [...EVERYONE, 'anonymous'],
  },
  { name: 'GET /units', method: 'GET', url: () => '/api/units', own: EVERYONE },
  {
    name: 'PUT /units/:id',
    method: 'PUT',
    url: () => '/api/units/H02',
    body: () => ({ name: 'UBND huyện Thanh Hà', type: 'huyen' }),
    own: ADMIN,
  },
  {
    name: 'POST /units/import',
    method: 'POST',
    url: () => '/api/units/import',
    file: {
      name: 'don-vi.csv',
      content: 'Mã đơn vị;Tên đơn vị;Loại\nH03;UBND huyện Tứ Kỳ;huyện\n',
    },
    own: ADMIN,
  },
  {
    name: 'POST /units/:id/lineage',
    method: 'POST',
    url: () => '/api/units/H02/lineage',
    body: () => ({ from: ['H01'], kind: 'rename', effectiveOn: '2023-01-01' }),
    own: ADMIN,
  },
  { name: 'GET /users', method: 'GET', url: () => '/api/users', own: ADMIN },
  {
    name: 'POST /users',
    method: 'POST',
    url: () => '/api/users',
    body: (who) => ({
      username: `moi.${who}.${counter++}`,
      fullName: 'Người mới',
      password: 'mat-khau-rat-dai',
      role: 'viewer',
    }),
    own: ADMIN,
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    url: () => '/api/users/:viewer',
    body: () => ({ fullName: 'Người xem' }),
    own: ADMIN,
  },
  { name: 'GET /frameworks', method: 'GET', url: () => '/api/frameworks', own: EVERYONE },
  {
    name: 'GET /frameworks/:id',
    method: 'GET',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}`,
    own: EVERYONE,
  },
  {
    name: 'POST /frameworks/import',
    method: 'POST',
    url: () => '/api/frameworks/import?name=X&year=2023&unitType=so&preview=true',
    file: { name: 'khung.csv', content: TEST_FRAMEWORK_CSV },
    own: ADMIN,
  },
  {
    name: 'PATCH /frameworks/:id/nodes/:code',
    method: 'PATCH',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/nodes/1.1`,
    body: () => ({ guidance: 'Hướng dẫn' }),
    own: ADMIN,
  },
  {
    name: 'PUT /frameworks/:id/policy',
    method: 'PUT',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/policy`,
    body: () => ({}),
    own: ADMIN,
  },
  {
    name: 'POST /frameworks/:id/copy',
    method: 'POST',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/copy`,
    body: () => ({ year: 2023 }),
    own: ADMIN,
  },
  {
    name: 'POST /frameworks/:id/review',
    method: 'POST',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/review`,
    own: ADMIN,
  },
  {
    name: 'GET /frameworks/:id/code-map',
    method: 'GET',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/code-map`,
    own: EVERYONE,
  },
  {
    name: 'PUT /frameworks/:id/code-map',
    method: 'PUT',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/code-map`,
    body: () => ({ previousFrameworkId: null, links: [] }),
    own: ADMIN,
  },
  {
    name: 'POST /frameworks/:id/nodes/:code/renumber',
    method: 'POST',
    url: (_u, w) => `/api/frameworks/${w.frameworkId}/nodes/1.3/renumber`,
    body: () => ({ code: '1.4' }),
    own: ADMIN,
  },
  { name: 'GET /periods', method: 'GET', url: () => '/api/periods', own: EVERYONE },
  {
    name: 'GET /periods/:id',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}`,
    own: EVERYONE,
  },
  {
    name: 'POST /periods',
    method: 'POST',
    url: () => '/api/periods',
    body: (_who, w) => ({ name: 'Thử', year: 2024, frameworks: { so: w.frameworkId } }),
    own: ADMIN,
  },
  {
    name: 'PUT /periods/:id/windows',
    method: 'PUT',
    url: (_u, w) => `/api/periods/${w.periodId}/windows`,
    body: () => ({}),
    own: ADMIN,
  },
  {
    name: 'POST /periods/:id/extensions',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/extensions`,
    body: () => ({
      unitId: 'SYT',
      kind: 'selfAssessment',
      closesAt: '11/01/2023 17:00',
      reason: 'Gia hạn',
    }),
    own: ADMIN,
  },
  {
    name: 'PUT /periods/:id/units/:unitId/appraisers',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/appraisers`,
    body: (_who, w, target) => ({ appraiserIds: [w.ids[target === 'SNV' ? 'td1' : 'td2'] ?? ''] }),
    own: ADMIN,
    other: ADMIN,
  },
  {
    name: 'POST /periods/:id/approve',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/approve`,
    body: () => ({ decisionNumber: '1/QĐ', decisionDate: '2023-01-25' }),
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /periods/:id/publish',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/publish`,
    own: ADMIN,
  },
  {
    name: 'GET /periods/:id/results',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/results`,
    own: READERS,
  },
  {
    name: 'GET /periods/:id/results/ranking',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/results/ranking`,
    own: READERS,
  },
  {
    name: 'GET /periods/:id/results/units/:unitId',
    method: 'GET',
    url: (u, w) => `/api/periods/${w.periodId}/results/units/${u}`,
    own: READERS,
  },
  {
    name: 'GET /periods/:id/results.xlsx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/results.xlsx`,
    own: READERS,
  },
  {
    name: 'PUT /periods/:id/public-from',
    method: 'PUT',
    url: (_u, w) => `/api/periods/${w.periodId}/public-from`,
    body: () => ({ publicFrom: '2030-01-01T08:00:00+07:00' }),
    own: ADMIN,
  },
  {
    name: 'GET /published-periods',
    method: 'GET',
    url: () => '/api/published-periods',
    own: [...EVERYONE, 'anonymous'],
  },
  // The public portal: no account needed, nothing to refuse (an unpublished period is 404).
  ...[
    '',
    '/:periodId',
    '/:periodId/blocks/so',
    '/:periodId/units/SNV',
    '/:periodId/data.csv',
    '/:periodId/data.json',
    '/:periodId/data.xlsx',
    '/:periodId/data-dictionary.csv',
  ].map((path): Case => ({
    name: `GET /public/results${path}`,
    method: 'GET',
    url: (_u, w) => `/api/public/results${path.replace(':periodId', w.periodId)}`,
    own: [...EVERYONE, 'anonymous'],
  })),
  {
    name: 'GET /periods/:id/errata/preview',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/errata/preview`,
    own: ADMIN,
  },
  {
    name: 'POST /periods/:id/errata',
    method: 'POST',
    url: (_u, w) => `/api/periods/${w.periodId}/errata`,
    body: () => ({
      decisionNumber: '2/QĐ',
      decisionDate: '2023-02-25',
      reason: 'Đính chính',
      changesFingerprint: 'x',
    }),
    own: ADMIN,
  },
  {
    name: 'PUT entry correction',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2/correction`,
    body: () => ({ points: 1, reason: 'Sửa sai sót', version: 0 }),
    own: ADMIN,
  },
  { name: 'GET /audit', method: 'GET', url: () => '/api/audit', own: ADMIN },
  { name: 'GET /audit.xlsx', method: 'GET', url: () => '/api/audit.xlsx', own: ADMIN },
  {
    name: 'GET assessment',
    method: 'GET',
    url: (u, w) => `${unit(u, w)}/assessment`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    // The unit's people pass the role check; the record itself waits for the first round (409).
    name: 'GET appraisal-record.docx',
    method: 'GET',
    url: (u, w) => `${unit(u, w)}/appraisal-record.docx`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    // Whoever reads the assessment; before submission the unit's own draft, 409 for the rest.
    name: 'GET self-assessment-report.docx',
    method: 'GET',
    url: (u, w) => `${unit(u, w)}/self-assessment-report.docx`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    // The period is open in this world: the decision itself waits for approval (409).
    name: 'GET /periods/:id/council-decision.docx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/council-decision.docx`,
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /periods/:id/report',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/report`,
    own: ['administrator', 'councilMember'],
  },
  {
    // Allowed roles pass the check; the document itself waits for the council's approval (409).
    name: 'GET /periods/:id/report.docx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/report.docx`,
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /periods/:id/report-appendix.xlsx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/report-appendix.xlsx`,
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /periods/:id/report-appendix.docx',
    method: 'GET',
    url: (_u, w) => `/api/periods/${w.periodId}/report-appendix.docx`,
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'PUT /periods/:id/report',
    method: 'PUT',
    url: (_u, w) => `/api/periods/${w.periodId}/report`,
    body: () => ({ version: 0, options: { place: 'Hải Dương' } }),
    own: ADMIN,
  },
  {
    name: 'PUT entry (self)',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2`,
    body: () => ({ facts: { onTime: 4 }, version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'POST evidence',
    method: 'POST',
    url: (u, w) => `${unit(u, w)}/evidence`,
    file: { name: 'bao-cao.pdf', content: PDF },
    own: UNIT,
    other: [],
  },
  {
    name: 'PUT entry evidence link',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2/evidence`,
    body: (_who, w) => ({ evidenceId: w.ids.__evidenceSNV, pageRef: 'tr. 1' }),
    own: UNIT,
    other: [],
  },
  {
    name: "PUT entry evidence link (a finished task's file)",
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2/evidence`,
    body: (_who, w) => ({ evidenceId: w.ids.__taskFileSNV }),
    own: UNIT,
    other: [],
  },
  {
    name: 'POST submit',
    method: 'POST',
    url: (u, w) => `${unit(u, w)}/submit`,
    own: ['unitHead'],
    other: [],
  },
  {
    name: 'PUT appraisal',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2/appraisal`,
    body: () => ({ points: 1, version: 0 }),
    own: ['appraiser'],
    other: [],
  },
  {
    name: 'POST finalise',
    method: 'POST',
    url: (u, w) => `${unit(u, w)}/finalise`,
    own: ['appraiser'],
    other: [],
  },
  {
    name: 'PUT response',
    method: 'PUT',
    url: (u, w) => `${unit(u, w)}/entries/1.2/response`,
    body: () => ({ response: 'Giải trình', version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET history',
    method: 'GET',
    url: (u, w) => `${unit(u, w)}/entries/1.2/history`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/offices',
    method: 'GET',
    url: (u) => `/api/units/${u}/offices`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /units/:id/offices',
    method: 'POST',
    url: (u) => `/api/units/${u}/offices`,
    body: () => ({ name: `Phòng thử ${++counter}` }),
    own: ['administrator', 'unitOfficer', 'unitHead'],
    other: ['administrator'],
  },
  {
    name: 'PUT /units/:id/offices/:officeId',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/offices/${u === 'SNV' ? w.ids.officeSNV : w.ids.officeSYT}`,
    body: () => ({ position: ++counter }),
    own: ['administrator', 'unitOfficer', 'unitHead'],
    other: ['administrator'],
  },
  {
    name: 'GET /units/:id/responsibilities',
    method: 'GET',
    url: (u) => `/api/units/${u}/responsibilities`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'PUT /units/:id/responsibilities/:frameworkId/:code',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/responsibilities/${w.frameworkId}/1.1`,
    body: (_who, w, u) => ({
      leadOfficeId: u === 'SNV' ? w.ids.officeSNV : w.ids.officeSYT,
      supportingOfficeIds: [],
    }),
    own: ['administrator', 'unitOfficer', 'unitHead'],
    other: ['administrator'],
  },
  {
    name: 'GET /monitoring/overview',
    method: 'GET',
    url: () => '/api/monitoring/overview?year=2022',
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/monitoring',
    method: 'GET',
    url: (u) => `/api/units/${u}/monitoring`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /units/:id/monitoring',
    method: 'POST',
    url: (u) => `/api/units/${u}/monitoring`,
    body: () => ({ title: `Bản thử ${++counter}`, asOf: '2022-09-30' }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET /units/:id/monitoring/:snapshotId',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/monitoring/${w.ids[`__snapshot${u}`]}`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/monitoring/:snapshotId/workbook.xlsx',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/monitoring/${w.ids[`__snapshot${u}`]}/workbook.xlsx`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/monitoring/:snapshotId/document.docx',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/monitoring/${w.ids[`__snapshot${u}`]}/document.docx`,
    own: ['administrator', 'unitOfficer', 'unitHead', 'councilMember', 'officeStaff'],
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'PUT /units/:id/monitoring/:snapshotId',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/monitoring/${w.ids[`__snapshot${u}`]}`,
    body: () => ({ title: `Tên ${++counter}`, version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'PUT /units/:id/monitoring/:snapshotId/rows/:code',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/monitoring/${w.ids[`__snapshot${u}`]}/rows/1.1`,
    body: () => ({
      expectedPoints: '1',
      reason: null,
      reasonText: null,
      officeId: null,
      version: 0,
    }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET /units/:id/plans',
    method: 'GET',
    url: (u) => `/api/units/${u}/plans`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /units/:id/plans',
    method: 'POST',
    url: (u) => `/api/units/${u}/plans`,
    body: (_who, w) => ({ periodId: w.periodId }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET /units/:id/plans/:periodId',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'PUT /units/:id/plans/:periodId',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}`,
    body: () => ({ purpose: 'Mục đích', version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'PUT /units/:id/plans/:periodId/rows/:code',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/rows/1.1`,
    body: () => ({ target: '1', version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'POST /units/:id/plans/:periodId/approve',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/approve`,
    body: () => ({ version: 0 }),
    own: ['unitHead'],
    other: [],
  },
  {
    name: 'POST /units/:id/plans/:periodId/reopen',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/reopen`,
    body: () => ({ version: 0 }),
    own: ['unitHead'],
    other: [],
  },
  {
    name: 'GET /units/:id/plans/:periodId/plan.xlsx',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/plan.xlsx`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/plans/:periodId/plan.docx',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/plan.docx`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /units/:id/plans/:periodId/import',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/import?preview=true`,
    file: { name: 'ke-hoach.csv', content: 'Stt;Mục tiêu năm 2023\n1.1;1\n' },
    own: UNIT,
    other: [],
  },
  {
    name: 'POST /units/:id/plans/:periodId/tasks',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/plans/${w.periodId}/tasks`,
    body: () => ({ codes: ['1.1'], version: 0 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET /plans/overview',
    method: 'GET',
    url: (_u, w) => `/api/plans/overview?periodId=${w.periodId}`,
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /plans/generate',
    method: 'POST',
    url: () => '/api/plans/generate',
    body: (_who, w) => ({ periodId: w.periodId }),
    own: ADMIN,
  },
  {
    name: 'GET /units/:id/tasks',
    method: 'GET',
    url: (u) => `/api/units/${u}/tasks`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /units/:id/tasks',
    method: 'POST',
    url: (u) => `/api/units/${u}/tasks`,
    body: () => ({ title: 'Nhiệm vụ thử', leadOfficeId: null, deadline: '20/01/2023' }),
    own: UNIT,
    other: [],
  },
  {
    name: 'GET /units/:id/tasks/calendar',
    method: 'GET',
    url: (u) => `/api/units/${u}/tasks/calendar?month=2023-01`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /units/:id/tasks/:taskId',
    method: 'GET',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'PUT /units/:id/tasks/:taskId',
    method: 'PUT',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}`,
    body: () => ({ target: 'Hoàn thành 100%', version: 999 }),
    own: UNIT,
    other: [],
  },
  ...(['start', 'complete'] as const).map((verb): Case => ({
    name: `POST /units/:id/tasks/:taskId/${verb}`,
    method: 'POST',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}/${verb}`,
    body: () => ({ version: 999 }),
    own: [...UNIT, 'officeStaff'],
    other: [],
  })),
  {
    name: 'POST /units/:id/tasks/:taskId/reopen',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}/reopen`,
    body: () => ({ version: 999 }),
    own: UNIT,
    other: [],
  },
  {
    name: 'POST /units/:id/tasks/:taskId/evidence',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}/evidence`,
    file: { name: 'bao-cao-nhiem-vu.pdf', content: PDF },
    own: [...UNIT, 'officeStaff'],
    other: [],
  },
  {
    name: 'POST /units/:id/tasks/:taskId/reports',
    method: 'POST',
    url: (u, w) => `/api/units/${u}/tasks/${w.ids[`__task${u}`]}/reports`,
    body: () => ({ text: 'Đã triển khai', percent: 50 }),
    own: [...UNIT, 'officeStaff'],
    other: [],
  },
  {
    name: 'GET /units/:id/tasks/:taskId/evidence/:evidenceId',
    method: 'GET',
    url: (u, w) =>
      `/api/units/${u}/tasks/${w.ids[`__task${u}`]}/evidence/${w.ids[`__evidence${u}`]}`,
    own: TASK_READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: 'GET /tasks/overview',
    method: 'GET',
    url: () => '/api/tasks/overview',
    own: ['administrator', 'councilMember'],
  },
  {
    name: 'POST /task-dispatches',
    method: 'POST',
    url: () => '/api/task-dispatches',
    body: () => ({
      authority: 'UBND tỉnh',
      tasks: [{ title: 'Nhiệm vụ', deadline: '20/01/2023', assignments: [{ unitId: 'SNV' }] }],
    }),
    own: ADMIN,
  },
  {
    name: 'POST /task-dispatches/import',
    method: 'POST',
    url: () => '/api/task-dispatches/import?authority=UBND&preview=true',
    file: {
      name: 'giao-nhiem-vu.csv',
      content: 'Nội dung nhiệm vụ;Đơn vị thực hiện;Thời hạn\nBáo cáo;SNV;20/01/2023\n',
    },
    own: ADMIN,
  },
  {
    name: 'GET /notifications',
    method: 'GET',
    url: () => '/api/notifications',
    own: EVERYONE,
  },
  {
    name: 'GET /notifications/unread-count',
    method: 'GET',
    url: () => '/api/notifications/unread-count',
    own: EVERYONE,
  },
  {
    name: 'POST /notifications/:id/read',
    method: 'POST',
    // Nobody has this notification: each is told it is not theirs (404), not refused.
    url: () => '/api/notifications/00000000-0000-4000-8000-000000000000/read',
    own: EVERYONE,
  },
  {
    name: 'POST /notifications/read-all',
    method: 'POST',
    url: () => '/api/notifications/read-all',
    own: EVERYONE,
  },
  {
    name: 'GET /notifications/preferences',
    method: 'GET',
    url: () => '/api/notifications/preferences',
    own: EVERYONE,
  },
  {
    name: 'PUT /notifications/preferences',
    method: 'PUT',
    url: () => '/api/notifications/preferences',
    body: () => ({ kinds: [{ kind: 'windowClosing', inApp: true, email: false }] }),
    own: EVERYONE,
  },
  { name: 'GET /jobs', method: 'GET', url: () => '/api/jobs', own: ADMIN },
  {
    name: 'POST /jobs/reminders-scan',
    method: 'POST',
    url: () => '/api/jobs/reminders-scan',
    own: ADMIN,
  },
  {
    name: 'POST /jobs/:id/retry',
    method: 'POST',
    url: () => '/api/jobs/00000000-0000-4000-8000-000000000000/retry',
    own: ADMIN,
  },
  // An import job: its requester (the administrator) and administrators of the same reach.
  {
    name: 'GET /imports/:id',
    method: 'GET',
    url: (_u, w) => `/api/imports/${w.ids.__import}`,
    own: ADMIN,
  },
  {
    name: 'POST /imports/:id/cancel',
    method: 'POST',
    url: (_u, w) => `/api/imports/${w.ids.__import}/cancel`,
    own: ADMIN,
  },
  {
    name: 'GET /evidence/:id',
    method: 'GET',
    url: (u, w) => `/api/evidence/${u === 'SNV' ? w.ids.__evidenceSNV : w.ids.__evidenceSYT}`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
  {
    name: "GET /evidence/:id (a task's file linked to a leaf)",
    method: 'GET',
    url: (u, w) => `/api/evidence/${u === 'SNV' ? w.ids.__taskFileSNV : w.ids.__taskFileSYT}`,
    own: READERS,
    other: ['administrator', 'councilMember'],
  },
];

describe.each(DATABASE_KINDS)(
  'authorization: every route × every role × own/other unit (%s)',
  (kind) => {
    let t: TestApp;
    let w: World;
    let as: Record<Exclude<Who, 'anonymous'>, Session>;

    beforeAll(async () => {
      t = await startTestApp(kind);
      w = await seedWorld(t);
      t.setTime('05/01/2023 09:00');
      const office = await t.request('POST', '/api/units/SYT/offices', {
        as: w.sessions.admin!,
        body: { name: 'Phòng Pháp chế' },
      });
      w.ids.officeSYT = (office.body as { id: string }).id;
      for (const [session, unitId] of [
        [w.sessions['cb.snv'], 'SNV'],
        [w.sessions['cb.syt'], 'SYT'],
      ] as const) {
        const r = await t.request('POST', `/api/units/${unitId}/monitoring`, {
          as: session,
          body: { title: '9 tháng đầu năm', asOf: '2022-09-30' },
        });
        w.ids[`__snapshot${unitId}`] = (r.body as { id: string }).id;
      }
      for (const [session, unitId] of [
        [w.sessions['cb.snv'], 'SNV'],
        [w.sessions['cb.syt'], 'SYT'],
      ] as const) {
        const body = multipart('tai-lieu.pdf', Buffer.concat([PDF, Buffer.from(unitId)]));
        const r = await t.request('POST', `${unit(unitId, w)}/evidence`, {
          as: session,
          payload: body.payload,
          headers: body.headers,
        });
        w.ids[`__evidence${unitId}`] = (r.body as { evidence: { id: string } }).evidence.id;
      }
      // One task per unit, led by its legal office, supported by none.
      for (const [session, unitId, officeId] of [
        [w.sessions['cb.snv'], 'SNV', w.ids.officeSNV],
        [w.sessions['cb.syt'], 'SYT', w.ids.officeSYT],
      ] as const) {
        const r = await t.request('POST', `/api/units/${unitId}/tasks`, {
          as: session,
          body: { title: 'Rà soát văn bản', leadOfficeId: officeId, deadline: '20/01/2023' },
        });
        w.ids[`__task${unitId}`] = (r.body as { id: string }).id;
      }
      // A finished task per unit serving 1.2 and 1.3, its file in a report, linked to 1.3.
      for (const [session, unitId, officeId] of [
        [w.sessions['cb.snv']!, 'SNV', w.ids.officeSNV],
        [w.sessions['cb.syt']!, 'SYT', w.ids.officeSYT],
      ] as const) {
        const call = async (method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown) =>
          (await t.request(method, url, { as: session, ...(body ? { body } : {}) })).body as {
            id: string;
            version: number;
            task: { version: number };
            evidence: { id: string };
          };
        const task = await call('POST', `/api/units/${unitId}/tasks`, {
          title: 'Ban hành kế hoạch CCHC',
          leadOfficeId: officeId,
          frameworkId: w.frameworkId,
          codes: ['1.2', '1.3'],
          deadline: '31/12/2022',
        });
        const upload = multipart(
          'ke-hoach.pdf',
          Buffer.concat([PDF, Buffer.from(`task ${unitId}`)]),
        );
        const file = (
          await t.request('POST', `/api/units/${unitId}/tasks/${task.id}/evidence`, {
            as: session,
            payload: upload.payload,
            headers: upload.headers,
          })
        ).body as { evidence: { id: string } };
        await call('POST', `/api/units/${unitId}/tasks/${task.id}/reports`, {
          text: 'Đã ban hành',
          evidenceIds: [file.evidence.id],
        });
        const current = await call('GET', `/api/units/${unitId}/tasks/${task.id}`);
        await call('POST', `/api/units/${unitId}/tasks/${task.id}/complete`, {
          version: current.task.version,
        });
        await call('PUT', `${unit(unitId, w)}/entries/1.3/evidence`, {
          evidenceId: file.evidence.id,
        });
        w.ids[`__taskFile${unitId}`] = file.evidence.id;
      }
      const queued = multipart(
        'don-vi.csv',
        'Mã đơn vị;Tên đơn vị;Loại\nH09;UBND huyện Kim Thành;huyện\n',
      );
      const imported = await t.request('POST', '/api/units/import', {
        as: w.sessions.admin!,
        payload: queued.payload,
        headers: queued.headers,
      });
      w.ids.__import = (imported.body as { id: string }).id;
      const token = await t.request('POST', '/api/api-tokens', {
        as: w.sessions.admin!,
        body: { name: 'Hệ thống một cửa tỉnh', scopes: ['statistics:write'] },
      });
      w.ids.__apiToken = (token.body as { token: { id: string } }).token.id;
      as = {
        administrator: w.sessions.admin!,
        unitOfficer: w.sessions['cb.snv']!,
        unitHead: w.sessions['tt.snv']!,
        appraiser: w.sessions.td1!,
        councilMember: w.sessions.hd1!,
        surveyClerk: w.sessions.np!,
        officeStaff: w.sessions['cb.phong']!,
        viewer: w.sessions.xem!,
      };
    }, 60_000);
    afterAll(async () => t.close());

    const WHO: Who[] = [...EVERYONE, 'anonymous'];
    for (const c of CASES) {
      for (const target of c.other === undefined ? (['SNV'] as const) : (['SNV', 'SYT'] as const)) {
        const allowed = target === 'SNV' ? c.own : (c.other ?? []);
        it(`${c.name} ${c.other === undefined ? '' : target === 'SNV' ? '(own unit)' : '(other unit)'}`, async () => {
          for (const who of WHO) {
            const session = who === 'anonymous' ? undefined : as[who];
            const url = c.url(target, w).replace(':viewer', w.ids.xem ?? '');
            const file = c.file && multipart(c.file.name, c.file.content);
            const r = await t.request(c.method, url, {
              ...(session ? { as: session } : {}),
              ...(file
                ? { payload: file.payload, headers: file.headers }
                : c.body
                  ? { body: c.body(who, w, target) }
                  : {}),
            });
            if (allowed.includes(who)) {
              expect(
                [401, 403],
                `${who} should be let through, got ${r.status} ${JSON.stringify(r.body)}`,
              ).not.toContain(r.status);
            } else {
              expect(r.status, `${who} should be refused`).toBe(
                who === 'anonymous' || c.tokenOnly ? 401 : 403,
              );
              // Nothing but the error: no data of the unit leaks with a refusal.
              expect(Object.keys(r.body as object)).toEqual(['error']);
            }
          }
        });
      }
    }

    it('shows a unit only itself in the period and in the results preview', async () => {
      const period = await t.request('GET', `/api/periods/${w.periodId}`, { as: as.unitOfficer });
      expect((period.body as { units: { unitId: string }[] }).units.map((u) => u.unitId)).toEqual([
        'SNV',
      ]);
      const results = await t.request('GET', `/api/periods/${w.periodId}/results`, {
        as: as.unitHead,
      });
      expect(
        (results.body as { groups: { results: { units: { id: string }[] } }[] }).groups.flatMap(
          (g) => g.results.units.map((u) => u.id),
        ),
      ).toEqual(['SNV']);
      const appraiser = await t.request('GET', `/api/periods/${w.periodId}`, { as: as.appraiser });
      expect(
        (appraiser.body as { units: { unitId: string }[] }).units.map((u) => u.unitId),
      ).toEqual(['SNV']);
    });

    it('refuses a change without the CSRF token even with a valid session cookie', async () => {
      const r = await t.app.inject({
        method: 'PUT',
        url: `${unit('SNV', w)}/entries/1.3`,
        headers: { cookie: as.unitOfficer.cookie },
        payload: { facts: { count: 1 }, version: 0 },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json<{ error: { message: string } }>().error.message).toBe(
        'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang rồi thử lại',
      );
    });
  },
);
