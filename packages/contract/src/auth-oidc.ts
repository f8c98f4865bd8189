import { z } from 'zod';

// Sign-in through a province's OpenID Connect provider (decision 0037). The start and the
// callback are browser navigations answered with redirects; the sign-in page asks whether the
// way is on, and reads why a sign-in was refused from its own address (`?oidc=<reason>`).

/** GET /auth/oidc: whether sign-in by the provider is on, and the button's words. */
export const oidcInfoResponse = z.union([
  z.strictObject({ enabled: z.literal(true), label: z.string() }),
  z.strictObject({ enabled: z.literal(false), label: z.null() }),
]);

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

export const oidcRefusal = z.enum(OIDC_REFUSALS);

/** The sign-in page's sentence for a refusal; `account` is the name the provider gave, if any. */
export function oidcRefusalMessage(reason: OidcRefusal, account?: string): string {
  const who = account ? `Tài khoản “${account}”` : 'Tài khoản của bạn';
  switch (reason) {
    case 'provider-refused':
      return 'Hệ thống định danh chưa xác nhận đăng nhập (đã hủy hoặc bị từ chối). Vui lòng thử lại.';
    case 'provider-failed':
      return 'Không nhận được xác nhận hợp lệ từ hệ thống định danh. Vui lòng thử lại sau; nếu vẫn lỗi, liên hệ quản trị.';
    case 'expired':
      return 'Lượt đăng nhập qua hệ thống định danh đã hết hạn (quá 10 phút) hoặc đã được dùng. Vui lòng bấm đăng nhập lại.';
    case 'state-mismatch':
      return 'Phản hồi của hệ thống định danh không khớp với lượt đăng nhập bắt đầu trên trình duyệt này. Vui lòng bấm đăng nhập lại.';
    case 'claim-missing':
      return 'Hệ thống định danh không cho biết tên đăng nhập hoặc thư điện tử đã xác minh của bạn; liên hệ quản trị.';
    case 'unknown-account':
      return `${who} chưa được cấp trong chiso; liên hệ quản trị để được cấp tài khoản.`;
    case 'inactive-account':
      return `${who} trong chiso đang bị khóa; liên hệ quản trị.`;
    case 'ambiguous-account':
      return `Có nhiều tài khoản chiso cùng thư điện tử${account ? ` ${account}` : ''}; liên hệ quản trị để tách riêng.`;
    case 'linked-elsewhere':
      return `${who} trong chiso đã gắn với một danh tính khác ở hệ thống định danh; liên hệ quản trị.`;
    case 'rate-limited':
      return 'Có quá nhiều lượt đăng nhập từ địa chỉ mạng này. Vui lòng thử lại sau ít phút.';
  }
}
