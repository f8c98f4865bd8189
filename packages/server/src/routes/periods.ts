import {
  approveResultsBody,
  assignAppraisersBody,
  createdPeriodResponse,
  createPeriodBody,
  extendWindowBody,
  okResponse,
  periodIdParams,
  periodResponse,
  periodsResponse,
  periodSummaryResponse,
  periodUnitAppraisersParams,
  publicFromBody,
  publishResultsBody,
  windowsInput,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { assignAppraisers } from '../use-cases/periods/assign-appraisers.js';
import { createPeriod } from '../use-cases/periods/create-period.js';
import { extendWindow } from '../use-cases/periods/extend-window.js';
import {
  getPeriod,
  listAllPeriods,
  listPublishedPeriods,
  presentPeriod,
} from '../use-cases/periods/get-period.js';
import { setPublicFrom } from '../use-cases/periods/set-public-from.js';
import { setWindows } from '../use-cases/periods/set-windows.js';
import { approveResults } from '../use-cases/results/approve-results.js';
import { publishResults } from '../use-cases/results/publish-results.js';

const tags = ['Kỳ đánh giá'];

export async function periodRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/periods',
    { schema: { tags, summary: 'Các kỳ đánh giá', response: responds({ 200: periodsResponse }) } },
    async (request) => listAllPeriods(contextOf(request, deps)),
  );

  api.get(
    '/published-periods',
    {
      schema: {
        tags: ['Kết quả'],
        summary: 'Các kỳ đã công bố (công khai)',
        response: responds({ 200: periodsResponse }),
      },
    },
    async (request) => listPublishedPeriods(contextOf(request, deps)),
  );

  api.post(
    '/periods',
    {
      schema: {
        tags,
        summary: 'Mở kỳ đánh giá: bộ chỉ số theo loại đơn vị, thời gian các bước, đơn vị tham gia',
        body: createPeriodBody,
        response: responds({ 201: createdPeriodResponse }),
      },
    },
    async (request, reply) => {
      const { warnings, ownerUnitName, ...period } = await createPeriod(
        contextOf(request, deps),
        request.body,
      );
      return reply.status(201).send({ ...presentPeriod(period, () => ownerUnitName), warnings });
    },
  );

  api.get(
    '/periods/:id',
    {
      schema: {
        tags,
        summary: 'Một kỳ đánh giá',
        params: periodIdParams,
        response: responds({ 200: periodResponse }),
      },
    },
    async (request) => getPeriod(contextOf(request, deps), request.params.id),
  );

  api.put(
    '/periods/:id/windows',
    {
      schema: {
        tags,
        summary: 'Thời gian mở và đóng từng bước (giờ Việt Nam)',
        params: periodIdParams,
        body: windowsInput,
        response: responds({ 200: periodResponse }),
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
        params: periodIdParams,
        body: extendWindowBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await extendWindow(contextOf(request, deps), {
        periodId: request.params.id,
        ...request.body,
      });
      return OK;
    },
  );

  api.put(
    '/periods/:id/units/:unitId/appraisers',
    {
      schema: {
        tags,
        summary: 'Phân công thành viên Tổ thẩm định cho một đơn vị',
        params: periodUnitAppraisersParams,
        body: assignAppraisersBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await assignAppraisers(contextOf(request, deps), {
        periodId: request.params.id,
        unitId: request.params.unitId,
        appraiserIds: request.body.appraiserIds,
      });
      return OK;
    },
  );

  api.post(
    '/periods/:id/approve',
    {
      schema: {
        tags,
        summary: 'Hội đồng thông qua kết quả (số và ngày quyết định)',
        params: periodIdParams,
        body: approveResultsBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await approveResults(contextOf(request, deps), request.params.id, request.body);
      return OK;
    },
  );

  api.post(
    '/periods/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Công bố kết quả; publicFrom: thời điểm mở cổng công khai (mặc định: ngay khi công bố)',
        params: periodIdParams,
        body: publishResultsBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await publishResults(contextOf(request, deps), request.params.id, request.body);
      return OK;
    },
  );

  api.put(
    '/periods/:id/public-from',
    {
      schema: {
        tags,
        summary:
          'Dời thời điểm công khai kết quả đã công bố (chỉ khi cổng công khai chưa mở; đã mở thì không ẩn lại được)',
        params: periodIdParams,
        body: publicFromBody,
        response: responds({ 200: periodSummaryResponse }),
      },
    },
    async (request) =>
      setPublicFrom(contextOf(request, deps), request.params.id, request.body.publicFrom),
  );
}
