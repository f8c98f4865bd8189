import {
  createSnapshotBody,
  monitoringDocumentQuery,
  monitoringOverviewQuery,
  monitoringOverviewResponse,
  monitoringParams,
  snapshotParams,
  snapshotResponse,
  snapshotRowParams,
  snapshotsResponse,
  updateSnapshotBody,
  updateSnapshotRowBody,
} from '@chiso/contract';
import { vietnamDate } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import {
  download,
  DOCX_TYPE,
  responds,
  XLSX_TYPE,
  type ContractTypeProvider,
} from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { createSnapshot } from '../use-cases/monitoring/create-snapshot.js';
import { getSnapshot } from '../use-cases/monitoring/get-snapshot.js';
import { listSnapshots } from '../use-cases/monitoring/list-snapshots.js';
import { monitoringOverview } from '../use-cases/monitoring/monitoring-overview.js';
import { snapshotWorkbook } from '../use-cases/monitoring/snapshot-workbook.js';
import { updateSnapshotRow } from '../use-cases/monitoring/update-snapshot-row.js';
import { updateSnapshot } from '../use-cases/monitoring/update-snapshot.js';

const tags = ['Tự theo dõi giữa kỳ'];

export async function monitoringRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/monitoring/overview',
    {
      schema: {
        tags,
        summary: 'Bản theo dõi mới nhất của mọi đơn vị trong một năm',
        querystring: monitoringOverviewQuery,
        response: responds({ 200: monitoringOverviewResponse }),
      },
    },
    async (request) => monitoringOverview(contextOf(request, deps), request.query.year),
  );

  api.get(
    '/units/:unitId/monitoring',
    {
      schema: {
        tags,
        summary: 'Các bản tự theo dõi của một đơn vị',
        params: monitoringParams,
        response: responds({ 200: snapshotsResponse }),
      },
    },
    async (request) => listSnapshots(contextOf(request, deps), request.params.unitId),
  );

  api.post(
    '/units/:unitId/monitoring',
    {
      schema: {
        tags,
        summary: 'Lập bản tự theo dõi tại một ngày (điền sẵn từ số liệu hiện có)',
        params: monitoringParams,
        body: createSnapshotBody,
        response: responds({ 201: snapshotResponse }),
      },
    },
    async (request, reply) => {
      const view = await createSnapshot(
        contextOf(request, deps),
        request.params.unitId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/units/:unitId/monitoring/:snapshotId',
    {
      schema: {
        tags,
        summary: 'Một bản tự theo dõi',
        params: snapshotParams,
        response: responds({ 200: snapshotResponse }),
      },
    },
    async (request) =>
      getSnapshot(contextOf(request, deps), request.params.unitId, request.params.snapshotId),
  );

  api.put(
    '/units/:unitId/monitoring/:snapshotId',
    {
      schema: {
        tags,
        summary: 'Đổi tên hoặc ngày của bản tự theo dõi',
        params: snapshotParams,
        body: updateSnapshotBody,
        response: responds({ 200: snapshotResponse }),
      },
    },
    async (request) => updateSnapshot(contextOf(request, deps), request.params, request.body),
  );

  api.put(
    '/units/:unitId/monitoring/:snapshotId/rows/:code',
    {
      schema: {
        tags,
        summary: 'Ghi điểm dự kiến, lý do và phòng, ban của một tiêu chí',
        params: snapshotRowParams,
        body: updateSnapshotRowBody,
        response: responds({ 200: snapshotResponse }),
      },
    },
    async (request) => updateSnapshotRow(contextOf(request, deps), request.params, request.body),
  );

  api.get(
    '/units/:unitId/monitoring/:snapshotId/workbook.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải bản tự theo dõi dạng Excel',
        params: snapshotParams,
        response: responds({ 200: download(XLSX_TYPE) }),
      },
    },
    async (request, reply) => {
      const view = await getSnapshot(
        contextOf(request, deps),
        request.params.unitId,
        request.params.snapshotId,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="theo-doi-${view.unit.id}-${view.asOf}.xlsx"`,
        )
        .send(await snapshotWorkbook(view));
    },
  );

  api.get(
    '/units/:unitId/monitoring/:snapshotId/document.docx',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo tự theo dõi dạng Word (thể thức Nghị định 30/2020)',
        params: snapshotParams,
        querystring: monitoringDocumentQuery,
        response: responds({ 200: download(DOCX_TYPE) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const view = await getSnapshot(ctx, request.params.unitId, request.params.snapshotId);
      // docx (and the document's modules) load with the first document asked for (0052).
      const [{ monitoringDocument }, { documentBytes }] = await Promise.all([
        import('../documents/monitoring-document.js'),
        import('../documents/official-document.js'),
      ]);
      const document = monitoringDocument(view, {
        // The clerk fills in the place when the province's name is not given.
        place: request.query.place ?? '……………',
        date: vietnamDate(ctx.now.getTime()),
      });
      return reply
        .header('content-type', DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="bao-cao-theo-doi-${view.unit.id}-${view.asOf}.docx"`,
        )
        .send(await documentBytes(document));
    },
  );
}
