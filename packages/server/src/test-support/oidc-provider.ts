import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { TestApp } from './test-app.js';

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a loopback port, for the sign-in
 * tests (decision 0037): one client registered with chiso's callback, accounts the test sets, and
 * the library's own development login and consent pages, which the test browser fills in.
 */
export interface TestProvider {
  issuer: string;
  /** The provider's accounts: subject → claims (preferred_username, email, email_verified). */
  accounts: Map<string, Record<string, unknown>>;
  close: () => Promise<void>;
}

export const TEST_CLIENT = { id: 'chiso-test', secret: 'bi-mat-cua-ung-dung-chiso-thu-nghiem' };
/** The test app's public address: the browser below sends what is addressed there to app.inject. */
export const CHISO_ORIGIN = 'http://chiso.test';

/** The environment that points a test app at the provider, as its registered client. */
export function oidcEnv(provider: TestProvider): Record<string, string> {
  return {
    CHISO_PUBLIC_URL: CHISO_ORIGIN,
    CHISO_OIDC_ISSUER: provider.issuer,
    CHISO_OIDC_CLIENT_ID: TEST_CLIENT.id,
    CHISO_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
  };
}

export async function startTestProvider(): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${CHISO_ORIGIN}/api/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: (_ctx, subject) => {
      if (!accounts.has(subject)) return undefined;
      // Read when the tokens are issued: a claim changed by the test is what the provider says next.
      return { accountId: subject, claims: () => ({ sub: subject, ...accounts.get(subject) }) };
    },
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email', 'email_verified'],
    },
    cookies: { keys: ['khoa-cookie-cua-nha-cung-cap-thu-nghiem'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));
  return {
    issuer,
    accounts,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Cookies by name (paths ignored: the names differ), as a browser would send them back. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      // A cleared cookie expires in 1970; other dates are the test clock's (2023), not the machine's.
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) ||
          (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.UTC(2000, 0, 1)),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What chiso answered to a navigation. */
export interface ChisoAnswer {
  status: number;
  location: string | undefined;
}

/**
 * A browser: follows the Location headers by hand and keeps each site's cookies. Requests to
 * the provider go over HTTP; requests to chiso go to the test app (app.inject).
 */
export class TestBrowser {
  readonly chiso = new CookieJar();
  private readonly provider = new CookieJar();

  constructor(private readonly t: TestApp) {}

  /** A navigation to chiso (a path, or a URL of CHISO_ORIGIN). */
  async visitChiso(url: string): Promise<ChisoAnswer> {
    const target = new URL(url, CHISO_ORIGIN);
    const response = await this.t.app.inject({
      method: 'GET',
      url: `${target.pathname}${target.search}`,
      headers: { cookie: this.chiso.header(), 'user-agent': 'TestBrowser' },
    });
    const setCookie = response.headers['set-cookie'];
    this.chiso.take(setCookie === undefined ? [] : [setCookie].flat());
    const location = response.headers.location;
    return {
      status: response.statusCode,
      location: typeof location === 'string' ? location : undefined,
    };
  }

  /**
   * Begins a sign-in at chiso and goes through the provider's pages as `login`, up to the
   * redirect back to chiso; returns that callback address without visiting it.
   */
  async untilCallback(login: string, start = '/api/auth/oidc/start'): Promise<string> {
    const started = await this.visitChiso(start);
    if (started.status !== 302 || !started.location) {
      throw new Error(`start answered ${started.status}`);
    }
    let next = new URL(started.location);
    for (let hop = 0; hop < 20; hop++) {
      if (next.origin === CHISO_ORIGIN) return next.href;
      let response = await this.fetchProvider(next);
      if (response.status === 200) {
        // The development interaction pages: a login form, then a consent form.
        const html = await response.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        const action = /action="([^"]+)"/.exec(html)?.[1];
        if (!prompt || !action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
        const form: Record<string, string> =
          prompt === 'login' ? { prompt, login, password: 'bat-ky' } : { prompt };
        response = await this.fetchProvider(new URL(action, next), new URLSearchParams(form));
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`provider answered ${response.status}: ${await response.text()}`);
      }
      next = new URL(location, next);
    }
    throw new Error('too many redirects');
  }

  private async fetchProvider(url: URL, form?: URLSearchParams): Promise<Response> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: this.provider.header() },
      ...(form ? { body: form } : {}),
    });
    this.provider.take(response.headers.getSetCookie());
    return response;
  }
}
