import type { ErrorResponse, IssueResponse } from '@chiso/contract';

/** Where a problem is (sheet, row, column or JSON path) and what it is, as the server sent it. */
export type ApiIssue = IssueResponse;

/** An error the server answered with: its code, its Vietnamese message, and what is wrong where. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
    /** The same problems as `details`, with their location kept apart (for tables). */
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent with every change (the server refuses changes without it). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** What a failed answer may hold: the contract's error, or nothing (a proxy's page). */
interface ErrorBody {
  error?: Partial<ErrorResponse['error']>;
}

async function failure(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON: a proxy or a network failure; say so plainly below.
  }
  return new ApiError(
    response.status,
    body.error?.code ?? 'INTERNAL',
    body.error?.message ?? `Máy chủ không trả lời được (mã ${response.status}); vui lòng thử lại`,
    body.error?.details ?? [],
    body.error?.issues ?? [],
  );
}

/** Calls the API with the session cookie; JSON in and out; errors as ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ; kiểm tra mạng rồi thử lại');
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/**
 * Uploads a file as multipart form data, reporting progress (0–1). XMLHttpRequest, because
 * fetch cannot report upload progress.
 */
export function upload<T>(
  path: string,
  file: File,
  onProgress?: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api${path}`);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? '' },
      });
      if (request.status >= 200 && request.status < 300) {
        resolve(JSON.parse(request.responseText) as T);
      } else {
        void failure(response).then(reject);
      }
    };
    request.onerror = () =>
      reject(new ApiError(0, 'NETWORK', 'Mất kết nối khi tải tệp lên; vui lòng thử lại'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
