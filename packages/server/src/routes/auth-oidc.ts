import { oidcCallbackQuery, oidcInfoResponse, oidcStartQuery } from '@chiso/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import {
  FLOW_COOKIE,
  FLOW_COOKIE_PATH,
  FLOW_LIFETIME_MS,
  flowCookieValue,
  readFlowCookie,
  safeReturnPath,
} from '../oidc/oidc-flow.js';
import { finishOidcSignIn, type OidcRefused } from '../use-cases/auth/finish-oidc-sign-in.js';
import { startOidcSignIn } from '../use-cases/auth/start-oidc-sign-in.js';
import { setSessionCookie } from './auth.js';

/** The web app's sign-in page, which shows a refusal from `?oidc=`. */
const SIGN_IN_PAGE = '/dang-nhap';

// The start and the callback are navigations a browser follows, not API calls: answered with
// redirects, so they are left out of the API document like the root's redirect.
const redirects = responds({ 302: z.undefined() });

function clearFlowCookie(reply: FastifyReply) {
  reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
}

/** Back to the sign-in page, saying why (and where the person was going). */
function toSignInPage(
  reply: FastifyReply,
  refusal: Pick<OidcRefused, 'reason' | 'account'>,
  returnTo?: string,
) {
  const query = new URLSearchParams({ oidc: refusal.reason });
  if (refusal.account) query.set('tai-khoan', refusal.account.slice(0, 100));
  if (returnTo && returnTo !== '/') query.set('tiep', returnTo);
  return reply.header('cache-control', 'no-store').redirect(`${SIGN_IN_PAGE}?${query.toString()}`);
}

function logRefusal(request: FastifyRequest, refusal: OidcRefused) {
  if (refusal.detail) request.log.warn({ reason: refusal.reason, detail: refusal.detail }, 'oidc');
}

/** Sign-in through the province's OpenID Connect provider (decision 0037). */
export async function authOidcRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Đăng nhập'];

  api.get(
    '/auth/oidc',
    {
      schema: {
        tags,
        summary: 'Đăng nhập qua hệ thống định danh (OpenID Connect): có bật không, nhãn nút',
        response: responds({ 200: oidcInfoResponse }),
      },
    },
    () => {
      const { oidc } = deps.config;
      return oidc
        ? { enabled: true as const, label: oidc.label }
        : { enabled: false as const, label: null };
    },
  );

  api.get(
    '/auth/oidc/start',
    { schema: { hide: true, querystring: oidcStartQuery, response: redirects } },
    async (request, reply) => {
      const started = await startOidcSignIn(contextOf(request, deps), {
        returnTo: request.query.tiep,
      });
      if (started.kind === 'refused') {
        return toSignInPage(reply, started, safeReturnPath(request.query.tiep));
      }
      reply.setCookie(FLOW_COOKIE, flowCookieValue(started.flow), {
        path: FLOW_COOKIE_PATH,
        httpOnly: true,
        // Lax: sent when the provider sends the browser back (a top-level GET), not on sub-requests.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: FLOW_LIFETIME_MS / 1000,
      });
      return reply.header('cache-control', 'no-store').redirect(started.to.href);
    },
  );

  api.get(
    '/auth/oidc/callback',
    { schema: { hide: true, querystring: oidcCallbackQuery, response: redirects } },
    async (request, reply) => {
      const flow = readFlowCookie(request.cookies[FLOW_COOKIE]);
      const finished = await finishOidcSignIn(contextOf(request, deps), {
        flow,
        // The provider's parameters as sent: the library reads code, state and iss from them.
        query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '',
        userAgent: request.headers['user-agent'],
      });
      if (finished.kind === 'refused') {
        logRefusal(request, finished);
        // A foreign answer leaves this browser's own sign-in to finish; anything else ends it.
        if (finished.reason !== 'state-mismatch') clearFlowCookie(reply);
        return toSignInPage(reply, finished, flow?.returnTo);
      }
      clearFlowCookie(reply);
      setSessionCookie(request, reply, finished.token, finished.expiresAt);
      return reply.header('cache-control', 'no-store').redirect(finished.returnTo);
    },
  );
}
