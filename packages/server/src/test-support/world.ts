import type { Role } from '@chiso/core';
import { type Session, type TestApp } from './test-app.js';
import { samplePdf } from '../demo/pdf.js';
import { imported, type Importer } from './import-jobs.js';

/** CSV as a spreadsheet program writes it: semicolons, quotes doubled where needed. */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(';')).join('\n')}\n`;
}

/** A small department framework with a rule of each common shape; max 10. */
export const TEST_FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm', 'Tài liệu kiểm chứng'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '4', null, null],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm',
    '1',
    '{"kind":"timeliness","deadline":"2022-01-31","latePoints":"0,5"}',
    'Kế hoạch CCHC năm',
  ],
  ['1.2', 'Báo cáo CCHC định kỳ', '1', '{"kind":"countOnTime","required":4}', 'Các báo cáo quý'],
  [
    '1.3',
    'Sáng kiến CCHC được công nhận',
    '2',
    '{"kind":"perItem","pointsPerItem":1}',
    'Quyết định công nhận',
  ],
  ['3', 'Cải cách thủ tục hành chính', '3', null, null],
  [
    '3.1',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    '1',
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":0,"points":"0,95"}]}',
    'Báo cáo kết quả giải quyết TTHC',
  ],
  ['3.2', 'Công khai thủ tục hành chính', '2', '{"kind":"manual","step":"0,25"}', null],
  ['7', 'Chính quyền điện tử, chính quyền số', '3', null, null],
  [
    '7.1',
    'Hồ sơ trực tuyến toàn trình (đủ điểm từ 50%)',
    '3',
    '{"kind":"proportional","fullAtPercent":50}',
    null,
  ],
]);

/** Hải Dương 2022's calendar (seed 001), with the later steps added. */
export const WINDOWS = {
  selfAssessment: { opensAt: '25/12/2022 00:00', closesAt: '10/01/2023 24:00' },
  appraisal: { opensAt: '11/01/2023 00:00', closesAt: '16/01/2023 24:00' },
  explanation: { opensAt: '17/01/2023 00:00', closesAt: '20/01/2023 24:00' },
  council: { opensAt: '21/01/2023 00:00', closesAt: '31/01/2023 24:00' },
  publication: { opensAt: '01/02/2023 00:00', closesAt: '31/12/2023 24:00' },
};

export const PDF = samplePdf(['Báo cáo kết quả CCHC']);

export interface World {
  periodId: string;
  frameworkId: string;
  sessions: Record<string, Session>;
  ids: Record<string, string>;
}

const ACCOUNTS: [username: string, role: Role, unit?: string][] = [
  ['admin', 'administrator'],
  ['cb.snv', 'unitOfficer', 'SNV'],
  ['tt.snv', 'unitHead', 'SNV'],
  ['cb.syt', 'unitOfficer', 'SYT'],
  ['tt.syt', 'unitHead', 'SYT'],
  ['td1', 'appraiser'],
  ['td2', 'appraiser'],
  ['hd1', 'councilMember'],
  ['np', 'surveyClerk'],
  ['xem', 'viewer'],
];

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/**
 * A province with two departments (Sở Nội vụ, Sở Y tế), a district, accounts for every role
 * (cb.phong is the staff of Sở Nội vụ's "Phòng Pháp chế", ids.officeSNV),
 * the test framework and the 2022 period with its windows; td1 appraises SNV, td2 SYT.
 */
export async function seedWorld(
  t: Pick<TestApp, 'createAccount' | 'login' | 'request'> & Importer,
): Promise<World> {
  const ids: Record<string, string> = {};
  ids.admin = await t.createAccount('admin', 'administrator');
  const admin = await t.login('admin');
  for (const [id, name, type] of [
    ['SNV', 'Sở Nội vụ', 'so'],
    ['SYT', 'Sở Y tế', 'so'],
    ['H01', 'UBND huyện Nam Sách', 'huyen'],
  ] as const) {
    await ok(
      t.request('PUT', `/api/units/${id}`, { as: admin, body: { name, type } }),
      `unit ${id}`,
    );
  }
  for (const [username, role, unit] of ACCOUNTS.slice(1))
    ids[username] = await t.createAccount(username, role, unit);
  // Sở Nội vụ's legal office and its staff member (an office's staff, issue 10).
  const office = await ok(
    t.request('POST', '/api/units/SNV/offices', { as: admin, body: { name: 'Phòng Pháp chế' } }),
    'office',
  );
  ids.officeSNV = String(office.id);
  ids['cb.phong'] = await t.createAccount('cb.phong', 'officeStaff', 'SNV', ids.officeSNV);
  const framework = await imported<{ id: string }>(
    t,
    '/api/frameworks/import?name=B%E1%BB%99%20ch%E1%BB%89%20s%E1%BB%91%20s%E1%BB%9F%202022&year=2022&unitType=so',
    { name: 'bo-chi-so-so-2022.csv', content: TEST_FRAMEWORK_CSV },
    admin,
  );
  const period = await ok(
    t.request('POST', '/api/periods', {
      as: admin,
      body: {
        name: 'Chỉ số CCHC năm 2022',
        year: 2022,
        frameworks: { so: framework.id },
        windows: WINDOWS,
      },
    }),
    'period',
  );
  const periodId = String(period.id);
  await ok(
    t.request('PUT', `/api/periods/${periodId}/units/SNV/appraisers`, {
      as: admin,
      body: { appraiserIds: [ids.td1] },
    }),
    'assign SNV',
  );
  await ok(
    t.request('PUT', `/api/periods/${periodId}/units/SYT/appraisers`, {
      as: admin,
      body: { appraiserIds: [ids.td2] },
    }),
    'assign SYT',
  );
  const sessions: Record<string, Session> = { admin };
  for (const [username] of ACCOUNTS.slice(1)) sessions[username] = await t.login(username);
  sessions['cb.phong'] = await t.login('cb.phong');
  return { periodId, frameworkId: String(framework.id), sessions, ids };
}

/** A district framework with seed 000's 1.6.1: points lost per task not done on time. */
export const DISTRICT_TASKS_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '4', null],
  ['1.2', 'Sáng kiến CCHC được công nhận', '2', '{"kind":"perItem","pointsPerItem":1}'],
  ['1.6', 'Thực hiện nhiệm vụ được giao', '2', null],
  [
    '1.6.1',
    'Thực hiện các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao',
    '2',
    '{"kind":"deduction","pointsPerOccurrence":"0,5"}',
  ],
]);
