// The HTTP contract of chiso: per resource, each route's request (params, query, body) and
// response as zod schemas. The server declares them on its routes (and checks every answer
// against them in tests); the web app takes its types from them (decision 0015).
export * from './common.js';
export * from './auth.js';
export * from './auth-oidc.js';
export * from './accounts-security.js';
export * from './units.js';
export * from './users.js';
export * from './frameworks.js';
export * from './periods.js';
export * from './results.js';
export * from './results-pages.js';
export * from './assessment.js';
export * from './audit.js';
export * from './surveys.js';
export * from './survey-entry.js';
export * from './public-surveys.js';
export * from './survey-results.js';
export * from './offices.js';
export * from './monitoring.js';
export * from './tasks.js';
export * from './notifications.js';
export * from './jobs.js';
export * from './imports.js';
export * from './plans.js';
export * from './public-results.js';
export * from './reports.js';
export * from './statistics.js';
export * from './api-tokens.js';
