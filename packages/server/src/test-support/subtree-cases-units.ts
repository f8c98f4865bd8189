import { AC, NONE, A, type SubtreeCase } from './subtree-matrix.js';
import type { Place, SubtreeWorld } from './subtree-world.js';
import { PDF } from './world.js';

const unit =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/units/${w.unit[p]}${suffix}`;
const task =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/units/${w.unit[p]}/tasks/${w.task[p]}${suffix}`;
const snapshot =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/units/${w.unit[p]}/monitoring/${w.snapshot[p]}${suffix}`;
/** A unit's plan for the period it takes part in (none yet: allowed readers get 404, not 403). */
const plan =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/units/${w.unit[p]}/plans/${w.period[p]}${suffix}`;
let counter = 0;

/**
 * A unit's own work (decision 0024: the unit itself is its chain): offices, responsibilities,
 * monitoring, plans and tasks of X11 (H1's commune), X21 (H2's) and SNV (the province's
 * department). A secretariat reads them; the unit's people change them.
 */
export const UNIT_CASES: SubtreeCase[] = [
  {
    // A unit's account: its officer (cb.x11, cb.x21, cb.snv).
    route: 'PATCH /api/users/:id',
    url: (w, p) => `/api/users/${w.userIds[`cb.${w.unit[p].toLowerCase()}`]}`,
    body: () => ({ fullName: 'Cán bộ đầu mối' }),
    allowed: A,
  },
  {
    // Two-factor sign-in turned off for someone (not on: the allowed get 409, not 403).
    route: 'POST /api/users/:id/totp/disable',
    url: (w, p) => `/api/users/${w.userIds[`cb.${w.unit[p].toLowerCase()}`]}/totp/disable`,
    allowed: A,
  },
  {
    // The plans of a period's units, drafted from its results.
    route: 'POST /api/plans/generate',
    url: () => '/api/plans/generate',
    body: (w, p) => ({ periodId: w.period[p] }),
    allowed: A,
  },
  { route: 'GET /api/units/:unitId/offices', url: unit('/offices'), allowed: AC },
  {
    route: 'POST /api/units/:unitId/offices',
    url: unit('/offices'),
    body: () => ({ name: `Phòng thử ${++counter}` }),
    allowed: A,
  },
  {
    route: 'PUT /api/units/:unitId/offices/:officeId',
    url: (w, p) => `/api/units/${w.unit[p]}/offices/${w.office[p]}`,
    body: () => ({ position: ++counter }),
    allowed: A,
  },
  { route: 'GET /api/units/:unitId/responsibilities', url: unit('/responsibilities'), allowed: AC },
  {
    route: 'PUT /api/units/:unitId/responsibilities/:frameworkId/:code',
    url: (w, p) => `/api/units/${w.unit[p]}/responsibilities/${w.framework[p]}/1.1`,
    body: (w, p) => ({ leadOfficeId: w.office[p], supportingOfficeIds: [] }),
    allowed: A,
  },
  { route: 'GET /api/units/:unitId/monitoring', url: unit('/monitoring'), allowed: AC },
  {
    route: 'POST /api/units/:unitId/monitoring',
    url: unit('/monitoring'),
    body: () => ({ title: `Bản thử ${++counter}`, asOf: '2022-09-30' }),
    allowed: NONE,
  },
  { route: 'GET /api/units/:unitId/monitoring/:snapshotId', url: snapshot(), allowed: AC },
  {
    route: 'GET /api/units/:unitId/monitoring/:snapshotId/workbook.xlsx',
    url: snapshot('/workbook.xlsx'),
    allowed: AC,
  },
  {
    route: 'GET /api/units/:unitId/monitoring/:snapshotId/document.docx',
    url: snapshot('/document.docx'),
    allowed: AC,
  },
  {
    route: 'PUT /api/units/:unitId/monitoring/:snapshotId',
    url: snapshot(),
    body: () => ({ title: `Tên ${++counter}`, version: 0 }),
    allowed: NONE,
  },
  {
    route: 'PUT /api/units/:unitId/monitoring/:snapshotId/rows/:code',
    url: snapshot('/rows/1.1'),
    body: () => ({
      expectedPoints: '1',
      reason: null,
      reasonText: null,
      officeId: null,
      version: 0,
    }),
    allowed: NONE,
  },
  { route: 'GET /api/units/:unitId/plans', url: unit('/plans'), allowed: AC },
  {
    route: 'POST /api/units/:unitId/plans',
    url: unit('/plans'),
    body: (w, p) => ({ periodId: w.period[p] }),
    allowed: NONE,
  },
  { route: 'GET /api/units/:unitId/plans/:periodId', url: plan(), allowed: AC },
  {
    route: 'PUT /api/units/:unitId/plans/:periodId',
    url: plan(),
    body: () => ({ purpose: 'Mục đích', version: 0 }),
    allowed: NONE,
  },
  {
    route: 'PUT /api/units/:unitId/plans/:periodId/rows/:code',
    url: plan('/rows/1.1'),
    body: () => ({ target: '1', version: 0 }),
    allowed: NONE,
  },
  {
    route: 'POST /api/units/:unitId/plans/:periodId/approve',
    url: plan('/approve'),
    body: () => ({ version: 0 }),
    allowed: NONE,
  },
  {
    route: 'POST /api/units/:unitId/plans/:periodId/reopen',
    url: plan('/reopen'),
    body: () => ({ version: 0 }),
    allowed: NONE,
  },
  {
    route: 'GET /api/units/:unitId/plans/:periodId/plan.xlsx',
    url: plan('/plan.xlsx'),
    allowed: AC,
  },
  {
    route: 'GET /api/units/:unitId/plans/:periodId/plan.docx',
    url: plan('/plan.docx'),
    allowed: AC,
  },
  {
    route: 'POST /api/units/:unitId/plans/:periodId/import',
    url: (w, p) => `/api/units/${w.unit[p]}/plans/${w.period[p]}/import?preview=true`,
    file: { name: 'ke-hoach.csv', content: 'Stt;Mục tiêu năm 2023\n1.1;1\n' },
    allowed: NONE,
  },
  {
    route: 'POST /api/units/:unitId/plans/:periodId/tasks',
    url: plan('/tasks'),
    body: () => ({ codes: ['1.1'], version: 0 }),
    allowed: NONE,
  },
  { route: 'GET /api/units/:unitId/tasks', url: unit('/tasks'), allowed: AC },
  {
    route: 'POST /api/units/:unitId/tasks',
    url: unit('/tasks'),
    body: () => ({ title: 'Nhiệm vụ thử', leadOfficeId: null, deadline: '20/01/2023' }),
    allowed: NONE,
  },
  {
    route: 'GET /api/units/:unitId/tasks/calendar',
    url: unit('/tasks/calendar?month=2023-01'),
    allowed: AC,
  },
  { route: 'GET /api/units/:unitId/tasks/:taskId', url: task(), allowed: AC },
  {
    route: 'PUT /api/units/:unitId/tasks/:taskId',
    url: task(),
    body: () => ({ target: 'Hoàn thành 100%', version: 999 }),
    allowed: NONE,
  },
  ...(['start', 'complete', 'reopen'] as const).map((verb): SubtreeCase => ({
    route: `POST /api/units/:unitId/tasks/:taskId/${verb}`,
    url: task(`/${verb}`),
    body: () => ({ version: 999 }),
    allowed: NONE,
  })),
  {
    route: 'POST /api/units/:unitId/tasks/:taskId/evidence',
    url: task('/evidence'),
    file: { name: 'bao-cao-nhiem-vu.pdf', content: PDF },
    allowed: NONE,
  },
  {
    route: 'POST /api/units/:unitId/tasks/:taskId/reports',
    url: task('/reports'),
    body: () => ({ text: 'Đã triển khai', percent: 50 }),
    allowed: NONE,
  },
  {
    route: 'GET /api/units/:unitId/tasks/:taskId/evidence/:evidenceId',
    url: (w, p) => `/api/units/${w.unit[p]}/tasks/${w.task[p]}/evidence/${w.taskFile[p]}`,
    allowed: AC,
  },
];
