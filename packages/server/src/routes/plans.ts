import {
  createPlanBody,
  generatePlansResponse,
  importJobResponse,
  planImportQuery,
  planParams,
  planQuery,
  planResponse,
  planRowParams,
  plansOverviewQuery,
  plansOverviewResponse,
  planTasksBody,
  planTasksResponse,
  planVersionBody,
  unitPlansParams,
  unitPlansResponse,
  updatePlanBody,
  updatePlanRowBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, multipart, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { approvePlan } from '../use-cases/plans/approve-plan.js';
import { exportPlan } from '../use-cases/plans/export-plan.js';
import { generatePlan } from '../use-cases/plans/generate-plan.js';
import { generatePlans } from '../use-cases/plans/generate-plans.js';
import { getPlan } from '../use-cases/plans/get-plan.js';
import { listUnitPlansOf } from '../use-cases/plans/list-unit-plans.js';
import { planToTasks } from '../use-cases/plans/plan-to-tasks.js';
import { plansOverview } from '../use-cases/plans/plans-overview.js';
import { reopenPlan } from '../use-cases/plans/reopen-plan.js';
import { updatePlanRow } from '../use-cases/plans/update-plan-row.js';
import { updatePlan } from '../use-cases/plans/update-plan.js';

const tags = ['Kế hoạch cải thiện'];
const base = '/units/:unitId/plans';
const one = `${base}/:periodId`;

export async function planRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Các kỳ đã công bố của đơn vị và kế hoạch cải thiện theo từng kỳ',
        params: unitPlansParams,
        response: responds({ 200: unitPlansResponse }),
      },
    },
    async (request) => listUnitPlansOf(contextOf(request, deps), request.params.unitId),
  );

  api.post(
    base,
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch cải thiện từ kết quả đã công bố',
        params: unitPlansParams,
        body: createPlanBody,
        response: responds({ 201: planResponse }),
      },
    },
    async (request, reply) => {
      const plan = await generatePlan(
        contextOf(request, deps),
        request.params.unitId,
        request.body.periodId,
      );
      return reply.status(201).send(plan);
    },
  );

  api.get(
    one,
    {
      schema: {
        tags,
        summary: 'Kế hoạch cải thiện: các dòng, điểm nếu đạt mục tiêu, tóm tắt theo lĩnh vực',
        params: planParams,
        querystring: planQuery,
        response: responds({ 200: planResponse }),
      },
    },
    async (request) => getPlan(contextOf(request, deps), request.params, request.query.approval),
  );

  api.put(
    one,
    {
      schema: {
        tags,
        summary: 'Sửa mục đích, yêu cầu và nội dung của kế hoạch',
        params: planParams,
        body: updatePlanBody,
        response: responds({ 200: planResponse }),
      },
    },
    async (request) => updatePlan(contextOf(request, deps), request.params, request.body),
  );

  api.put(
    `${one}/rows/:code`,
    {
      schema: {
        tags,
        summary: 'Sửa một dòng: mục tiêu, nhiệm vụ, đơn vị chủ trì, thời gian, thời hạn',
        params: planRowParams,
        body: updatePlanRowBody,
        response: responds({ 200: planResponse }),
      },
    },
    async (request) => updatePlanRow(contextOf(request, deps), request.params, request.body),
  );

  for (const [verb, summary, run] of [
    ['approve', 'Phê duyệt kế hoạch (thủ trưởng đơn vị)', approvePlan],
    ['reopen', 'Mở lại kế hoạch đã phê duyệt để sửa', reopenPlan],
  ] as const) {
    api.post(
      `${one}/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: planParams,
          body: planVersionBody,
          response: responds({ 200: planResponse }),
        },
      },
      async (request) => run(contextOf(request, deps), request.params, request.body.version),
    );
  }

  for (const format of ['xlsx', 'docx'] as const) {
    api.get(
      `${one}/plan.${format}`,
      {
        schema: {
          tags,
          summary: `Tải kế hoạch (.${format})`,
          params: planParams,
          response: responds({ 200: download() }),
        },
      },
      async (request, reply) => {
        const file = await exportPlan(contextOf(request, deps), request.params, format);
        return reply
          .header('content-type', file.mediaType)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.bytes);
      },
    );
  }

  api.post(
    `${one}/import`,
    {
      schema: {
        tags,
        summary:
          'Nhập kế hoạch từ bảng phụ lục (.xlsx, .csv); preview=true để xem trước (chạy nền: theo dõi ở /imports/:id)',
        params: planParams,
        querystring: planImportQuery,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const file = await openUploadedFile(request);
      const job = await queueImport(ctx, 'plan', file, {
        ...request.params,
        preview: request.query.preview === 'true',
        ...(request.query.version === undefined ? {} : { version: request.query.version }),
      });
      return reply.status(202).send(job);
    },
  );

  api.post(
    `${one}/tasks`,
    {
      schema: {
        tags,
        summary: 'Tạo nhiệm vụ từ các dòng đã chọn của kế hoạch',
        params: planParams,
        body: planTasksBody,
        response: responds({ 201: planTasksResponse }),
      },
    },
    async (request, reply) => {
      const result = await planToTasks(contextOf(request, deps), request.params, request.body);
      return reply.status(201).send(result);
    },
  );

  api.get(
    '/plans/overview',
    {
      schema: {
        tags,
        summary: 'Kế hoạch cải thiện của mọi đơn vị theo một kỳ đã công bố',
        querystring: plansOverviewQuery,
        response: responds({ 200: plansOverviewResponse }),
      },
    },
    async (request) => plansOverview(contextOf(request, deps), request.query.periodId),
  );

  api.post(
    '/plans/generate',
    {
      schema: {
        tags,
        summary: 'Lập dự thảo kế hoạch cho mọi đơn vị chưa có, theo một kỳ đã công bố',
        body: createPlanBody,
        response: responds({ 200: generatePlansResponse }),
      },
    },
    async (request) => generatePlans(contextOf(request, deps), request.body.periodId),
  );
}
