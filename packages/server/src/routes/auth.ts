import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CurrentActor, Deps } from '../context.js';
import { contextOf, SESSION_COOKIE } from '../http/context.js';
import { requireActor } from '../use-cases/authorize.js';
import { signIn } from '../use-cases/auth/sign-in.js';
import { signOut } from '../use-cases/auth/sign-out.js';

const loginBody = z.object({
  username: z.string().trim().min(1, 'nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'nhập mật khẩu').max(200),
});

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

function presentSession(request: FastifyRequest, actor: CurrentActor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      fullName: actor.fullName,
      role: actor.role,
      unitId: actor.unitId ?? null,
    },
    csrfToken: request.auth?.csrfToken,
    expiresAt: request.auth?.expiresAt,
  };
}

export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/login',
    { schema: { tags: ['Đăng nhập'], summary: 'Đăng nhập', body: loginBody } },
    async (request, reply) => {
      const result = await signIn(contextOf(request, deps), {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['Đăng nhập'], summary: 'Đăng xuất' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(contextOf(request, deps), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  api.get(
    '/auth/me',
    { schema: { tags: ['Đăng nhập'], summary: 'Người đang đăng nhập và mã CSRF' } },
    async (request) => presentSession(request, requireActor(contextOf(request, deps))),
  );

  // The web app asks this on every page, public ones too: a visitor without an account is not
  // an error, so the answer is 200 with user null (no 401 in the citizen's console).
  api.get(
    '/auth/session',
    {
      schema: {
        tags: ['Đăng nhập'],
        summary: 'Phiên làm việc: người đang đăng nhập và mã CSRF, hoặc user null',
      },
    },
    async (request) => {
      const { actor } = contextOf(request, deps);
      if (!actor) return { user: null, csrfToken: null, expiresAt: null };
      return presentSession(request, actor);
    },
  );
}
