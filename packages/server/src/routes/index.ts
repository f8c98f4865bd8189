import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { authRoutes } from './auth.js';

/** Every API route, under /api. */
export async function registerRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
}
