import {
  copyFrameworkBody,
  frameworkNodeParams,
  frameworkParams,
  frameworkResponse,
  frameworksResponse,
  importFrameworkQuery,
  importJobResponse,
  policyBody,
  updateNodeBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { multipart, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { listFrameworkRows } from '../repositories/frameworks.js';
import { inReach, reachOf } from '../use-cases/reach.js';
import { copyFramework } from '../use-cases/frameworks/copy-framework.js';
import { IMPORT_KINDS } from '../use-cases/imports/import-kinds.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { presentFrameworkSummary } from '../use-cases/frameworks/present-framework.js';
import {
  getFramework,
  updateFrameworkNode,
  updateFrameworkPolicy,
} from '../use-cases/frameworks/update-framework.js';

const tags = ['Bộ chỉ số'];

export async function frameworkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/frameworks',
    {
      schema: {
        tags,
        summary: 'Các bộ chỉ số theo năm và loại đơn vị',
        response: responds({ 200: frameworksResponse }),
      },
    },
    async (request) => {
      const reach = await reachOf(contextOf(request, deps));
      const rows = await listFrameworkRows(deps.db);
      return rows.filter((r) => inReach(reach, r.ownerUnitId)).map(presentFrameworkSummary);
    },
  );

  api.get(
    '/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Cây bộ chỉ số với quy tắc chấm, tài liệu kiểm chứng, hướng dẫn',
        params: frameworkParams,
        response: responds({ 200: frameworkResponse }),
      },
    },
    async (request) => getFramework(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/frameworks/import',
    {
      schema: {
        tags,
        summary:
          'Nhập bộ chỉ số từ bảng .xlsx/.csv, chạy nền (preview=true: chỉ kiểm tra, không lưu; theo dõi ở /imports/:id)',
        querystring: importFrameworkQuery,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const { preview, ...meta } = request.query;
      const kind = preview === 'true' ? 'frameworkPreview' : 'framework';
      // Who asks is refused before the file is read, as before.
      await IMPORT_KINDS[kind].authorize(ctx, meta);
      const file = await openUploadedFile(request);
      return reply.status(202).send(await queueImport(ctx, kind, file, meta));
    },
  );

  api.patch(
    '/frameworks/:id/nodes/:code',
    {
      schema: {
        tags,
        summary: 'Sửa quy tắc chấm, tài liệu kiểm chứng, phạm vi áp dụng, hướng dẫn của một mục',
        params: frameworkNodeParams,
        body: updateNodeBody,
        response: responds({ 200: frameworkResponse }),
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
        params: frameworkParams,
        body: policyBody,
        response: responds({ 200: frameworkResponse }),
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
        params: frameworkParams,
        body: copyFrameworkBody,
        response: responds({ 201: frameworkResponse }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await copyFramework(contextOf(request, deps), request.params.id, request.body)),
  );
}
