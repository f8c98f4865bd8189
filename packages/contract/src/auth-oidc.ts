import { z } from 'zod';

// Sign-in through a province's OpenID Connect provider (decision 0037). The start and the
// callback are browser navigations answered with redirects; the sign-in page asks whether the
// way is on, and reads why a sign-in was refused from its own address (`?oidc=<reason>`, worded
// by the web app's features/login/oidc-refusals.ts).

/** GET /auth/oidc: whether sign-in by the provider is on, and the button's words. */
export const oidcInfoResponse = z.union([
  z.strictObject({ enabled: z.literal(true), label: z.string() }),
  z.strictObject({ enabled: z.literal(false), label: z.null() }),
]);

export type OidcInfo = z.output<typeof oidcInfoResponse>;

/** GET /auth/oidc/start?tiep=/path: where to go back to after signing in (a path of this site). */
export const oidcStartQuery = z.object({ tiep: z.string().max(500).optional() });

/** GET /auth/oidc/callback: what the provider sends back (its own names, RFC 6749 and 9207). */
export const oidcCallbackQuery = z
  .object({
    code: z.string().max(2000).optional(),
    state: z.string().max(2000).optional(),
    iss: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .loose();

/** Why a sign-in by the provider did not open a session: `?oidc=<reason>` on the sign-in page. */
export const OIDC_REFUSALS = [
  /** The person cancelled at the provider, or it refused (access_denied, login_required, …). */
  'provider-refused',
  /** The provider could not be reached, or its answer did not validate (token, issuer, nonce). */
  'provider-failed',
  /** No sign-in was begun in this browser, it took longer than 10 minutes, or it was finished already. */
  'expired',
  /** The answer does not belong to the sign-in this browser began (state). */
  'state-mismatch',
  /** The provider did not say who the person is in the configured claim (or the e-mail is not verified). */
  'claim-missing',
  /** No account in chiso for this person. */
  'unknown-account',
  /** The account is disabled. */
  'inactive-account',
  /** Several active accounts share the e-mail address. */
  'ambiguous-account',
  /** The account is linked to another identity at this provider already. */
  'linked-elsewhere',
  /** Too many sign-ins begun from this network address. */
  'rate-limited',
] as const;

export type OidcRefusal = (typeof OIDC_REFUSALS)[number];
