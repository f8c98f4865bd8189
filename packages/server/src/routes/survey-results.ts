import { periodParams, recomputeResponse, surveyResultsResponse } from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, responds, XLSX_TYPE, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { buildSheetsWorkbook, workbookBytes } from '../spreadsheet/write-sheets.js';
import { readSurveyResults } from '../use-cases/survey-results/read-survey-results.js';
import { recomputeTallies } from '../use-cases/survey-results/recompute-tallies.js';
import { surveyResultsSheets } from '../use-cases/survey-results/survey-results-workbook.js';

const tags = ['Khảo sát'];

/** Scoring: counting the answers again, and the results read from the counts. */
export async function surveyResultsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.post(
    '/periods/:periodId/surveys/recompute',
    {
      schema: {
        tags,
        summary: 'Tính lại kết quả khảo sát (đếm lại các câu trả lời)',
        params: periodParams,
        response: responds({ 200: recomputeResponse }),
      },
    },
    async (request) => recomputeTallies(contextOf(request, deps), request.params.periodId),
  );

  api.get(
    '/periods/:periodId/surveys/results',
    {
      schema: {
        tags,
        summary: 'Kết quả khảo sát: tỷ lệ phản hồi, điểm tiêu chí khảo sát, chỉ số SIPAS',
        params: periodParams,
        response: responds({ 200: surveyResultsResponse }),
      },
    },
    async (request) => readSurveyResults(contextOf(request, deps), request.params.periodId),
  );

  api.get(
    '/periods/:periodId/surveys/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kết quả khảo sát dạng Excel',
        params: periodParams,
        response: responds({ 200: download(XLSX_TYPE) }),
      },
    },
    async (request, reply) => {
      const results = await readSurveyResults(contextOf(request, deps), request.params.periodId);
      const bytes = await workbookBytes(buildSheetsWorkbook(surveyResultsSheets(results)));
      const fileName = `ket-qua-khao-sat-${results.period.year}.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(bytes);
    },
  );
}
