import {
  changePasswordBody,
  okResponse,
  signedInResponse,
  totpDisableBody,
  totpEnableBody,
  totpEnabledResponse,
  totpSetupResponse,
  totpStatusResponse,
  totpVerifyBody,
  userParams,
} from '@chiso/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { presentUser } from '../repositories/users.js';
import type { Authenticated } from '../use-cases/auth/authenticate.js';
import { changeOwnPassword } from '../use-cases/auth/change-own-password.js';
import { disableOwnTotp, disableTotpOf } from '../use-cases/auth/disable-totp.js';
import { enableTotp } from '../use-cases/auth/enable-totp.js';
import { getTotpStatus } from '../use-cases/auth/get-totp-status.js';
import { setUpTotp } from '../use-cases/auth/set-up-totp.js';
import { verifySecondFactor } from '../use-cases/auth/verify-second-factor.js';
import { requireActor } from '../use-cases/authorize.js';
import { presentSession } from './auth.js';

/** The signed-in request's session (loadSession set it), or 401 through requireActor. */
function sessionOf(request: FastifyRequest, deps: Deps): Authenticated {
  requireActor(contextOf(request, deps));
  if (!request.auth) throw new Error('a signed-in request without its session');
  return request.auth;
}

/** One's own password and two-factor sign-in (decision 0036). */
export async function accountSecurityRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Đăng nhập'];

  api.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Đổi mật khẩu của mình (các phiên khác kết thúc)',
        body: changePasswordBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      const session = sessionOf(request, deps);
      await changeOwnPassword(contextOf(request, deps), session.tokenHash, request.body);
      return OK;
    },
  );

  api.get(
    '/auth/totp',
    {
      schema: {
        tags,
        summary: 'Xác thực hai bước của mình: có được dùng, đã bật chưa',
        response: responds({ 200: totpStatusResponse }),
      },
    },
    async (request) => getTotpStatus(contextOf(request, deps)),
  );

  api.post(
    '/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Bắt đầu cài xác thực hai bước: mã bí mật và mã QR (otpauth://)',
        response: responds({ 200: totpSetupResponse }),
      },
    },
    async (request) => setUpTotp(contextOf(request, deps)),
  );

  api.post(
    '/auth/totp/enable',
    {
      schema: {
        tags,
        summary:
          'Bật xác thực hai bước bằng mã trên ứng dụng; nhận 10 mã khôi phục (chỉ hiện một lần)',
        body: totpEnableBody,
        response: responds({ 200: totpEnabledResponse }),
      },
    },
    async (request) => enableTotp(contextOf(request, deps), request.body.code),
  );

  api.post(
    '/auth/totp/verify',
    {
      schema: {
        tags,
        summary: 'Bước hai của đăng nhập: mã trên ứng dụng hoặc một mã khôi phục',
        body: totpVerifyBody,
        response: responds({ 200: signedInResponse }),
      },
    },
    async (request) => {
      const session = request.auth;
      const { user, expiresAt } = await verifySecondFactor(
        contextOf(request, deps),
        session,
        request.body,
      );
      return presentSession(presentUser(user), {
        csrfToken: session?.csrfToken ?? '',
        expiresAt,
        mustChangePassword: user.mustChangePassword,
      });
    },
  );

  api.post(
    '/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Tắt xác thực hai bước của mình (cần mã hiện tại)',
        body: totpDisableBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await disableOwnTotp(contextOf(request, deps), request.body.code);
      return OK;
    },
  );

  api.post(
    '/users/:id/totp/disable',
    {
      schema: {
        tags: ['Tài khoản'],
        summary: 'Quản trị tắt xác thực hai bước của một tài khoản (mất điện thoại)',
        params: userParams,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await disableTotpOf(contextOf(request, deps), request.params.id);
      return OK;
    },
  );
}
