import {
  apiTokenListResponse,
  apiTokenParams,
  apiTokenResponse,
  issueApiTokenBody,
  issuedApiTokenResponse,
  rotateApiTokenBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { issueApiToken } from '../use-cases/api-tokens/issue-api-token.js';
import { listApiTokens } from '../use-cases/api-tokens/list-api-tokens.js';
import { revokeApiToken } from '../use-cases/api-tokens/revoke-api-token.js';
import { rotateApiToken } from '../use-cases/api-tokens/rotate-api-token.js';

const tags = ['Kết nối hệ thống (API)'];

/** A secretariat's API tokens for source systems: issue, list, rotate, revoke (administrator). */
export async function apiTokenRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Các mã API của cơ quan thường trực (không kèm mã bí mật)',
        response: responds({ 200: apiTokenListResponse }),
      },
    },
    async (request) => listApiTokens(contextOf(request, deps)),
  );

  api.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Cấp mã API cho một hệ thống (mã bí mật chỉ hiện một lần)',
        body: issueApiTokenBody,
        response: responds({ 201: issuedApiTokenResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueApiToken(contextOf(request, deps), request.body)),
  );

  api.post(
    '/api-tokens/:id/rotate',
    {
      schema: {
        tags,
        summary: 'Đổi mã API: mã mới (hiện một lần); mã cũ còn dùng được trong số ngày chuyển tiếp',
        params: apiTokenParams,
        body: rotateApiTokenBody,
        response: responds({ 201: issuedApiTokenResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await rotateApiToken(contextOf(request, deps), {
          id: request.params.id,
          graceDays: request.body.graceDays,
        }),
      ),
  );

  api.post(
    '/api-tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi mã API ngay',
        params: apiTokenParams,
        response: responds({ 200: apiTokenResponse }),
      },
    },
    async (request) => revokeApiToken(contextOf(request, deps), request.params.id),
  );
}
