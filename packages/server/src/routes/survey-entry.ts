import {
  importJobResponse,
  paperFormBody,
  paperFormResponse,
  paperFormsQuery,
  paperFormsResponse,
  recheckBody,
  recheckParams,
  recheckResponse,
  rechecksResponse,
  resolvedResponse,
  resolveRecheckBody,
  surveyParams,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { multipart, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { checkFileName } from '../storage/evidence-store.js';
import { IMPORT_KINDS } from '../use-cases/imports/import-kinds.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { enterPaperForm, listPaperForms } from '../use-cases/survey-responses/enter-paper-form.js';
import { RESPONSE_IMPORT_MAX_BYTES } from '../use-cases/survey-responses/import-responses.js';
import {
  enterRecheck,
  listRechecks,
  resolveRecheck,
} from '../use-cases/survey-responses/recheck-forms.js';

export async function surveyEntryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Nhập phiếu khảo sát'];

  api.post(
    '/surveys/:id/paper',
    {
      schema: {
        tags,
        summary: 'Nhập một phiếu giấy (số phiếu, lô, đơn vị, phương án đã chọn)',
        params: surveyParams,
        body: paperFormBody,
        response: responds({ 201: paperFormResponse }),
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
        querystring: paperFormsQuery,
        response: responds({ 200: paperFormsResponse }),
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
        response: responds({ 200: rechecksResponse }),
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
        body: recheckBody,
        response: responds({ 200: recheckResponse }),
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
        params: recheckParams,
        body: resolveRecheckBody,
        response: responds({ 200: resolvedResponse }),
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
        summary:
          'Nhập phiếu từ tệp của bưu điện (.xlsx hoặc .csv), tất cả hoặc không (chạy nền: theo dõi ở /imports/:id)',
        params: surveyParams,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const parameters = { surveyId: request.params.id };
      // Who asks and whether the survey takes answers, before up to 200 MB are read.
      await IMPORT_KINDS.responses.authorize(ctx, parameters);
      const file = await openUploadedFile(request, RESPONSE_IMPORT_MAX_BYTES, checkFileName);
      return reply.status(202).send(await queueImport(ctx, 'responses', file, parameters));
    },
  );
}
