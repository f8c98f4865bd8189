import { auditQuery, auditResponse } from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { readAudit } from '../use-cases/audit/read-history.js';

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.withTypeProvider<ContractTypeProvider>().get(
    '/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi (mới nhất trước)',
        querystring: auditQuery,
        response: responds({ 200: auditResponse }),
      },
    },
    async (request) => readAudit(contextOf(request, deps), request.query),
  );
}
