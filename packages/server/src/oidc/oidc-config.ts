import { z } from 'zod';

/** Sign-in through an OpenID Connect provider (decision 0037); off unless CHISO_OIDC_ISSUER is set. */
export interface OidcConfig {
  /** The provider's issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this server's /api/auth/oidc/callback. */
  redirectUrl: URL;
  /** The sign-in page's button. */
  label: string;
  /** Which claim names the chiso account: its username, or its e-mail address. */
  claim: 'preferred_username' | 'email';
  scopes: string;
}

export const DEFAULT_OIDC_LABEL = 'Đăng nhập qua hệ thống định danh của tỉnh';
/** The username and the e-mail address with its verification (standard OIDC scopes). */
export const DEFAULT_OIDC_SCOPES = 'openid profile email';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** http is only for a provider on this machine (tests, a trial); anything else must be https. */
function isSafeUrl(text: string): boolean {
  // Not a URL at all is the url check's to say.
  if (!URL.canParse(text)) return true;
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

const safeUrl = z
  .url({ protocol: /^https?$/, error: 'cần một địa chỉ https://… (http chỉ cho máy này)' })
  .refine(isSafeUrl, 'cần một địa chỉ https://… (http chỉ cho localhost/127.0.0.1)');

/** The CHISO_OIDC_* variables, merged into the configuration's schema. */
export const oidcEnvironment = {
  CHISO_OIDC_ISSUER: safeUrl.optional(),
  CHISO_OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  CHISO_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  CHISO_OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  CHISO_OIDC_LABEL: z.string().trim().min(1).max(100).default(DEFAULT_OIDC_LABEL),
  CHISO_OIDC_CLAIM: z
    .enum(['preferred_username', 'email'], 'preferred_username (tên đăng nhập) hoặc email')
    .default('preferred_username'),
  CHISO_OIDC_SCOPES: z
    .string()
    .trim()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'các phạm vi cách nhau một dấu cách',
    )
    .refine((scopes) => scopes.split(' ').includes('openid'), 'cần có phạm vi openid')
    .optional(),
};

type OidcEnvironment = z.output<z.ZodObject<typeof oidcEnvironment>>;

/** What goes with what: an issuer needs its client, a client its issuer. */
export function checkOidcEnvironment(e: OidcEnvironment, context: z.RefinementCtx): void {
  const needed = (name: string, message: string) =>
    context.addIssue({ code: 'custom', path: [name], message });
  if (e.CHISO_OIDC_ISSUER) {
    if (!e.CHISO_OIDC_CLIENT_ID)
      needed('CHISO_OIDC_CLIENT_ID', 'cần khi có CHISO_OIDC_ISSUER (mã ứng dụng đã đăng ký)');
    if (!e.CHISO_OIDC_CLIENT_SECRET)
      needed('CHISO_OIDC_CLIENT_SECRET', 'cần khi có CHISO_OIDC_ISSUER (khóa bí mật của ứng dụng)');
  } else if (e.CHISO_OIDC_CLIENT_ID || e.CHISO_OIDC_CLIENT_SECRET || e.CHISO_OIDC_REDIRECT_URL) {
    needed(
      'CHISO_OIDC_ISSUER',
      'cần khi có CHISO_OIDC_CLIENT_ID, _CLIENT_SECRET hoặc _REDIRECT_URL',
    );
  }
}

/** The provider's settings, or undefined when sign-in by OpenID Connect is off. */
export function oidcConfig(e: OidcEnvironment, publicUrl: string): OidcConfig | undefined {
  if (!e.CHISO_OIDC_ISSUER || !e.CHISO_OIDC_CLIENT_ID || !e.CHISO_OIDC_CLIENT_SECRET) return;
  return {
    issuer: new URL(e.CHISO_OIDC_ISSUER),
    clientId: e.CHISO_OIDC_CLIENT_ID,
    clientSecret: e.CHISO_OIDC_CLIENT_SECRET,
    redirectUrl: new URL(e.CHISO_OIDC_REDIRECT_URL ?? `${publicUrl}/api/auth/oidc/callback`),
    label: e.CHISO_OIDC_LABEL,
    claim: e.CHISO_OIDC_CLAIM,
    scopes: e.CHISO_OIDC_SCOPES ?? DEFAULT_OIDC_SCOPES,
  };
}
