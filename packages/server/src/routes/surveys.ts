import {
  codeFilterQuery,
  createdLinkResponse,
  createLinkBody,
  linkCapBody,
  linkUnitParams,
  createSurveyBody,
  drawSampleBody,
  importJobResponse,
  issueCodesBody,
  periodParams,
  sampleResponse,
  setTargetsBody,
  surveyCodesResponse,
  surveyDetailResponse,
  surveyParams,
  surveysResponse,
  surveyStatusBody,
  updateSurveyBody,
} from '@chiso/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
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
import { IMPORT_KINDS } from '../use-cases/imports/import-kinds.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import {
  buildSheetsWorkbook,
  workbookBytes,
  type PlainSheet,
} from '../spreadsheet/write-sheets.js';
import { createLink } from '../use-cases/surveys/create-link.js';
import { setLinkCap } from '../use-cases/surveys/set-link-cap.js';
import { createSurvey } from '../use-cases/surveys/create-survey.js';
import { drawSample } from '../use-cases/surveys/draw-sample.js';
import { exportSurvey } from '../use-cases/surveys/export-survey.js';
import { getSurvey } from '../use-cases/surveys/get-survey.js';
import { issueCodes } from '../use-cases/surveys/issue-codes.js';
import { codesWorkbook, listSurveyCodes } from '../use-cases/surveys/list-codes.js';
import { listSurveys } from '../use-cases/surveys/list-surveys.js';
import { setSurveyStatus } from '../use-cases/surveys/set-status.js';
import { setTargets } from '../use-cases/surveys/set-targets.js';
import { updateSurvey } from '../use-cases/surveys/update-survey.js';

const tags = ['Khảo sát'];
const workbook = responds({ 200: download(XLSX_TYPE) });

async function sendWorkbook(reply: FastifyReply, fileName: string, sheets: PlainSheet[]) {
  const bytes = await workbookBytes(buildSheetsWorkbook(sheets));
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(bytes);
}

