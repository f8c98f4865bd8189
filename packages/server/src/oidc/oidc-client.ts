import type * as Client from 'openid-client';
import type { OidcConfig } from './oidc-config.js';

// openid-client (with oauth4webapi and jose) is loaded on the first sign-in, not by every start
// of a server that may never have a provider configured (decision 0059).
let library: Promise<typeof Client> | undefined;
const openidClient = () => (library ??= import('openid-client'));

/** How long one call to the provider (discovery, token, userinfo) may take. */
const PROVIDER_TIMEOUT_S = 10;

/** What the provider said about the person, after the library checked the ID token. */
export interface ProviderIdentity {
  /** The issuer the ID token was checked against (the discovered one). */
  issuer: string;
  subject: string;
  /** The configured claim's value (username or e-mail), if the provider gave one. */
  account: string | undefined;
  /** For the e-mail claim: whether the provider says the address is verified. */
  emailVerified: boolean;
}

/** The three values a sign-in is checked with, derived from the browser's flow cookie. */
export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider could not be reached, or its answer did not validate. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
}

/** The provider refused or the person cancelled (an `error` in the callback). */
export class ProviderRefusal extends Error {
  override readonly name = 'ProviderRefusal';
}

// One discovery per configuration (one provider per server); a failed one is tried again next time.
const discovered = new WeakMap<OidcConfig, Promise<Client.Configuration>>();

function configurationOf(config: OidcConfig): Promise<Client.Configuration> {
  let found = discovered.get(config);
  if (!found) {
    found = openidClient()
      .then((client) =>
        client.discovery(
          config.issuer,
          config.clientId,
          undefined,
          client.ClientSecretBasic(config.clientSecret),
          {
            timeout: PROVIDER_TIMEOUT_S,
            // The configuration accepts http only for a provider on this machine (oidc-config.ts).
            ...(config.issuer.protocol === 'http:'
              ? { execute: [client.allowInsecureRequests] }
              : {}),
          },
        ),
      )
      .catch((error: unknown) => {
        discovered.delete(config);
        throw new ProviderError(`discovery failed: ${String(error)}`, { cause: error });
      });
    discovered.set(config, found);
  }
  return found;
}

/** Where to send the browser: the provider's authorization endpoint with PKCE, state and nonce. */
export async function authorizationUrl(config: OidcConfig, checks: FlowChecks): Promise<URL> {
  const configuration = await configurationOf(config);
  const client = await openidClient();
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUrl.href,
    response_type: 'code',
    scope: config.scopes,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Exchanges the code for tokens and has the library check the ID token (signature, issuer,
 * audience, expiry, nonce) and the answer (state, iss); then reads the configured claim from the
 * ID token, or from the userinfo endpoint when the token does not carry it.
 */
export async function redeemCallback(
  config: OidcConfig,
  query: string,
  checks: FlowChecks,
): Promise<ProviderIdentity> {
  const configuration = await configurationOf(config);
  const client = await openidClient();
  const callback = new URL(config.redirectUrl);
  callback.search = query;
  if (callback.searchParams.has('error')) {
    throw new ProviderRefusal(callback.searchParams.get('error') ?? 'error');
  }
  try {
    const tokens = await client.authorizationCodeGrant(configuration, callback, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new ProviderError('no ID token');
    let source: Record<string, unknown> = claims;
    if (typeof claims[config.claim] !== 'string') {
      source = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
    const value = source[config.claim];
    return {
      issuer: configuration.serverMetadata().issuer,
      subject: claims.sub,
      account: typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined,
      emailVerified: source.email_verified === true,
    };
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    // The library's own errors: a bad code, a token that does not validate, the provider down.
    throw new ProviderError(`code exchange failed: ${String(error)}`, { cause: error });
  }
}
