import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';

export async function surveyRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {
  // Filled by the issue-5 work in progress.
}
