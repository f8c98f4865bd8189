import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { assessmentRoutes } from './assessment.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { documentRoutes } from './documents.js';
import { frameworkCopyRoutes } from './framework-copy.js';
import { frameworkRoutes } from './frameworks.js';
import { monitoringRoutes } from './monitoring.js';
import { officeRoutes } from './offices.js';
import { jobRoutes } from './jobs.js';
import { notificationRoutes } from './notifications.js';
import { periodRoutes } from './periods.js';
import { publicResultsRoutes } from './public-results.js';
import { publicSurveyRoutes } from './public-surveys.js';
import { resultsRoutes } from './results.js';
import { surveyEntryRoutes } from './survey-entry.js';
import { surveyResultsRoutes } from './survey-results.js';
import { surveyRoutes } from './surveys.js';
import { taskRoutes } from './tasks.js';
import { planRoutes } from './plans.js';
import { unitRoutes } from './units.js';
import { userRoutes } from './users.js';

/** Every API route, under /api. */
export async function registerRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
  await unitRoutes(app, deps);
  await userRoutes(app, deps);
  await officeRoutes(app, deps);
  await monitoringRoutes(app, deps);
  await frameworkRoutes(app, deps);
  await frameworkCopyRoutes(app, deps);
  await periodRoutes(app, deps);
  await resultsRoutes(app, deps);
  await assessmentRoutes(app, deps);
  await documentRoutes(app, deps);
  await surveyRoutes(app, deps);
  await surveyEntryRoutes(app, deps);
  await publicSurveyRoutes(app, deps);
  await publicResultsRoutes(app, deps);
  await surveyResultsRoutes(app, deps);
  await taskRoutes(app, deps);
  await planRoutes(app, deps);
  await auditRoutes(app, deps);
  await notificationRoutes(app, deps);
  await jobRoutes(app, deps);
}
