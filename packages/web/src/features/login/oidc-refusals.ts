import type { OidcRefusal } from '@chiso/contract';

/** The sentences for `?oidc=<reason>`: every reason the server sends has one (decision 0037). */
const SENTENCES: Record<OidcRefusal, (who: string, account: string | undefined) => string> = {
  'provider-refused': () =>
    'Hệ thống định danh chưa xác nhận đăng nhập (đã hủy hoặc bị từ chối). Vui lòng thử lại.',
  'provider-failed': () =>
    'Không nhận được xác nhận hợp lệ từ hệ thống định danh. Vui lòng thử lại sau; nếu vẫn lỗi, liên hệ quản trị.',
  expired: () =>
    'Lượt đăng nhập qua hệ thống định danh đã hết hạn (quá 10 phút) hoặc đã được dùng. Vui lòng bấm đăng nhập lại.',
  'state-mismatch': () =>
    'Phản hồi của hệ thống định danh không khớp với lượt đăng nhập bắt đầu trên trình duyệt này. Vui lòng bấm đăng nhập lại.',
  'claim-missing': () =>
    'Hệ thống định danh không cho biết tên đăng nhập hoặc thư điện tử đã xác minh của bạn; liên hệ quản trị.',
  'unknown-account': (who) =>
    `${who} chưa được cấp trong chiso; liên hệ quản trị để được cấp tài khoản.`,
  'inactive-account': (who) => `${who} trong chiso đang bị khóa; liên hệ quản trị.`,
  'ambiguous-account': (_who, account) =>
    `Có nhiều tài khoản chiso cùng thư điện tử${account ? ` ${account}` : ''}; liên hệ quản trị để tách riêng.`,
  'linked-elsewhere': (who) =>
    `${who} trong chiso đã gắn với một danh tính khác ở hệ thống định danh; liên hệ quản trị.`,
  'rate-limited': () =>
    'Có quá nhiều lượt đăng nhập từ địa chỉ mạng này. Vui lòng thử lại sau ít phút.',
};

function isRefusal(reason: string): reason is OidcRefusal {
  return Object.hasOwn(SENTENCES, reason);
}

/**
 * The sign-in page's sentence for `?oidc=<reason>&tai-khoan=<name>`, or undefined without one.
 * The name is the one the provider gave (shown as text, cut to 100 characters).
 */
export function oidcRefusalMessage(params: URLSearchParams): string | undefined {
  const reason = params.get('oidc');
  if (reason === null) return undefined;
  if (!isRefusal(reason))
    return 'Đăng nhập qua hệ thống định danh không thành công. Vui lòng thử lại.';
  const account = params.get('tai-khoan')?.slice(0, 100) || undefined;
  return SENTENCES[reason](account ? `Tài khoản “${account}”` : 'Tài khoản của bạn', account);
}
