import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { readUploadedTables } from '../http/uploads.js';
import {
  buildSheetsWorkbook,
  workbookBytes,
  type PlainSheet,
} from '../spreadsheet/write-sheets.js';
import { createLink } from '../use-cases/surveys/create-link.js';
import { createSurvey } from '../use-cases/surveys/create-survey.js';
import { drawSample } from '../use-cases/surveys/draw-sample.js';
import { exportSurvey } from '../use-cases/surveys/export-survey.js';
import { getSurvey } from '../use-cases/surveys/get-survey.js';
import { importFrame } from '../use-cases/surveys/import-frame.js';
import { importSurvey } from '../use-cases/surveys/import-survey.js';
import { issueCodes, MAX_CODES_PER_REQUEST } from '../use-cases/surveys/issue-codes.js';
import { codesWorkbook, listSurveyCodes } from '../use-cases/surveys/list-codes.js';
import { listSurveys } from '../use-cases/surveys/list-surveys.js';
import { setSurveyStatus, SURVEY_STATUSES } from '../use-cases/surveys/set-status.js';
import { setTargets } from '../use-cases/surveys/set-targets.js';
import { updateSurvey } from '../use-cases/surveys/update-survey.js';

const tags = ['Khảo sát'];
const periodParams = z.object({ periodId: z.uuid('mã kỳ đánh giá không hợp lệ') });
const surveyParams = z.object({ id: z.uuid('mã phiếu khảo sát không hợp lệ') });
const unitIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ');
const recheckPercent = z.number().int().min(0).max(100);
/** A questionnaire as JSON (core QuestionnaireJson); checked in full by the core. */
const questionnaire = z.record(z.string(), z.unknown());
const codeFilter = z.object({
  unitId: unitIdSchema.optional(),
  answered: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

async function sendWorkbook(reply: FastifyReply, fileName: string, sheets: PlainSheet[]) {
  const bytes = await workbookBytes(buildSheetsWorkbook(sheets));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(bytes);
}

/** Survey setup: questionnaires, sampling plan and frame, codes and open links. */
export async function surveyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/periods/:periodId/surveys',
    { schema: { tags, summary: 'Các phiếu khảo sát của kỳ đánh giá', params: periodParams } },
    async (request) => listSurveys(contextOf(request, deps), request.params.periodId),
  );

  api.post(
    '/periods/:periodId/surveys',
    {
      schema: {
        tags,
        summary: 'Tạo phiếu khảo sát (bản nháp)',
        params: periodParams,
        body: z.object({ questionnaire, recheckPercent: recheckPercent.optional() }),
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
      schema: { tags, summary: 'Nhập phiếu khảo sát từ tệp .xlsx', params: periodParams },
    },
    async (request, reply) => {
      const tables = await readUploadedTables(request);
      const survey = await importSurvey(contextOf(request, deps), request.params.periodId, tables);
      return reply.status(201).send(survey);
    },
  );

  api.get(
    '/surveys/:id',
    { schema: { tags, summary: 'Một phiếu khảo sát', params: surveyParams } },
    async (request) => getSurvey(contextOf(request, deps), request.params.id),
  );

  api.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phiếu khảo sát (câu hỏi chỉ sửa được khi chưa có câu trả lời)',
        params: surveyParams,
        body: z.object({
          questionnaire,
          recheckPercent,
          version: z.number().int().min(1),
        }),
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
        body: z.object({ status: z.enum(SURVEY_STATUSES) }),
      },
    },
    async (request) =>
      setSurveyStatus(contextOf(request, deps), request.params.id, request.body.status),
  );

  api.get(
    '/surveys/:id/export.xlsx',
    { schema: { tags, summary: 'Tải phiếu khảo sát dạng Excel', params: surveyParams } },
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
        body: z.object({
          targets: z
            .array(
              z.object({
                unitId: unitIdSchema,
                target: z.number().int().min(0).max(1_000_000),
                population: z.number().int().min(0).nullable().optional(),
              }),
            )
            .max(10_000),
        }),
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
          'Nhập danh sách người đã giải quyết thủ tục (Mã đơn vị | Họ và tên | Liên hệ | Thủ tục | Ngày hoàn thành)',
        params: surveyParams,
      },
    },
    async (request) => {
      const tables = await readUploadedTables(request);
      return importFrame(contextOf(request, deps), request.params.id, tables);
    },
  );

  api.post(
    '/surveys/:id/frame/sample',
    {
      schema: {
        tags,
        summary: 'Chọn mẫu ngẫu nhiên đến đủ chỉ tiêu và cấp mã cho người được chọn',
        params: surveyParams,
        body: z.object({ unitId: unitIdSchema.optional() }).optional(),
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
        body: z.object({
          unitId: unitIdSchema,
          count: z.number().int().min(1).max(MAX_CODES_PER_REQUEST).optional(),
          respondents: z
            .array(
              z.object({
                name: z.string().trim().min(1, 'thiếu họ và tên').max(300),
                info: z.string().trim().max(500).optional(),
              }),
            )
            .max(MAX_CODES_PER_REQUEST)
            .optional(),
        }),
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
        querystring: codeFilter,
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
        querystring: codeFilter,
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
        body: z.object({ unitId: unitIdSchema }),
      },
    },
    async (request) => createLink(contextOf(request, deps), request.params.id, request.body.unitId),
  );
}
