import { DomainError, ERROR_CODES } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { enterPaperForm, listPaperForms } from '../use-cases/survey-responses/enter-paper-form.js';
import {
  receiveResponseImport,
  RESPONSE_IMPORT_MAX_BYTES,
} from '../use-cases/survey-responses/import-responses.js';
import {
  enterRecheck,
  listRechecks,
  resolveRecheck,
} from '../use-cases/survey-responses/recheck-forms.js';

const surveyParams = z.object({ id: z.uuid('mã phiếu khảo sát không hợp lệ') });

/** Option key (or null for blank) by question code, as ticked on the form. */
export const answerKeys = z.record(
  z.string().trim().min(1).max(40),
  z.string().trim().max(20, 'phương án tối đa 20 ký tự').nullable(),
);

const formNumber = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}./_-]{1,40}$/u,
    'số phiếu chỉ gồm chữ, số, ".", "/", "_", "-" (tối đa 40 ký tự)',
  );

export async function surveyEntryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Nhập phiếu khảo sát'];

  api.post(
    '/surveys/:id/paper',
    {
      schema: {
        tags,
        summary: 'Nhập một phiếu giấy (số phiếu, lô, đơn vị, phương án đã chọn)',
        params: surveyParams,
        body: z.object({
          unitId: z.string().trim().min(1, 'chọn đơn vị được đánh giá').max(64),
          formNumber,
          batch: z.string().trim().max(60, 'tên lô tối đa 60 ký tự').nullable().optional(),
          answers: answerKeys,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await enterPaperForm(contextOf(request, deps), request.params.id, request.body)),
  );

  api.get(
    '/surveys/:id/paper',
    {
      schema: {
        tags,
        summary: 'Danh sách phiếu giấy và phiếu nhập từ tệp, với trạng thái phúc tra',
        params: surveyParams,
        querystring: z.object({ batch: z.string().trim().min(1).max(60).optional() }),
      },
    },
    async (request) =>
      listPaperForms(contextOf(request, deps), request.params.id, request.query.batch),
  );

  api.get(
    '/surveys/:id/rechecks',
    {
      schema: {
        tags,
        summary: 'Phúc tra: phiếu chờ nhập lần hai, phiếu có sai khác, số đã xong',
        params: surveyParams,
      },
    },
    async (request) => listRechecks(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/surveys/:id/rechecks',
    {
      schema: {
        tags,
        summary: 'Nhập lần hai (không xem lần một) một phiếu được chọn phúc tra',
        params: surveyParams,
        body: z.object({ formNumber, answers: answerKeys }),
      },
    },
    async (request) => enterRecheck(contextOf(request, deps), request.params.id, request.body),
  );

  api.post(
    '/surveys/:id/rechecks/:responseId/resolve',
    {
      schema: {
        tags,
        summary: 'Xử lý sai khác phúc tra: ghi phương án đúng của phiếu',
        params: surveyParams.extend({ responseId: z.uuid('mã phiếu trả lời không hợp lệ') }),
        body: z.object({ answers: answerKeys }),
      },
    },
    async (request) =>
      resolveRecheck(
        contextOf(request, deps),
        request.params.id,
        request.params.responseId,
        request.body.answers,
      ),
  );

  api.post(
    '/surveys/:id/responses/import',
    {
      schema: {
        tags,
        summary: 'Nhập phiếu từ tệp của bưu điện (.xlsx hoặc .csv), tất cả hoặc không',
        params: surveyParams,
      },
    },
    async (request, reply) => {
      const file = await request
        .file({ limits: { fileSize: RESPONSE_IMPORT_MAX_BYTES } })
        .catch(() => undefined);
      if (!file) {
        throw new DomainError(
          ERROR_CODES.VALIDATION_FAILED,
          'Chưa chọn tệp (gửi dạng multipart/form-data, trường "file")',
        );
      }
      const result = await receiveResponseImport(contextOf(request, deps), request.params.id, {
        stream: file.file,
        fileName: file.filename,
      });
      return reply.status(201).send(result);
    },
  );
}
