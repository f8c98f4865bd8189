import {
  importJobResponse,
  lateDossiersResponse,
  periodParams,
  periodStatisticsResponse,
  statisticsImportQuery,
  statisticsPreviewQuery,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import {
  download,
  multipart,
  responds,
  XLSX_TYPE,
  type ContractTypeProvider,
} from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { lateDossiers, lateDossiersWorkbook } from '../use-cases/statistics/late-dossiers.js';
import { listStatistics } from '../use-cases/statistics/list-statistics.js';

const tags = ['Thống kê TTHC'];
const base = '/periods/:periodId/statistics';

/** Procedure (TTHC) statistics of a period: preview and import of an export, list, report. */
export async function statisticsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.post(
    `${base}/preview`,
    {
      schema: {
        tags,
        summary:
          'Xem trước tệp số liệu thống kê TTHC (.xlsx/.csv): tiêu đề cột, cách ghép cột (chạy nền: theo dõi ở /imports/:id)',
        params: periodParams,
        querystring: statisticsPreviewQuery,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const file = await openUploadedFile(request);
      const { sheet, headerRow } = request.query;
      const job = await queueImport(ctx, 'statisticsPreview', file, {
        periodId: request.params.periodId,
        ...(sheet === undefined ? {} : { sheet }),
        ...(headerRow === undefined ? {} : { headerRow }),
      });
      return reply.status(202).send(job);
    },
  );

  api.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary:
          'Nhập số liệu thống kê TTHC theo cách ghép cột đã chọn, tất cả hoặc không (chạy nền: theo dõi ở /imports/:id)',
        params: periodParams,
        querystring: statisticsImportQuery,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const file = await openUploadedFile(request);
      const { mapping, sheet, countedTo } = request.query;
      const job = await queueImport(ctx, 'statistics', file, {
        periodId: request.params.periodId,
        fileName: file.fileName,
        mapping,
        ...(sheet === undefined ? {} : { sheet }),
        ...(countedTo === undefined ? {} : { countedTo }),
      });
      return reply.status(202).send(job);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Số liệu thống kê TTHC của các đơn vị trong kỳ',
        params: periodParams,
        response: responds({ 200: periodStatisticsResponse }),
      },
    },
    async (request) => listStatistics(contextOf(request, deps), request.params.periodId),
  );

  api.get(
    `${base}/late-dossiers`,
    {
      schema: {
        tags,
        summary: 'Bảng hồ sơ giải quyết quá hạn theo đơn vị',
        params: periodParams,
        response: responds({ 200: lateDossiersResponse }),
      },
    },
    async (request) => lateDossiers(contextOf(request, deps), request.params.periodId),
  );

  api.get(
    `${base}/late-dossiers.xlsx`,
    {
      schema: {
        tags,
        summary: 'Tải bảng hồ sơ giải quyết quá hạn dạng Excel',
        params: periodParams,
        response: responds({ 200: download(XLSX_TYPE) }),
      },
    },
    async (request, reply) => {
      const bytes = await lateDossiersWorkbook(contextOf(request, deps), request.params.periodId);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="ho-so-qua-han.xlsx"')
        .send(bytes);
    },
  );
}
