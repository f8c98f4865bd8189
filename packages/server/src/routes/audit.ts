import { auditFilterQuery, auditQuery, auditResponse } from '@chiso/contract';
import { vietnamDate } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, responds, XLSX_TYPE, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { exportAudit } from '../use-cases/audit/export-audit.js';
import { readAudit } from '../use-cases/audit/read-audit.js';

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  api.get(
    '/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi: lọc theo người, đơn vị, kỳ, thao tác, ngày; mới nhất trước',
        querystring: auditQuery,
        response: responds({ 200: auditResponse }),
      },
    },
    async (request) => readAudit(contextOf(request, deps), request.query),
  );

  api.get(
    '/audit.xlsx',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Tải nhật ký thay đổi (cùng bộ lọc) dạng Excel',
        querystring: auditFilterQuery,
        response: responds({ 200: download(XLSX_TYPE) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const bytes = await exportAudit(ctx, request.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="nhat-ky-${vietnamDate(ctx.now.getTime())}.xlsx"`,
        )
        .send(bytes);
    },
  );
}
