import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_CASES, PERIOD_CASES } from './test-support/subtree-cases-periods.js';
import { FRAMEWORK_CASES, SURVEY_CASES } from './test-support/subtree-cases-surveys.js';
import { UNIT_CASES } from './test-support/subtree-cases-units.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';

/**
 * Kept at the install (decision 0024): only the province's secretariat acts on them, so a
 * district's is refused whatever it names (authorization.test.ts and subtree-authorization.test.ts
 * check the refusal).
 */
const PROVINCE_ONLY = [
  // The unit register: the tree decides every reach.
  'PUT /api/units/:id',
  'POST /api/units/import',
  'POST /api/units/:id/lineage',
  // The province-wide overviews and the province's task dispatches.
  'GET /api/monitoring/overview',
  'GET /api/plans/overview',
  'GET /api/tasks/overview',
  'POST /api/task-dispatches',
  'POST /api/task-dispatches/import',
  // The job queue.
  'GET /api/jobs',
  'POST /api/jobs/:id/retry',
  'POST /api/jobs/reminders-scan',
];

/** Not about one unit's, period's or framework's thing, each for the reason given. */
const NOT_UNIT_SCOPED = [
  // The interactive documentation, the web app's files, the health check.
  'GET /api/docs/',
  'GET /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'GET /api/docs/json',
  'GET /api/docs/yaml',
  'GET /api/docs/static/*',
  'GET /api/openapi.json',
  'GET /*',
  'GET /healthz',
  // One's own imports: the requester, or an administrator whose reach holds the unit the
  // import was asked in (imports.test.ts).
  'GET /api/imports/:id',
  'POST /api/imports/:id/cancel',
  // One's own session and notifications.
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/auth/session',
  // Signing in through the province's OpenID Connect provider (0037): no session yet.
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'POST /api/auth/password',
  'GET /api/auth/totp',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
  'POST /api/auth/totp/verify',
  'POST /api/auth/totp/disable',
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'POST /api/notifications/:id/read',
  'POST /api/notifications/read-all',
  'GET /api/notifications/preferences',
  'PUT /api/notifications/preferences',
  // Public: the portal, the published periods, the respondents' forms (their code or link).
  'GET /api/unit-types',
  'GET /api/published-periods',
  'GET /api/public/results',
  'GET /api/public/results/:periodId',
  'GET /api/public/results/:periodId/blocks/:group',
  'GET /api/public/results/:periodId/units/:unitId',
  'GET /api/public/results/:periodId/data.csv',
  'GET /api/public/results/:periodId/data.json',
  'GET /api/public/results/:periodId/data.xlsx',
  'GET /api/public/results/:periodId/data-dictionary.csv',
  'GET /api/public/surveys/code/:code',
  'PUT /api/public/surveys/code/:code/draft',
  'POST /api/public/surveys/code/:code',
  'GET /api/public/surveys/link/:token',
  'PUT /api/public/surveys/link/:token/draft',
  'POST /api/public/surveys/link/:token',
  // Lists filtered to the reach (subtree-authorization.test.ts checks what each shows).
  'GET /api/units',
  'GET /api/users',
  'GET /api/frameworks',
  'GET /api/periods',
  // What the actor creates is its own secretariat's; an account's unit is checked from the
  // body (subtree-authorization.test.ts: inside the subtree only, never install-wide).
  'POST /api/periods',
  'POST /api/frameworks/import',
  'POST /api/users',
  'POST /api/users/import',
  // A secretariat's API tokens: listed, rotated and revoked within its own subtree, and the
  // push routes take a token, never a session (api-tokens.test.ts; subtree-authorization.test.ts
  // checks a district's token and tokens against a sibling's and the province's periods).
  'GET /api/api-tokens',
  'POST /api/api-tokens',
  'POST /api/api-tokens/:id/rotate',
  'POST /api/api-tokens/:id/revoke',
  'POST /api/push/periods/:periodId/statistics',
  'GET /api/push/periods/:periodId/statistics',
  // Reading a framework is open to every account, and so is copying one into one's own.
  'GET /api/frameworks/:id',
  'GET /api/frameworks/:id/code-map',
  'POST /api/frameworks/:id/copy',
];

const MATRIX = [
  ...PERIOD_CASES,
  ...ASSESSMENT_CASES,
  ...SURVEY_CASES,
  ...FRAMEWORK_CASES,
  ...UNIT_CASES,
].map((c) => c.route as string);

const methodsOf = (route: RouteOptions) =>
  (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');

describe('the subtree matrix covers every route', () => {
  let t: TestApp;
  let routes: string[];
  beforeAll(async () => {
    t = await startTestApp('pglite');
    routes = t.routes.flatMap((r) => methodsOf(r).map((m) => `${m} ${r.url}`));
  }, 60_000);
  afterAll(async () => t.close());

  it('puts each route in the matrix, or says why not (province-only, not unit-scoped)', () => {
    expect(routes.length).toBeGreaterThan(150);
    const listed = new Set([...MATRIX, ...PROVINCE_ONLY, ...NOT_UNIT_SCOPED]);
    const forgotten = routes.filter((route) => !listed.has(route));
    expect(
      forgotten,
      'routes in no list: add them to the matrix (test-support/subtree-cases-*.ts) or to a list here',
    ).toEqual([]);
    const stale = [...listed].filter((route) => !routes.includes(route));
    expect(stale, 'listed routes the app no longer has').toEqual([]);
    const twice = [...PROVINCE_ONLY, ...NOT_UNIT_SCOPED].filter(
      (route) => MATRIX.includes(route) || PROVINCE_ONLY.filter((r) => r === route).length > 1,
    );
    expect(twice, 'a route both tried in the matrix and listed as outside it').toEqual([]);
  });
});