/** Survey setup: questionnaires, sampling plan and frame, codes and open links. */
export async function surveyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/periods/:periodId/surveys',
    {
      schema: {
        tags,
        summary: 'Các phiếu khảo sát của kỳ đánh giá',
        params: periodParams,
        response: responds({ 200: surveysResponse }),
      },
    },
    async (request) => listSurveys(contextOf(request, deps), request.params.periodId),
  );

  api.post(
    '/periods/:periodId/surveys',
    {
      schema: {
        tags,
        summary: 'Tạo phiếu khảo sát (bản nháp)',
        params: periodParams,
        body: createSurveyBody,
        response: responds({ 201: surveyDetailResponse }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSurvey(contextOf(request, deps), request.params.periodId, request.body)),
  );

  api.post(
    '/periods/:periodId/surveys/import',
    {
      schema: {
        tags,
        summary: 'Nhập phiếu khảo sát từ tệp .xlsx (chạy nền: theo dõi ở /imports/:id)',
        params: periodParams,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const parameters = { periodId: request.params.periodId };
      await IMPORT_KINDS.survey.authorize(ctx, parameters);
      const file = await openUploadedFile(request);
      return reply.status(202).send(await queueImport(ctx, 'survey', file, parameters));
    },
  );

  api.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Một phiếu khảo sát',
        params: surveyParams,
        response: responds({ 200: surveyDetailResponse }),
      },
    },
    async (request) => getSurvey(contextOf(request, deps), request.params.id),
  );

  api.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phiếu khảo sát (câu hỏi chỉ sửa được khi chưa có câu trả lời)',
        params: surveyParams,
        body: updateSurveyBody,
        response: responds({ 200: surveyDetailResponse }),
      },
    },
    async (request) => updateSurvey(contextOf(request, deps), request.params.id, request.body),
  );

  api.post(
    '/surveys/:id/status',
    {
      schema: {
        tags,
        summary: 'Mở, đóng hoặc đưa phiếu khảo sát về bản nháp',
        params: surveyParams,
        body: surveyStatusBody,
        response: responds({ 200: surveyDetailResponse }),
      },
    },
    async (request) =>
      setSurveyStatus(contextOf(request, deps), request.params.id, request.body.status),
  );

  api.get(
    '/surveys/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải phiếu khảo sát dạng Excel',
        params: surveyParams,
        response: workbook,
      },
    },
    async (request, reply) => {
      const file = await exportSurvey(contextOf(request, deps), request.params.id);
      return sendWorkbook(reply, file.fileName, file.sheets);
    },
  );

  api.put(
    '/surveys/:id/targets',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu số phiếu theo đơn vị được đánh giá',
        params: surveyParams,
        body: setTargetsBody,
        response: responds({ 200: surveyDetailResponse }),
      },
    },
    async (request) =>
      setTargets(contextOf(request, deps), request.params.id, request.body.targets),
  );

  api.post(
    '/surveys/:id/frame/import',
    {
      schema: {
        tags,
        summary:
          'Nhập danh sách người đã giải quyết thủ tục (Mã đơn vị | Họ và tên | Liên hệ | Thủ tục | Ngày hoàn thành), chạy nền: theo dõi ở /imports/:id',
        params: surveyParams,
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const parameters = { surveyId: request.params.id };
      await IMPORT_KINDS.surveyFrame.authorize(ctx, parameters);
      const file = await openUploadedFile(request);
      return reply.status(202).send(await queueImport(ctx, 'surveyFrame', file, parameters));
    },
  );

  api.post(
    '/surveys/:id/frame/sample',
    {
      schema: {
        tags,
        summary: 'Chọn mẫu ngẫu nhiên đến đủ chỉ tiêu và cấp mã cho người được chọn',
        params: surveyParams,
        body: drawSampleBody,
        response: responds({ 200: sampleResponse }),
      },
    },
    async (request) =>
      drawSample(contextOf(request, deps), request.params.id, {
        unitId: request.body?.unitId,
      }),
  );

  api.post(
    '/surveys/:id/codes',
    {
      schema: {
        tags,
        summary: 'Cấp mã khảo sát cá nhân cho một đơn vị',
        params: surveyParams,
        body: issueCodesBody,
        response: responds({ 201: surveyCodesResponse }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueCodes(contextOf(request, deps), request.params.id, request.body)),
  );

  api.get(
    '/surveys/:id/codes',
    {
      schema: {
        tags,
        summary: 'Các mã đã cấp (answered=false: những người chưa trả lời, để nhắc)',
        params: surveyParams,
        querystring: codeFilterQuery,
        response: responds({ 200: surveyCodesResponse }),
      },
    },
    async (request) => listSurveyCodes(contextOf(request, deps), request.params.id, request.query),
  );

  api.get(
    '/surveys/:id/codes.xlsx',
    {
      schema: {
        tags,
        summary: 'Danh sách mã để in, kèm địa chỉ trả lời',
        params: surveyParams,
        querystring: codeFilterQuery,
        response: workbook,
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const file = await codesWorkbook(
        contextOf(request, deps),
        request.params.id,
        request.query,
        origin,
      );
      return sendWorkbook(reply, file.fileName, file.sheets);
    },
  );

  api.post(
    '/surveys/:id/links',
    {
      schema: {
        tags,
        summary: 'Tạo (hoặc đổi) đường dẫn trả lời mở của một đơn vị',
        params: surveyParams,
        body: createLinkBody,
        response: responds({ 200: createdLinkResponse }),
      },
    },
    async (request) => createLink(contextOf(request, deps), request.params.id, request.body.unitId),
  );

  api.put(
    '/surveys/:id/links/:unitId/cap',
    {
      schema: {
        tags,
        summary:
          'Đặt số phiếu tối đa mỗi ngày qua đường dẫn mở của một đơn vị (null: không giới hạn)',
        params: linkUnitParams,
        body: linkCapBody,
        response: responds({ 200: surveyDetailResponse }),
      },
    },
    async (request) =>
      setLinkCap(
        contextOf(request, deps),
        request.params.id,
        request.params.unitId,
        request.body.dailyCap,
      ),
  );
}
