import { A, AC, APC, NONE, type SubtreeCase } from './subtree-matrix.js';
import type { Place, SubtreeWorld } from './subtree-world.js';
import { PDF } from './world.js';

const period =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/periods/${w.period[p]}${suffix}`;
const entry = (suffix: string) => (w: SubtreeWorld, p: Place) =>
  `/api/periods/${w.period[p]}/units/${w.periodUnit[p]}${suffix}`;
const STATISTICS = 'Đơn vị;Số hồ sơ đã giải quyết;Đúng hạn\nX11;596;574\n';
const MAPPING = encodeURIComponent(
  JSON.stringify({ headerRow: 1, columns: { A: 'unit', B: 'resolved', C: 'resolvedOnTime' } }),
);

/** A period's own routes: windows, appraisers, council, publication, results, report, errata, statistics. */
export const PERIOD_CASES: SubtreeCase[] = [
  // First: the appraisal, before anything else changes the period.
  {
    route: 'PUT /api/periods/:periodId/units/:unitId/entries/:code/appraisal',
    url: entry('/entries/1.2/appraisal'),
    body: () => ({ points: 1, version: 0 }),
    allowed: ['appraiser'],
  },
  {
    route: 'POST /api/periods/:periodId/units/:unitId/finalise',
    url: entry('/finalise'),
    allowed: ['appraiser'],
  },
  // Every account reads a period it reaches (the survey clerk enters its surveys' forms).
  {
    route: 'GET /api/periods/:id',
    url: period(),
    allowed: ['administrator', 'appraiser', 'councilMember', 'surveyClerk'],
  },
  { route: 'PUT /api/periods/:id/windows', url: period('/windows'), body: () => ({}), allowed: A },
  {
    route: 'POST /api/periods/:id/extensions',
    url: period('/extensions'),
    body: (w, p) => ({
      unitId: w.periodUnit[p],
      kind: 'selfAssessment',
      closesAt: '11/01/2023 17:00',
      reason: 'Gia hạn',
    }),
    allowed: A,
  },
  {
    route: 'PUT /api/periods/:id/units/:unitId/appraisers',
    url: entry('/appraisers'),
    body: (w, p) => ({
      appraiserIds: p === 'province' ? [] : [w.userIds[`td.${p.toLowerCase()}`]],
    }),
    allowed: A,
  },
  {
    route: 'POST /api/periods/:id/approve',
    url: period('/approve'),
    body: () => ({ decisionNumber: '1/QĐ', decisionDate: '2023-01-25' }),
    allowed: AC,
  },
  { route: 'POST /api/periods/:id/publish', url: period('/publish'), allowed: A },
  {
    route: 'PUT /api/periods/:id/public-from',
    url: period('/public-from'),
    body: () => ({ publicFrom: '2030-01-01T08:00:00+07:00' }),
    allowed: A,
  },
  { route: 'GET /api/periods/:id/results', url: period('/results'), allowed: APC },
  { route: 'GET /api/periods/:id/results.xlsx', url: period('/results.xlsx'), allowed: APC },
  {
    route: 'GET /api/periods/:id/results/ranking',
    url: period('/results/ranking'),
    allowed: APC,
  },
  {
    route: 'GET /api/periods/:id/results/units/:unitId',
    url: (w, p) => `/api/periods/${w.period[p]}/results/units/${w.periodUnit[p]}`,
    allowed: APC,
  },
  { route: 'GET /api/periods/:id/errata/preview', url: period('/errata/preview'), allowed: A },
  {
    route: 'POST /api/periods/:id/errata',
    url: period('/errata'),
    body: () => ({
      decisionNumber: '2/QĐ',
      decisionDate: '2023-02-25',
      reason: 'Đính chính',
      changesFingerprint: 'x',
    }),
    allowed: A,
  },
  {
    route: 'PUT /api/periods/:periodId/units/:unitId/entries/:code/correction',
    url: entry('/entries/1.2/correction'),
    body: () => ({ points: 1, reason: 'Sửa sai sót', version: 0 }),
    allowed: A,
  },
  {
    route: 'GET /api/periods/:id/council-decision.docx',
    url: period('/council-decision.docx'),
    allowed: AC,
  },
  { route: 'GET /api/periods/:id/report', url: period('/report'), allowed: AC },
  {
    route: 'PUT /api/periods/:id/report',
    url: period('/report'),
    body: () => ({ version: 0, options: { place: 'Hải Dương' } }),
    allowed: A,
  },
  { route: 'GET /api/periods/:id/report.docx', url: period('/report.docx'), allowed: AC },
  {
    route: 'GET /api/periods/:id/report-appendix.docx',
    url: period('/report-appendix.docx'),
    allowed: AC,
  },
  {
    route: 'GET /api/periods/:id/report-appendix.xlsx',
    url: period('/report-appendix.xlsx'),
    allowed: AC,
  },
  {
    route: 'GET /api/audit',
    label: "a period's trail",
    url: (w, p) => `/api/audit?periodId=${w.period[p]}`,
    allowed: A,
  },
  {
    route: 'GET /api/audit.xlsx',
    label: "a period's trail as a spreadsheet",
    url: (w, p) => `/api/audit.xlsx?periodId=${w.period[p]}`,
    allowed: A,
  },
  {
    route: 'POST /api/periods/:periodId/statistics/preview',
    url: period('/statistics/preview'),
    file: { name: 'thong-ke.csv', content: STATISTICS },
    allowed: A,
  },
  {
    route: 'POST /api/periods/:periodId/statistics/import',
    url: (w, p) => `/api/periods/${w.period[p]}/statistics/import?mapping=${MAPPING}`,
    file: { name: 'thong-ke.csv', content: STATISTICS },
    allowed: A,
  },
  { route: 'GET /api/periods/:periodId/statistics', url: period('/statistics'), allowed: A },
  {
    route: 'GET /api/periods/:periodId/statistics/late-dossiers',
    url: period('/statistics/late-dossiers'),
    allowed: A,
  },
  {
    route: 'GET /api/periods/:periodId/statistics/late-dossiers.xlsx',
    url: period('/statistics/late-dossiers.xlsx'),
    allowed: A,
  },
];

/** A unit's assessment inside a period: the secretariat reads it; the unit's people change it. */
export const ASSESSMENT_CASES: SubtreeCase[] = [
  {
    route: 'GET /api/periods/:periodId/units/:unitId/assessment',
    url: entry('/assessment'),
    allowed: APC,
  },
  {
    route: 'GET /api/periods/:periodId/units/:unitId/entries/:code/history',
    url: entry('/entries/1.2/history'),
    allowed: APC,
  },
  {
    route: 'GET /api/periods/:periodId/units/:unitId/appraisal-record.docx',
    url: entry('/appraisal-record.docx'),
    allowed: APC,
  },
  {
    route: 'GET /api/periods/:periodId/units/:unitId/self-assessment-report.docx',
    url: entry('/self-assessment-report.docx'),
    allowed: APC,
  },
  { route: 'GET /api/evidence/:id', url: (w, p) => `/api/evidence/${w.evidence[p]}`, allowed: APC },
  {
    route: 'PUT /api/periods/:periodId/units/:unitId/entries/:code',
    url: entry('/entries/1.2'),
    body: () => ({ facts: { onTime: 4 }, version: 0 }),
    allowed: NONE,
  },
  {
    route: 'PUT /api/periods/:periodId/units/:unitId/entries/:code/evidence',
    url: entry('/entries/1.2/evidence'),
    body: (w, p) => ({ evidenceId: w.evidence[p], pageRef: 'tr. 1' }),
    allowed: NONE,
  },
  {
    route: 'POST /api/periods/:periodId/units/:unitId/evidence',
    url: entry('/evidence'),
    file: { name: 'bao-cao.pdf', content: PDF },
    allowed: NONE,
  },
  {
    route: 'POST /api/periods/:periodId/units/:unitId/submit',
    url: entry('/submit'),
    allowed: NONE,
  },
  {
    route: 'PUT /api/periods/:periodId/units/:unitId/entries/:code/response',
    url: entry('/entries/1.2/response'),
    body: () => ({ response: 'Giải trình', version: 0 }),
    allowed: NONE,
  },
];
