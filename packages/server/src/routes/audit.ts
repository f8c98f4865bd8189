import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { readAudit } from '../use-cases/audit/read-history.js';

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi (mới nhất trước)',
        querystring: z.object({
          entityType: z.string().optional(),
          entityId: z.string().optional(),
          periodId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
    },
    async (request) => readAudit(contextOf(request, deps), request.query),
  );
}
