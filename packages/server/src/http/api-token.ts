import type { FastifyRequest } from 'fastify';
import type { Deps, UseCaseContext } from '../context.js';
import {
  authenticateApiToken,
  type ApiTokenActor,
} from '../use-cases/api-tokens/authenticate-api-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiToken: ApiTokenActor | undefined;
  }
}

/** Where source systems call with a token; no session cookie is read there (http/context). */
export const PUSH_PREFIX = '/api/push/';

/**
 * The push routes' first step, before the body is validated: the `Authorization: Bearer`
 * token or 401, so that a caller without a working token learns nothing of the contract.
 */
export function tokenRequired(deps: Deps) {
  return async (request: FastifyRequest): Promise<void> => {
    request.apiToken = await authenticateApiToken(
      deps,
      request.headers.authorization,
      deps.clock(),
    );
  };
}

/** The use-case context and the token of a push request (no account acts). */
export function tokenContextOf(
  request: FastifyRequest,
  deps: Deps,
): { ctx: UseCaseContext; token: ApiTokenActor } {
  const token = request.apiToken;
  if (token === undefined) throw new Error('push route without tokenRequired');
  return { ctx: { actor: undefined, ip: request.ip, now: deps.clock(), deps }, token };
}
