import {
  correctEntryBody,
  entryParams,
  erratumPreviewResponse,
  erratumResponse,
  issueErratumBody,
  periodIdParams,
  rankingQuery,
  rankingResponse,
  resultsQuery,
  resultsResponse,
  storedEntryResponse,
  unitResultPageResponse,
  unitResultParams,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { download, responds, XLSX_TYPE, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import {
  contractJson,
  noStoreUnlessAnswered,
  PRIVATE_CACHE,
  PRIVATE_NO_STORE,
  PublicAnswers,
} from '../http/public-cache.js';
import { buildResultsWorkbook } from '../spreadsheet/write-results.js';
import { presentStoredEntry } from '../use-cases/assessment/stored-entry.js';
import { correctEntry } from '../use-cases/results/correct-entry.js';
import { getResults } from '../use-cases/results/get-results.js';
import { getResultsRanking } from '../use-cases/results/get-results-ranking.js';
import { getUnitResult, trendStamp } from '../use-cases/results/get-unit-result.js';
import { resolveResults } from '../use-cases/results/snapshot.js';
import { issueErratum } from '../use-cases/results/issue-erratum.js';
import { previewErratum } from '../use-cases/results/preview-erratum.js';
import { publicationHeading } from '../use-cases/results/present-publication.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function resultsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Kết quả'];
  // A publication's pages as bytes built and compressed once, keyed by its version (0048).
  const answers = new PublicAnswers(128 * 1024 * 1024);
  const validate = deps.config.validateResponses;
  const notModified = {
    304: z.undefined().describe('Không thay đổi (ETag trùng If-None-Match)'),
  };

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
    '/periods/:id/results/ranking',
    {
      onSend: noStoreUnlessAnswered,
      schema: {
        tags,
        summary:
          'Một trang bảng xếp hạng của một khối (không có tiêu chí: xem trang đơn vị); sau công bố có ETag',
        params: periodIdParams,
        querystring: rankingQuery,
        response: responds({ 200: rankingResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const { version, block, offset, limit } = request.query;
      const resolved = await resolveResults(contextOf(request, deps), request.params.id, version);
      const page = async () => getResultsRanking(await resolved.load(), { block, offset, limit });
      if (resolved.key === null) {
        reply.header('cache-control', PRIVATE_NO_STORE);
        return page();
      }
      return answers.send(request, reply, {
        key: `ranking|${resolved.key}|${block ?? ''}|${offset}|${limit}`,
        type: JSON_TYPE,
        cacheControl: PRIVATE_CACHE,
        build: async () =>
          contractJson(rankingResponse, await page(), validate, 'GET /periods/:id/results/ranking'),
      });
    },
  );

  api.get(
    '/periods/:id/results/units/:unitId',
    {
      onSend: noStoreUnlessAnswered,
      schema: {
        tags,
        summary:
          'Kết quả một đơn vị: mọi tiêu chí, điểm bị mất, cách tính, bình quân nhóm, qua các kỳ',
        params: unitResultParams,
        querystring: resultsQuery,
        response: responds({ 200: unitResultPageResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const { id, unitId } = request.params;
      const resolved = await resolveResults(ctx, id, request.query.version);
      const page = async () => getUnitResult(ctx, await resolved.load(), unitId);
      if (resolved.key === null) {
        reply.header('cache-control', PRIVATE_NO_STORE);
        return page();
      }
      return answers.send(request, reply, {
        // The trend reads earlier publications: their versions are part of the key.
        key: `unit|${resolved.key}|${unitId}|${await trendStamp(ctx, resolved.year)}`,
        type: JSON_TYPE,
        cacheControl: PRIVATE_CACHE,
        build: async () =>
          contractJson(
            unitResultPageResponse,
            await page(),
            validate,
            'GET /periods/:id/results/units/:unitId',
          ),
      });
    },
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
      const workbook = await buildResultsWorkbook(
        results.groups,
        publicationHeading(results.publication),
      );
      const buffer = await workbook.xlsx.writeBuffer();
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
