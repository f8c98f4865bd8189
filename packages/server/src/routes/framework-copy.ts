import {
  codeMapQuery,
  codeMapResponse,
  frameworkNodeParams,
  frameworkParams,
  frameworkResponse,
  renumberBody,
  saveCodeMapBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { confirmFrameworkReview } from '../use-cases/frameworks/confirm-review.js';
import { getCodeMap } from '../use-cases/frameworks/get-code-map.js';
import { renumberFrameworkNode } from '../use-cases/frameworks/renumber-node.js';
import { saveCodeMap } from '../use-cases/frameworks/save-code-map.js';

const tags = ['Bộ chỉ số'];

/** Review of a copied framework, its code map from last year, renumbering (decision 0013). */
export async function frameworkCopyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.post(
    '/frameworks/:id/review',
    {
      schema: {
        tags,
        summary: 'Xác nhận đã rà soát bộ chỉ số sao chép (các ngày đã dời, các mục cần kiểm tra)',
        params: frameworkParams,
        response: responds({ 200: frameworkResponse }),
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
        params: frameworkParams,
        querystring: codeMapQuery,
        response: responds({ 200: codeMapResponse }),
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
        params: frameworkParams,
        body: saveCodeMapBody,
        response: responds({ 200: codeMapResponse }),
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
        params: frameworkNodeParams,
        body: renumberBody,
        response: responds({ 200: frameworkResponse }),
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
