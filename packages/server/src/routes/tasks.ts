import {
  calendarQuery,
  calendarResponse,
  createTaskBody,
  dispatchBody,
  dispatchImportQuery,
  dispatchResponse,
  importJobResponse,
  taskDetailResponse,
  taskEvidenceParams,
  taskParams,
  taskReportBody,
  taskResponse,
  tasksOverviewResponse,
  tasksQuery,
  tasksResponse,
  taskVersionBody,
  unitTasksParams,
  updateTaskBody,
  uploadTaskEvidenceResponse,
} from '@chiso/contract';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, multipart, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { completeTask } from '../use-cases/tasks/complete-task.js';
import { createTask } from '../use-cases/tasks/create-task.js';
import { dispatchTasks } from '../use-cases/tasks/dispatch-tasks.js';
import { getTask } from '../use-cases/tasks/get-task.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { listTasks } from '../use-cases/tasks/list-tasks.js';
import { openTaskEvidence } from '../use-cases/tasks/open-task-evidence.js';
import { reopenTask } from '../use-cases/tasks/reopen-task.js';
import { reportTask } from '../use-cases/tasks/report-task.js';
import { startTask } from '../use-cases/tasks/start-task.js';
import { taskCalendar } from '../use-cases/tasks/task-calendar.js';
import { tasksOverview } from '../use-cases/tasks/tasks-overview.js';
import { updateTask } from '../use-cases/tasks/update-task.js';
import { uploadTaskEvidence } from '../use-cases/tasks/upload-task-evidence.js';

const tags = ['Nhiệm vụ'];
const base = '/units/:unitId/tasks';
const createdReport = z.strictObject({ id: z.uuid() });

export async function taskRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của đơn vị, số nhiệm vụ quá hạn theo phòng, ban',
        params: unitTasksParams,
        querystring: tasksQuery,
        response: responds({ 200: tasksResponse }),
      },
    },
    async (request) => listTasks(contextOf(request, deps), request.params.unitId, request.query),
  );

  api.post(
    base,
    {
      schema: {
        tags,
        summary: 'Giao một nhiệm vụ cho phòng, ban',
        params: unitTasksParams,
        body: createTaskBody,
        response: responds({ 201: taskResponse }),
      },
    },
    async (request, reply) => {
      const task = await createTask(contextOf(request, deps), request.params.unitId, request.body);
      return reply.status(201).send(task);
    },
  );

  api.get(
    `${base}/calendar`,
    {
      schema: {
        tags,
        summary: 'Lịch nhiệm vụ đến hạn trong một tháng',
        params: unitTasksParams,
        querystring: calendarQuery,
        response: responds({ 200: calendarResponse }),
      },
    },
    async (request) =>
      taskCalendar(contextOf(request, deps), request.params.unitId, request.query.month),
  );

  api.get(
    `${base}/:taskId`,
    {
      schema: {
        tags,
        summary: 'Một nhiệm vụ: báo cáo tiến độ, tài liệu, lịch sử',
        params: taskParams,
        response: responds({ 200: taskDetailResponse }),
      },
    },
    async (request) => getTask(contextOf(request, deps), request.params),
  );

  api.put(
    `${base}/:taskId`,
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ',
        params: taskParams,
        body: updateTaskBody,
        response: responds({ 200: taskResponse }),
      },
    },
    async (request) => updateTask(contextOf(request, deps), request.params, request.body),
  );

  for (const [verb, summary, run] of [
    ['start', 'Bắt đầu thực hiện nhiệm vụ', startTask],
    ['complete', 'Báo cáo hoàn thành nhiệm vụ', completeTask],
    ['reopen', 'Mở lại nhiệm vụ đã hoàn thành', reopenTask],
  ] as const) {
    api.post(
      `${base}/:taskId/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: taskParams,
          body: taskVersionBody,
          response: responds({ 200: taskResponse }),
        },
      },
      async (request) => run(contextOf(request, deps), request.params, request.body.version),
    );
  }

  api.post(
    `${base}/:taskId/evidence`,
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng cho báo cáo nhiệm vụ',
        params: taskParams,
        ...multipart(),
        response: responds({ 200: uploadTaskEvidenceResponse, 201: uploadTaskEvidenceResponse }),
      },
    },
    async (request, reply) => {
      const file = await request.file();
      if (!file)
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Chưa chọn tệp (trường "file")');
      try {
        const result = await uploadTaskEvidence(contextOf(request, deps), request.params, {
          stream: file.file,
          fileName: file.filename,
        });
        return await reply.status(result.duplicate ? 200 : 201).send(result);
      } finally {
        file.file.resume();
      }
    },
  );

  api.get(
    `${base}/:taskId/evidence/:evidenceId`,
    {
      // Sent byte for byte as stored: its hash and length stay the file's (and most are zips or PDFs).
      compress: false,
      schema: {
        tags,
        summary: 'Tải tài liệu của nhiệm vụ',
        params: taskEvidenceParams,
        response: responds({ 200: download() }),
      },
    },
    async (request, reply) => {
      const { row, stream } = await openTaskEvidence(contextOf(request, deps), request.params);
      const inline = row.mediaType === 'application/pdf' || row.mediaType.startsWith('image/');
      return reply
        .header('content-type', row.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        )
        .send(stream);
    },
  );

  api.post(
    `${base}/:taskId/reports`,
    {
      schema: {
        tags,
        summary: 'Báo cáo tiến độ nhiệm vụ, kèm tài liệu đã tải lên',
        params: taskParams,
        body: taskReportBody,
        response: responds({ 201: createdReport }),
      },
    },
    async (request, reply) => {
      const report = await reportTask(contextOf(request, deps), request.params, request.body);
      return reply.status(201).send(report);
    },
  );

  api.get(
    '/tasks/overview',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của mọi đơn vị trong tỉnh: đã hoàn thành, quá hạn',
        response: responds({ 200: tasksOverviewResponse }),
      },
    },
    async (request) => tasksOverview(contextOf(request, deps)),
  );

  api.post(
    '/task-dispatches',
    {
      schema: {
        tags,
        summary: 'Cấp trên giao nhiều nhiệm vụ cho nhiều đơn vị một lần',
        body: dispatchBody,
        response: responds({ 201: dispatchResponse }),
      },
    },
    async (request, reply) => {
      const result = await dispatchTasks(contextOf(request, deps), request.body);
      return reply.status(201).send(result);
    },
  );

  api.post(
    '/task-dispatches/import',
    {
      schema: {
        tags,
        summary:
          'Nhập bảng giao nhiệm vụ (.xlsx, .csv); preview=true để xem trước (chạy nền: theo dõi ở /imports/:id)',
        querystring: dispatchImportQuery,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const file = await openUploadedFile(request);
      const job = await queueImport(ctx, 'taskDispatch', file, {
        authority: request.query.authority,
        preview: request.query.preview === 'true',
        fileName: file.fileName,
      });
      return reply.status(202).send(job);
    },
  );
}
