import { policySchema, ruleSchema } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { readUploadedTables } from '../http/uploads.js';
import { listFrameworkRows } from '../repositories/frameworks.js';
import { authorize, requireActor } from '../use-cases/authorize.js';
import { copyFramework } from '../use-cases/frameworks/copy-framework.js';
import { importFramework, previewFramework } from '../use-cases/frameworks/import-framework.js';
import {
  getFramework,
  updateFrameworkNode,
  updateFrameworkPolicy,
} from '../use-cases/frameworks/update-framework.js';

const tags = ['Bộ chỉ số'];
const frameworkId = z.object({ id: z.uuid('mã bộ chỉ số không hợp lệ') });
const importQuery = z.object({
  name: z.string().trim().min(1).max(300),
  year: z.coerce.number().int().min(2000).max(2100),
  unitType: z.string().trim().min(1),
  preview: z.enum(['true', 'false']).default('false'),
});

export async function frameworkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/frameworks',
    { schema: { tags, summary: 'Các bộ chỉ số theo năm và loại đơn vị' } },
    async (request) => {
      requireActor(contextOf(request, deps));
      return listFrameworkRows(deps.db);
    },
  );

  api.get(
    '/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Cây bộ chỉ số với quy tắc chấm, tài liệu kiểm chứng, hướng dẫn',
        params: frameworkId,
      },
    },
    async (request) => getFramework(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/frameworks/import',
    {
      schema: {
        tags,
        summary: 'Nhập bộ chỉ số từ bảng .xlsx/.csv (preview=true: chỉ kiểm tra, không lưu)',
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      authorize(ctx, 'administer');
      const tables = await readUploadedTables(request);
      const { preview, ...meta } = request.query;
      if (preview === 'true') {
        const { table, framework } = previewFramework(tables, meta);
        return {
          nodes: framework.nodes.length,
          areas: framework.areas.map((a) => ({
            code: a.code,
            title: a.title,
            maxPoints: a.maxPoints.toString(),
          })),
          leaves: framework.leaves.length,
          maxPoints: framework.maxPoints.toString(),
          achieved: Object.fromEntries(
            [...table.achieved].map(([code, points]) => [code, points.toString()]),
          ),
        };
      }
      return reply.status(201).send(await importFramework(ctx, tables, meta));
    },
  );

  api.patch(
    '/frameworks/:id/nodes/:code',
    {
      schema: {
        tags,
        summary: 'Sửa quy tắc chấm, tài liệu kiểm chứng, phạm vi áp dụng, hướng dẫn của một mục',
        params: frameworkId.extend({ code: z.string().min(1).max(40) }),
        body: z.object({
          rule: ruleSchema.nullable().optional(),
          evidence: z.array(z.string().trim().min(1)).optional(),
          appliesTo: z.array(z.string().trim().min(1)).optional(),
          guidance: z.string().max(5000).nullable().optional(),
          title: z.string().trim().min(1).max(1000).optional(),
        }),
      },
    },
    async (request) =>
      updateFrameworkNode(
        contextOf(request, deps),
        request.params.id,
        request.params.code,
        request.body,
      ),
  );

  api.put(
    '/frameworks/:id/policy',
    {
      schema: {
        tags,
        summary: 'Nhóm xếp loại, xếp loại người đứng đầu, cảnh báo',
        params: frameworkId,
        body: policySchema,
      },
    },
    async (request) =>
      updateFrameworkPolicy(contextOf(request, deps), request.params.id, request.body),
  );

  api.post(
    '/frameworks/:id/copy',
    {
      schema: {
        tags,
        summary: 'Sao chép sang năm mới',
        params: frameworkId,
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          name: z.string().trim().min(1).max(300).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await copyFramework(contextOf(request, deps), request.params.id, request.body)),
  );
}
