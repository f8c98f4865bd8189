import { request, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './constants';

type Json = Record<string, unknown>;

/** A signed-in API session, for arranging what a journey does not show. */
export class Api {
  private constructor(
    private readonly context: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async signIn(username: string, password: string): Promise<Api> {
    const context = await request.newContext({ baseURL: BASE_URL });
    const response = await context.post('/api/auth/login', { data: { username, password } });
    if (!response.ok())
      throw new Error(`đăng nhập ${username}: ${response.status()} ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string };
    return new Api(context, body.csrfToken);
  }

  async get(url: string): Promise<Json> {
    return this.check(`GET ${url}`, await this.context.get(`/api${url}`));
  }

  async send(method: 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown): Promise<Json> {
    const response = await this.context.fetch(`/api${url}`, {
      method,
      headers: { 'x-csrf-token': this.csrf },
      ...(data === undefined ? {} : { data }),
    });
    return this.check(`${method} ${url}`, response);
  }

  async upload(url: string, name: string, mimeType: string, buffer: Buffer): Promise<Json> {
    const response = await this.context.post(`/api${url}`, {
      headers: { 'x-csrf-token': this.csrf },
      multipart: { file: { name, mimeType, buffer } },
    });
    return this.check(`POST ${url}`, response);
  }

  /**
   * Uploads to an import route that runs as a job (decisions 0034, 0042) and waits for the job:
   * its answer once succeeded; a refusal or a stop throws with the problems.
   */
  async importFile(url: string, name: string, mimeType: string, buffer: Buffer): Promise<Json> {
    const queued = await this.upload(url, name, mimeType, buffer);
    for (let polls = 0; polls < 600; polls++) {
      const job = await this.get(`/imports/${String(queued.id)}`);
      if (job.state === 'succeeded') return job.result as Json;
      if (job.state !== 'queued' && job.state !== 'running')
        throw new Error(`POST ${url}: ${String(job.state)} ${JSON.stringify(job.problems)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`POST ${url}: the import did not end`);
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }

  private async check(
    what: string,
    response: Awaited<ReturnType<APIRequestContext['get']>>,
  ): Promise<Json> {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as Json) : {};
  }
}
