import { DomainError, ERROR_CODES, formatIssue, type ErrorCode, type Issue } from '@chiso/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ResponseContractError } from './contract.js';
import { RequestValidationError } from './validation.js';

/** The one place where a domain error code becomes an HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  FRAMEWORK_INVALID: 422,
  IMPORT_REJECTED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  WINDOW_CLOSED: 409,
  FRAMEWORK_IN_USE: 409,
  FILE_REJECTED: 422,
  RATE_LIMITED: 429,
};

export interface ErrorBody {
  error: { code: ErrorCode | 'INTERNAL'; message: string; issues: Issue[]; details: string[] };
}

function body(
  code: ErrorBody['error']['code'],
  message: string,
  issues: readonly Issue[] = [],
): ErrorBody {
  return { error: { code, message, issues: [...issues], details: issues.map(formatIssue) } };
}

/** Domain errors as their status with a Vietnamese message; anything else is our fault, logged. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    return reply
      .status(HTTP_STATUS[error.code])
      .send(body(error.code, error.message, error.issues));
  }
  if (error instanceof RequestValidationError) {
    return reply
      .status(400)
      .send(body(ERROR_CODES.VALIDATION_FAILED, 'Dữ liệu gửi lên không hợp lệ', error.issues));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError.statusCode === 413) {
    return reply
      .status(413)
      .send(body(ERROR_CODES.FILE_REJECTED, 'Tệp hoặc dữ liệu gửi lên quá lớn'));
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415) {
    return reply
      .status(415)
      .send(
        body(
          ERROR_CODES.VALIDATION_FAILED,
          'Kiểu dữ liệu gửi lên không được hỗ trợ (cần JSON hoặc tệp)',
        ),
      );
  }
  if (MULTIPART_PARSE_ERRORS.has(fastifyError.message)) {
    return reply
      .status(400)
      .send(
        body(
          ERROR_CODES.VALIDATION_FAILED,
          'Tệp gửi lên bị hỏng hoặc không trọn vẹn (nội dung multipart/form-data không đọc được)',
        ),
      );
  }
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return reply
      .status(400)
      .send(body(ERROR_CODES.VALIDATION_FAILED, 'Nội dung JSON gửi lên không hợp lệ'));
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return reply
      .status(fastifyError.statusCode)
      .send(body(ERROR_CODES.VALIDATION_FAILED, 'Yêu cầu không hợp lệ'));
  }
  if (error instanceof ResponseContractError) {
    request.log.error(
      { err: error, route: error.route, status: error.status, issues: error.issues },
      'answer breaks its contract',
    );
  } else {
    request.log.error({ err: error }, 'unexpected error');
  }
  return reply
    .status(500)
    .send(body('INTERNAL', 'Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị'));
}

/**
 * What the multipart parser (@fastify/busboy) throws on a body that does not match its own
 * header — a wrong boundary, a form cut short: the client's fault, plain Errors without a status.
 */
const MULTIPART_PARSE_ERRORS = new Set([
  'Unexpected end of multipart data',
  'Multipart: Boundary not found',
  'Boundary required',
  'Malformed part header',
]);

/**
 * 404 for unknown API routes, in the same shape. A page address of the web app (any other GET
 * asking for HTML) gets the app itself, which routes in the browser.
 */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const wantsPage =
    request.method === 'GET' &&
    !request.url.startsWith('/api/') &&
    String(request.headers.accept ?? '').includes('text/html');
  if (wantsPage && typeof reply.sendFile === 'function') {
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
  return reply.status(404).send(body(ERROR_CODES.NOT_FOUND, 'Không tìm thấy địa chỉ này'));
}
