import type { FastifyReply, FastifyRequest } from 'fastify';

/** Headers every answer carries (decisions 0007 and 0033). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
  // Nothing here films, listens, locates or pays: a script that got in cannot ask for it.
  'permissions-policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
  'cross-origin-opener-policy': 'same-origin',
  // The portal, the open data and the downloads are read on this origin or by navigating to them.
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The web app's policy: scripts only from this origin (no inline script, no eval), inline
 * styles for Mantine, frames (evidence previews) and everything else on this origin.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/** The API documentation (Swagger UI) loads its scripts from this origin too and sets styles inline. */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/** A year, with the subdomains: the operator says the public address is https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export interface SecurityHeaderOptions {
  /** The public address is https (CHISO_PUBLIC_URL): HSTS on every answer, whatever the hop. */
  httpsPublicUrl: boolean;
}

/** onSend hook setting the headers; HSTS also when this answer itself goes out over TLS. */
export function securityHeadersHook(options: SecurityHeaderOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    reply.header(
      'content-security-policy',
      request.url.startsWith('/api/docs') ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    );
    // request.protocol is 'https' over TLS, or behind a trusted proxy that says so.
    if (options.httpsPublicUrl || request.protocol === 'https') {
      reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    }
  };
}
