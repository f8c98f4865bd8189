import {
  correctEntryBody,
  entryParams,
  erratumPreviewResponse,
  erratumResponse,
  issueErratumBody,
  periodIdParams,
  resultsQuery,
  resultsResponse,
  storedEntryResponse,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, responds, XLSX_TYPE, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { buildResultsWorkbook } from '../spreadsheet/write-results.js';
import { presentStoredEntry } from '../use-cases/assessment/stored-entry.js';
import { correctEntry } from '../use-cases/results/correct-entry.js';
import { getResults } from '../use-cases/results/get-results.js';
import { issueErratum } from '../use-cases/results/issue-erratum.js';
import { previewErratum } from '../use-cases/results/preview-erratum.js';
import { publicationHeading } from '../use-cases/results/present-publication.js';

export async function resultsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Kết quả'];

  api.get(
    '/periods/:id/results',
    {
      schema: {
        tags,
        summary:
          'Kết quả (sau công bố: mọi người, bản đang có hiệu lực hoặc một lần công bố trước; trước: xem trước theo quyền)',
        params: periodIdParams,
        querystring: resultsQuery,
        response: responds({ 200: resultsResponse }),
      },
    },
    async (request) =>
      getResults(contextOf(request, deps), request.params.id, request.query.version),
  );

  api.get(
    '/periods/:id/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kết quả dạng Excel',
        params: periodIdParams,
        querystring: resultsQuery,
        response: responds({ 200: download(XLSX_TYPE) }),
      },
    },
    async (request, reply) => {
      const results = await getResults(
        contextOf(request, deps),
        request.params.id,
        request.query.version,
      );
      const buffer = await buildResultsWorkbook(
        results.groups,
        publicationHeading(results.publication),
      ).xlsx.writeBuffer();
      const suffix = results.publication?.erratum
        ? `-dinh-chinh-${results.publication.version}`
        : '';
      const fileName = `ket-qua-chi-so-cchc-${results.period.year}${suffix}.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(buffer));
    },
  );

  api.get(
    '/periods/:id/errata/preview',
    {
      schema: {
        tags,
        summary:
          'Xem trước đính chính: những đơn vị có kết quả thay đổi so với bản đang có hiệu lực',
        params: periodIdParams,
        response: responds({ 200: erratumPreviewResponse }),
      },
    },
    async (request) => previewErratum(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/periods/:id/errata',
    {
      schema: {
        tags,
        summary: 'Ban hành đính chính kết quả đã công bố (số, ngày quyết định và lý do)',
        params: periodIdParams,
        body: issueErratumBody,
        response: responds({ 200: erratumResponse }),
      },
    },
    async (request) => issueErratum(contextOf(request, deps), request.params.id, request.body),
  );

  api.put(
    '/periods/:periodId/units/:unitId/entries/:code/correction',
    {
      schema: {
        tags,
        summary: 'Sửa kết quả một tiêu chí sau công bố, để đính chính (kèm lý do)',
        params: entryParams,
        body: correctEntryBody,
        response: responds({ 200: storedEntryResponse }),
      },
    },
    async (request) =>
      presentStoredEntry(
        await correctEntry(contextOf(request, deps), request.params, request.body),
      ),
  );
}
