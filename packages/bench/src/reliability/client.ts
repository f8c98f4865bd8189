/** A signed-in browser over loopback: the session cookie, and the CSRF header on changes. */
export interface Client {
  base: string;
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    timeoutMs?: number,
  ) => Promise<Answer>;
  upload: (
    path: string,
    fileName: string,
    content: Uint8Array,
    timeoutMs: number,
  ) => Promise<Answer>;
}

export interface Answer {
  status: number;
  body: unknown;
}

export async function signIn(
  base: string,
  account: { username: string; password: string },
): Promise<Client> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const text = await response.text();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('chiso_session='));
  if (response.status !== 200 || cookie === undefined) {
    throw new Error(`sign-in ${account.username} → ${response.status}: ${text}`);
  }
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const read = async (response: Response): Promise<Answer> => {
    const raw = await response.text();
    let body: unknown = raw;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    return { status: response.status, body };
  };
  return {
    base,
    request: async (method, path, body, timeoutMs = 30_000) =>
      read(
        await fetch(`${base}${path}`, {
          method,
          headers:
            body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      ),
    upload: async (path, fileName, content, timeoutMs) => {
      const form = new FormData();
      form.append('file', new Blob([content]), fileName);
      return read(
        await fetch(`${base}${path}`, {
          method: 'POST',
          headers,
          body: form,
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    },
  };
}
