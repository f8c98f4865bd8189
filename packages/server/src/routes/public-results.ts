import {
  publicBlockParams,
  publicPeriodParams,
  publicPeriodResponse,
  publicPeriodsResponse,
  publicRankingResponse,
  publicUnitParams,
  publicUnitResponse,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { download, responds, XLSX_TYPE, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import {
  contractJson,
  DOWNLOAD_CACHE,
  noStoreUnlessAnswered,
  PAGE_CACHE,
  PublicAnswers,
} from '../http/public-cache.js';
import { exportDataDictionary } from '../use-cases/public-results/export-data-dictionary.js';
import { exportPublicCsv } from '../use-cases/public-results/export-public-csv.js';
import { exportPublicJson } from '../use-cases/public-results/export-public-json.js';
import { exportPublicXlsx } from '../use-cases/public-results/export-public-xlsx.js';
import { getPublicPeriod } from '../use-cases/public-results/get-public-period.js';
import { getPublicRanking } from '../use-cases/public-results/get-public-ranking.js';
import { getPublicUnit, trendPeriods } from '../use-cases/public-results/get-public-unit.js';
import { listPublicPeriods } from '../use-cases/public-results/list-public-periods.js';
import {
  createPortal,
  publicPeriods,
  requirePublic,
} from '../use-cases/public-results/portal.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';
/** The 304 of a cached answer has no body. */
const notModified = { 304: z.undefined().describe('Không thay đổi (ETag trùng If-None-Match)') };

/**
 * The public results portal (decision 0022): no account, no CSRF. Every request reads which
 * periods are public at this instant (one small query: the embargo is exact), then answers
 * from bytes built once per period and version of the publication in force.
 */
export async function publicResultsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Cổng công khai kết quả'];
  const portal = createPortal();
  const answers = new PublicAnswers();
  const validate = deps.config.validateResponses;
  const onSend = noStoreUnlessAnswered;
  const stamp = (periods: readonly { id: string; version: number }[]) =>
    periods.map((p) => `${p.id}:${p.version}`).join(',');

  api.get(
    '/public/results',
    {
      onSend,
      schema: {
        tags,
        summary: 'Các kỳ đã công khai kết quả (bản đang có hiệu lực), mới nhất trước',
        response: responds({ 200: publicPeriodsResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const periods = await publicPeriods(ctx);
      return answers.send(request, reply, {
        key: `periods|${stamp(periods)}`,
        type: JSON_TYPE,
        cacheControl: PAGE_CACHE,
        build: async () =>
          contractJson(
            publicPeriodsResponse,
            await listPublicPeriods(ctx, portal, periods),
            validate,
            'GET /api/public/results',
          ),
      });
    },
  );

  api.get(
    '/public/results/:periodId',
    {
      onSend,
      schema: {
        tags,
        summary: 'Một kỳ: các khối với số đơn vị theo xếp loại, bình quân, tải dữ liệu, giấy phép',
        params: publicPeriodParams,
        response: responds({ 200: publicPeriodResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const state = requirePublic(await publicPeriods(ctx), request.params.periodId);
      return answers.send(request, reply, {
        key: `period|${state.id}:${state.version}`,
        type: JSON_TYPE,
        cacheControl: PAGE_CACHE,
        build: async () =>
          contractJson(
            publicPeriodResponse,
            await getPublicPeriod(ctx, portal, state),
            validate,
            'GET /api/public/results/:periodId',
          ),
      });
    },
  );

  api.get(
    '/public/results/:periodId/blocks/:group',
    {
      onSend,
      schema: {
        tags,
        summary: 'Bảng xếp hạng đầy đủ của một khối',
        params: publicBlockParams,
        response: responds({ 200: publicRankingResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const state = requirePublic(await publicPeriods(ctx), request.params.periodId);
      const { group } = request.params;
      return answers.send(request, reply, {
        key: `ranking|${state.id}:${state.version}|${group}`,
        type: JSON_TYPE,
        cacheControl: PAGE_CACHE,
        build: async () =>
          contractJson(
            publicRankingResponse,
            await getPublicRanking(ctx, portal, state, group),
            validate,
            'GET /api/public/results/:periodId/blocks/:group',
          ),
      });
    },
  );

  api.get(
    '/public/results/:periodId/units/:unitId',
    {
      onSend,
      schema: {
        tags,
        summary:
          'Một đơn vị: lĩnh vực so với bình quân khối, từng tiêu chí với điểm bị mất và lý do, diễn biến qua các năm',
        params: publicUnitParams,
        response: responds({ 200: publicUnitResponse, ...notModified }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const periods = await publicPeriods(ctx);
      const state = requirePublic(periods, request.params.periodId);
      const { unitId } = request.params;
      return answers.send(request, reply, {
        // The trend reads earlier public periods: their versions are part of the key.
        key: `unit|${state.id}:${state.version}|${unitId}|${stamp(trendPeriods(periods, state))}`,
        type: JSON_TYPE,
        cacheControl: PAGE_CACHE,
        build: async () =>
          contractJson(
            publicUnitResponse,
            await getPublicUnit(ctx, portal, periods, state, unitId),
            validate,
            'GET /api/public/results/:periodId/units/:unitId',
          ),
      });
    },
  );

  const downloads = [
    {
      file: 'data.csv',
      summary: 'Toàn bộ kết quả dạng CSV (RFC 4180, UTF-8), mỗi đơn vị một dòng',
      type: CSV_TYPE,
      compressible: true,
      build: exportPublicCsv,
    },
    {
      file: 'data.json',
      summary: 'Toàn bộ kết quả dạng JSON, kèm lĩnh vực, tiêu chí, giấy phép và từ điển dữ liệu',
      type: JSON_TYPE,
      compressible: true,
      build: exportPublicJson,
    },
    {
      file: 'data.xlsx',
      summary: 'Toàn bộ kết quả dạng Excel: kết quả, lĩnh vực, từ điển dữ liệu, giấy phép',
      type: XLSX_TYPE,
      compressible: false,
      build: exportPublicXlsx,
    },
    {
      file: 'data-dictionary.csv',
      summary: 'Từ điển dữ liệu: ý nghĩa, kiểu và đơn vị của từng cột trong data.csv',
      type: CSV_TYPE,
      compressible: true,
      build: exportDataDictionary,
    },
  ] as const;

  for (const d of downloads) {
    api.get(
      `/public/results/:periodId/${d.file}`,
      {
        onSend,
        schema: {
          tags,
          summary: d.summary,
          params: publicPeriodParams,
          response: responds({ 200: download(d.type.split(';')[0]), ...notModified }),
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request, deps);
        const state = requirePublic(await publicPeriods(ctx), request.params.periodId);
        const [base, extension] = d.file.split('.');
        const suffix = state.version > 1 ? `-dinh-chinh-${state.version - 1}` : '';
        return answers.send(request, reply, {
          key: `${d.file}|${state.id}:${state.version}`,
          type: d.type,
          cacheControl: DOWNLOAD_CACHE,
          compressible: d.compressible,
          fileName: `chi-so-cchc-${state.year}-${base}${suffix}.${extension}`,
          build: () => d.build(ctx, portal, state),
        });
      },
    );
  }
}
