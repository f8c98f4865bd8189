import {
  loginBody,
  loginResponse,
  okResponse,
  sessionResponse,
  signedInResponse,
} from '@chiso/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@chiso/core';
import type { CurrentActor, Deps } from '../context.js';
import { OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf, SESSION_COOKIE } from '../http/context.js';
import type { Authenticated } from '../use-cases/auth/authenticate.js';
import { requireActor } from '../use-cases/authorize.js';
import { signIn } from '../use-cases/auth/sign-in.js';
import { signOut } from '../use-cases/auth/sign-out.js';

/** The session cookie, as every way of signing in sets it. */
export function setSessionCookie(
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

export interface SessionPerson {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId?: string | null | undefined;
}

/** The session as the web app keeps it: the person, the CSRF token, when it ends. */
export function presentSession(
  person: SessionPerson,
  session: Pick<Authenticated, 'csrfToken' | 'expiresAt' | 'mustChangePassword'>,
) {
  const { id, username, fullName, role, unitId } = person;
  return {
    user: {
      id,
      username,
      fullName,
      role,
      unitId: unitId ?? null,
      mustChangePassword: session.mustChangePassword,
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** A session still owing its second factor: no person yet, only what the code is posted with. */
function presentPending(session: Pick<Authenticated, 'csrfToken' | 'expiresAt'>) {
  return {
    user: null,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    secondFactor: 'totp' as const,
  };
}

/** The session of a signed-in request (loadSession set it before the handler). */
function sessionOf(request: FastifyRequest, actor: CurrentActor) {
  if (!request.auth) throw new Error('a signed-in request without its session');
  return presentSession({ ...actor, id: actor.userId }, request.auth);
}

export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Đăng nhập'];

  api.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập',
        body: loginBody,
        response: responds({ 200: loginResponse }),
      },
    },
    async (request, reply) => {
      const result = await signIn(contextOf(request, deps), {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, result.token, result.expiresAt);
      if (result.secondFactor) return presentPending(result);
      return presentSession(result.user, result);
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags, summary: 'Đăng xuất', response: responds({ 200: okResponse }) } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(contextOf(request, deps), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return OK;
    },
  );

  api.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Người đang đăng nhập và mã CSRF',
        response: responds({ 200: signedInResponse }),
      },
    },
    async (request) => sessionOf(request, requireActor(contextOf(request, deps))),
  );

  // The web app asks this on every page, public ones too: a visitor without an account is not
  // an error, so the answer is 200 with user null (no 401 in the citizen's console).
  api.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Phiên làm việc: người đang đăng nhập và mã CSRF, hoặc user null',
        response: responds({ 200: sessionResponse }),
      },
    },
    async (request) => {
      const { actor } = contextOf(request, deps);
      if (!actor) return { user: null, csrfToken: null, expiresAt: null };
      if (request.auth?.pendingSecondFactor) return presentPending(request.auth);
      return sessionOf(request, actor);
    },
  );
}
