import {
  periodParams,
  periodStatisticsResponse,
  pushStatisticsBody,
  pushStatisticsResponse,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { tokenContextOf, tokenRequired } from '../http/api-token.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { pushStatistics } from '../use-cases/statistics/push-statistics.js';
import { readStatisticsByToken } from '../use-cases/statistics/read-statistics-by-token.js';

const tags = ['Kết nối hệ thống (API)'];
const security = [{ bearer: [] }];

/**
 * What source systems call with an API token (`Authorization: Bearer chiso_…`) and nothing
 * else: the session cookie is not read under /api/push, and no other route reads a token.
 */
export async function pushRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const preValidation = tokenRequired(deps);

  api.post(
    '/push/periods/:periodId/statistics',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary:
          'Hệ thống một cửa gửi số liệu thống kê TTHC của các đơn vị trong kỳ (mã API, quyền statistics:write; nhận tất cả hoặc không)',
        params: periodParams,
        body: pushStatisticsBody,
        response: responds({ 200: pushStatisticsResponse }),
      },
    },
    async (request) => {
      const { ctx, token } = tokenContextOf(request, deps);
      return pushStatistics(ctx, token, {
        periodId: request.params.periodId,
        rows: request.body.rows,
        countedTo: request.body.countedTo,
      });
    },
  );

  api.get(
    '/push/periods/:periodId/statistics',
    {
      preValidation,
      schema: {
        tags,
        security,
        summary: 'Đọc lại số liệu thống kê TTHC của kỳ (mã API, quyền statistics:read)',
        params: periodParams,
        response: responds({ 200: periodStatisticsResponse }),
      },
    },
    async (request) => {
      const { ctx, token } = tokenContextOf(request, deps);
      return readStatisticsByToken(ctx, token, request.params.periodId);
    },
  );
}
