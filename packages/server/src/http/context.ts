import { DomainError, ERROR_CODES } from '@chiso/core';
import type { FastifyRequest } from 'fastify';
import type { Deps, UseCaseContext } from '../context.js';
import { authenticate, type Authenticated } from '../use-cases/auth/authenticate.js';
import { PUSH_PREFIX } from './api-token.js';

export const SESSION_COOKIE = 'chiso_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a session still owing its second factor may reach (decision 0036). */
const PENDING_ROUTES = new Set([
  'POST /api/auth/totp/verify',
  'POST /api/auth/logout',
  'GET /api/auth/session',
]);

/** What a person whose password an administrator set may reach before changing it. */
const MUST_CHANGE_ROUTES = new Set([
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'GET /api/auth/session',
  'GET /api/auth/me',
]);

function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | undefined;
  }
}

/**
 * Reads the session cookie before every handler. A changing request from a signed-in browser
 * must echo the session's CSRF token in `X-CSRF-Token`; cookies alone never authorise a change.
 */
export async function loadSession(request: FastifyRequest, deps: Deps): Promise<void> {
  // Source systems' routes take an API token only (http/api-token): a cookie opens nothing there.
  if (request.url.startsWith(PUSH_PREFIX)) {
    request.auth = undefined;
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  const route = routeKey(request);
  request.auth = token
    ? await authenticate(deps, token, deps.clock(), PENDING_ROUTES.has(route))
    : undefined;
  // Respondents' routes act on no session, so a cookie cannot be abused through them.
  const isPublic = request.url.startsWith('/api/public/');
  if (request.auth && MUTATING.has(request.method) && !isPublic) {
    if (request.headers['x-csrf-token'] !== request.auth.csrfToken) {
      throw new DomainError(
        ERROR_CODES.FORBIDDEN,
        'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang rồi thử lại',
      );
    }
  }
  if (
    request.auth?.mustChangePassword === true &&
    request.url.startsWith('/api/') &&
    !isPublic &&
    !MUST_CHANGE_ROUTES.has(route)
  ) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      'Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu (mục "Đổi mật khẩu") trước khi làm việc khác',
    );
  }
}

/** The use-case context of a request: who, from where, and the server's time. */
export function contextOf(request: FastifyRequest, deps: Deps): UseCaseContext {
  return { actor: request.auth?.actor, ip: request.ip, now: deps.clock(), deps };
}
