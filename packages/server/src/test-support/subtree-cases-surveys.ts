import { A, AC, type SubtreeCase } from './subtree-matrix.js';
import type { Place, Secretariat, SubtreeWorld } from './subtree-world.js';

const survey =
  (suffix = '') =>
  (w: SubtreeWorld, p: Place) =>
    `/api/surveys/${w.survey[p]}${suffix}`;
const period = (suffix: string) => (w: SubtreeWorld, p: Place) =>
  `/api/periods/${w.period[p]}${suffix}`;
const framework = (suffix: string) => (w: SubtreeWorld, p: Place) =>
  `/api/frameworks/${w.framework[p]}${suffix}`;
/** Setup and entry: the administrator and the survey clerk. */
const AS: readonly Secretariat[] = ['administrator', 'surveyClerk'];
const FORMS = 'Số phiếu;Mã đơn vị;C1;C2;C3\nA-2;X11;A;A;\n';

/** A period's surveys (their chain is the period's owner's): setup, codes, paper forms, results. */
export const SURVEY_CASES: SubtreeCase[] = [
  {
    route: 'GET /api/periods/:periodId/surveys',
    url: period('/surveys'),
    allowed: [...AC, 'surveyClerk'],
  },
  {
    route: 'POST /api/periods/:periodId/surveys',
    url: period('/surveys'),
    body: () => ({ questionnaire: {} }),
    allowed: A,
  },
  {
    route: 'POST /api/periods/:periodId/surveys/import',
    url: period('/surveys/import'),
    file: { name: 'phieu.csv', content: 'Mã;Câu hỏi\nC1;Thử\n' },
    allowed: A,
  },
  { route: 'GET /api/surveys/:id', url: survey(), allowed: AS },
  {
    route: 'PUT /api/surveys/:id',
    url: survey(),
    body: () => ({ questionnaire: {}, recheckPercent: 10, version: 1 }),
    allowed: A,
  },
  {
    route: 'POST /api/surveys/:id/status',
    url: survey('/status'),
    body: () => ({ status: 'open' }),
    allowed: A,
  },
  { route: 'GET /api/surveys/:id/export.xlsx', url: survey('/export.xlsx'), allowed: AS },
  {
    route: 'PUT /api/surveys/:id/targets',
    url: survey('/targets'),
    body: () => ({ targets: [] }),
    allowed: A,
  },
  {
    route: 'POST /api/surveys/:id/frame/import',
    url: survey('/frame/import'),
    file: { name: 'khung-mau.csv', content: 'Mã đơn vị;Họ và tên\nX11;Nguyễn Văn An\n' },
    allowed: A,
  },
  {
    route: 'POST /api/surveys/:id/frame/sample',
    url: survey('/frame/sample'),
    body: () => ({}),
    allowed: A,
  },
  {
    route: 'POST /api/surveys/:id/codes',
    url: survey('/codes'),
    body: (w, p) => ({ unitId: w.periodUnit[p], count: 1 }),
    allowed: A,
  },
  { route: 'GET /api/surveys/:id/codes', url: survey('/codes'), allowed: A },
  { route: 'GET /api/surveys/:id/codes.xlsx', url: survey('/codes.xlsx'), allowed: A },
  {
    route: 'POST /api/surveys/:id/links',
    url: survey('/links'),
    body: (w, p) => ({ unitId: w.periodUnit[p] }),
    allowed: A,
  },
  {
    route: 'PUT /api/surveys/:id/links/:unitId/cap',
    url: (w, p) => survey(`/links/${w.periodUnit[p]}/cap`)(w, p),
    body: () => ({ dailyCap: 50 }),
    allowed: A,
  },
  {
    route: 'POST /api/surveys/:id/paper',
    url: survey('/paper'),
    body: (w, p) => ({ unitId: w.periodUnit[p], formNumber: 'A-1', answers: { C1: 'A' } }),
    allowed: AS,
  },
  { route: 'GET /api/surveys/:id/paper', url: survey('/paper'), allowed: AS },
  { route: 'GET /api/surveys/:id/rechecks', url: survey('/rechecks'), allowed: AS },
  {
    route: 'POST /api/surveys/:id/rechecks',
    url: survey('/rechecks'),
    body: () => ({ formNumber: 'A-1', answers: {} }),
    allowed: AS,
  },
  {
    route: 'POST /api/surveys/:id/rechecks/:responseId/resolve',
    url: survey('/rechecks/00000000-0000-4000-8000-000000000000/resolve'),
    body: () => ({ answers: {} }),
    allowed: AS,
  },
  {
    route: 'POST /api/surveys/:id/responses/import',
    url: survey('/responses/import'),
    file: { name: 'phieu.csv', content: FORMS },
    allowed: AS,
  },
  {
    route: 'POST /api/periods/:periodId/surveys/recompute',
    url: period('/surveys/recompute'),
    allowed: A,
  },
  {
    route: 'GET /api/periods/:periodId/surveys/results',
    url: period('/surveys/results'),
    allowed: AC,
  },
  {
    route: 'GET /api/periods/:periodId/surveys/results.xlsx',
    url: period('/surveys/results.xlsx'),
    allowed: AC,
  },
];

/** A framework's changes: its keeper's secretariat (its chain is the keeper's). */
export const FRAMEWORK_CASES: SubtreeCase[] = [
  {
    route: 'PATCH /api/frameworks/:id/nodes/:code',
    url: framework('/nodes/1.1'),
    body: () => ({ guidance: 'Hướng dẫn' }),
    allowed: A,
  },
  {
    route: 'PUT /api/frameworks/:id/policy',
    url: framework('/policy'),
    body: () => ({}),
    allowed: A,
  },
  { route: 'POST /api/frameworks/:id/review', url: framework('/review'), allowed: A },
  {
    route: 'PUT /api/frameworks/:id/code-map',
    url: framework('/code-map'),
    body: () => ({ previousFrameworkId: null, links: [] }),
    allowed: A,
  },
  {
    route: 'POST /api/frameworks/:id/nodes/:code/renumber',
    url: framework('/nodes/1.3/renumber'),
    body: () => ({ code: '1.4' }),
    allowed: A,
  },
];
