import { WINDOW_KINDS } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { assignAppraisers } from '../use-cases/periods/assign-appraisers.js';
import { createPeriod } from '../use-cases/periods/create-period.js';
import { extendWindow } from '../use-cases/periods/extend-window.js';
import {
  getPeriod,
  listAllPeriods,
  listPublishedPeriods,
} from '../use-cases/periods/get-period.js';
import { setWindows } from '../use-cases/periods/set-windows.js';
import { vietnamTime, windowsInput } from '../use-cases/periods/window-input.js';
import { approveResults } from '../use-cases/results/approve-results.js';
import { publishResults } from '../use-cases/results/publish-results.js';

const tags = ['Kỳ đánh giá'];
const periodId = z.object({ id: z.uuid('mã kỳ đánh giá không hợp lệ') });
const unitIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ');

export async function periodRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/periods', { schema: { tags, summary: 'Các kỳ đánh giá' } }, async (request) =>
    listAllPeriods(contextOf(request, deps)),
  );

  api.get(
    '/published-periods',
    { schema: { tags: ['Kết quả'], summary: 'Các kỳ đã công bố (công khai)' } },
    async (request) => listPublishedPeriods(contextOf(request, deps)),
  );

  api.post(
    '/periods',
    {
      schema: {
        tags,
        summary: 'Mở kỳ đánh giá: bộ chỉ số theo loại đơn vị, thời gian các bước, đơn vị tham gia',
        body: z.object({
          name: z.string().trim().min(1).max(300),
          year: z.number().int().min(2000).max(2100),
          frameworks: z.record(z.string().min(1), z.uuid()),
          windows: windowsInput.optional(),
          unitIds: z.array(unitIdSchema).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPeriod(contextOf(request, deps), request.body)),
  );

  api.get(
    '/periods/:id',
    { schema: { tags, summary: 'Một kỳ đánh giá', params: periodId } },
    async (request) => getPeriod(contextOf(request, deps), request.params.id),
  );

  api.put(
    '/periods/:id/windows',
    {
      schema: {
        tags,
        summary: 'Thời gian mở và đóng từng bước (giờ Việt Nam)',
        params: periodId,
        body: windowsInput,
      },
    },
    async (request) => {
      await setWindows(contextOf(request, deps), request.params.id, request.body);
      return getPeriod(contextOf(request, deps), request.params.id);
    },
  );

  api.post(
    '/periods/:id/extensions',
    {
      schema: {
        tags,
        summary: 'Gia hạn một bước cho một đơn vị',
        params: periodId,
        body: z.object({
          unitId: unitIdSchema,
          kind: z.enum(WINDOW_KINDS),
          closesAt: vietnamTime,
          reason: z.string().trim().min(1, 'nêu lý do gia hạn').max(2000),
        }),
      },
    },
    async (request) => {
      await extendWindow(contextOf(request, deps), {
        periodId: request.params.id,
        ...request.body,
      });
      return { ok: true };
    },
  );

  api.put(
    '/periods/:id/units/:unitId/appraisers',
    {
      schema: {
        tags,
        summary: 'Phân công thành viên Tổ thẩm định cho một đơn vị',
        params: periodId.extend({ unitId: unitIdSchema }),
        body: z.object({ appraiserIds: z.array(z.uuid()) }),
      },
    },
    async (request) => {
      await assignAppraisers(contextOf(request, deps), {
        periodId: request.params.id,
        unitId: request.params.unitId,
        appraiserIds: request.body.appraiserIds,
      });
      return { ok: true };
    },
  );

  api.post(
    '/periods/:id/approve',
    {
      schema: {
        tags,
        summary: 'Hội đồng thông qua kết quả (số và ngày quyết định)',
        params: periodId,
        body: z.object({
          decisionNumber: z.string().trim().min(1).max(100),
          decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd'),
        }),
      },
    },
    async (request) => {
      await approveResults(contextOf(request, deps), request.params.id, request.body);
      return { ok: true };
    },
  );

  api.post(
    '/periods/:id/publish',
    { schema: { tags, summary: 'Công bố kết quả', params: periodId } },
    async (request) => {
      await publishResults(contextOf(request, deps), request.params.id);
      return { ok: true };
    },
  );
}
