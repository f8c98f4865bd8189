import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { confirmFrameworkReview } from '../use-cases/frameworks/confirm-review.js';
import { getCodeMap } from '../use-cases/frameworks/get-code-map.js';
import { renumberFrameworkNode } from '../use-cases/frameworks/renumber-node.js';
import { saveCodeMap } from '../use-cases/frameworks/save-code-map.js';

const tags = ['Bộ chỉ số'];
const frameworkId = z.object({ id: z.uuid('mã bộ chỉ số không hợp lệ') });
const code = z.string().trim().max(40);

/** Review of a copied framework, its code map from last year, renumbering (decision 0013). */
export async function frameworkCopyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/frameworks/:id/review',
    {
      schema: {
        tags,
        summary: 'Xác nhận đã rà soát bộ chỉ số sao chép (các ngày đã dời, các mục cần kiểm tra)',
        params: frameworkId,
      },
    },
    async (request) => confirmFrameworkReview(contextOf(request, deps), request.params.id),
  );

  api.get(
    '/frameworks/:id/code-map',
    {
      schema: {
        tags,
        summary:
          'Bảng đối chiếu mã năm trước → năm nay (from: xem bảng mặc định với bộ chỉ số khác)',
        params: frameworkId,
        querystring: z.object({ from: z.uuid('mã bộ chỉ số không hợp lệ').optional() }),
      },
    },
    async (request) => getCodeMap(contextOf(request, deps), request.params.id, request.query.from),
  );

  api.put(
    '/frameworks/:id/code-map',
    {
      schema: {
        tags,
        summary: 'Lưu bảng đối chiếu mã năm trước → năm nay',
        params: frameworkId,
        body: z.object({
          previousFrameworkId: z.uuid('mã bộ chỉ số không hợp lệ').nullable(),
          links: z
            .array(z.object({ oldCode: code.nullable(), newCode: code.nullable() }))
            .max(5000),
        }),
      },
    },
    async (request) => saveCodeMap(contextOf(request, deps), request.params.id, request.body),
  );

  api.post(
    '/frameworks/:id/nodes/:code/renumber',
    {
      schema: {
        tags,
        summary: 'Đổi mã một mục (và các mục con) khi bộ chỉ số năm mới đánh số lại',
        params: frameworkId.extend({ code: z.string().min(1).max(40) }),
        body: z.object({ code: z.string().trim().min(1).max(40) }),
      },
    },
    async (request) =>
      renumberFrameworkNode(
        contextOf(request, deps),
        request.params.id,
        request.params.code,
        request.body.code,
      ),
  );
}
