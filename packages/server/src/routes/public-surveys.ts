import {
  answeredResponse,
  codeAnswersBody,
  codeParams,
  draftSavedResponse,
  linkAnswersBody,
  linkFormResponse,
  linkSubmitBody,
  linkDraftResponse,
  linkFormQuery,
  linkParams,
  publicFormResponse,
} from '@chiso/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { newToken } from '../security/tokens.js';
import {
  getCodeForm,
  saveCodeDraft,
  submitCodeResponse,
} from '../use-cases/survey-responses/answer-by-code.js';
import {
  getLinkForm,
  saveLinkDraft,
  submitLinkResponse,
} from '../use-cases/survey-responses/answer-by-link.js';

/** A random token per browser: one answer per device and unit through an open link. */
export const DEVICE_COOKIE = 'chiso_device';
const DEVICE_DAYS = 400;
const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

/** The device cookie of the request, or a new one set on the answer. */
function deviceOf(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[DEVICE_COOKIE];
  if (existing !== undefined && TOKEN.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/public/surveys',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: DEVICE_DAYS * 24 * 60 * 60,
  });
  return token;
}

/**
 * Respondents' routes: no account, no CSRF (no session acts here). Forms with saved answers are
 * never cached by the browser or a proxy.
 */
export async function publicSurveyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Trả lời khảo sát'];

  api.get(
    '/public/surveys/code/:code',
    {
      schema: {
        tags,
        summary: 'Phiếu khảo sát theo mã cá nhân, kèm câu trả lời đã lưu tạm',
        params: codeParams,
        response: responds({ 200: publicFormResponse }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getCodeForm(contextOf(request, deps), request.params.code);
    },
  );

  api.put(
    '/public/surveys/code/:code/draft',
    {
      schema: {
        tags,
        summary: 'Lưu tạm câu trả lời để làm tiếp sau (theo mã cá nhân)',
        params: codeParams,
        body: codeAnswersBody,
        response: responds({ 200: draftSavedResponse }),
      },
    },
    async (request) =>
      saveCodeDraft(contextOf(request, deps), request.params.code, request.body.answers),
  );

  api.post(
    '/public/surveys/code/:code',
    {
      schema: {
        tags,
        summary: 'Gửi phiếu trả lời (mỗi mã chỉ dùng một lần)',
        params: codeParams,
        body: codeAnswersBody,
        response: responds({ 200: answeredResponse }),
      },
    },
    async (request) =>
      submitCodeResponse(contextOf(request, deps), request.params.code, request.body.answers),
  );

  api.get(
    '/public/surveys/link/:token',
    {
      schema: {
        tags,
        summary:
          'Phiếu khảo sát theo đường dẫn (mã QR) của đơn vị; answered: thiết bị này đã gửi phiếu cho đơn vị',
        params: linkParams,
        querystring: linkFormQuery,
        response: responds({ 200: linkFormResponse }),
      },
    },
    async (request, reply) => {
      const deviceToken = deviceOf(request, reply);
      reply.header('cache-control', 'no-store');
      return getLinkForm(contextOf(request, deps), request.params.token, {
        resume: request.query.resume,
        deviceToken,
      });
    },
  );

  api.put(
    '/public/surveys/link/:token/draft',
    {
      schema: {
        tags,
        summary: 'Lưu tạm câu trả lời; trả về mã để làm tiếp sau',
        params: linkParams,
        body: linkAnswersBody,
        response: responds({ 200: linkDraftResponse }),
      },
    },
    async (request) => saveLinkDraft(contextOf(request, deps), request.params.token, request.body),
  );

  api.post(
    '/public/surveys/link/:token',
    {
      schema: {
        tags,
        summary:
          'Gửi phiếu trả lời qua đường dẫn, kèm mã phiếu dùng một lần (mỗi thiết bị một lần cho mỗi đơn vị)',
        params: linkParams,
        body: linkSubmitBody,
        response: responds({ 200: answeredResponse }),
      },
    },
    async (request, reply) => {
      const deviceToken = deviceOf(request, reply);
      return submitLinkResponse(contextOf(request, deps), request.params.token, {
        ...request.body,
        deviceToken,
      });
    },
  );
}
