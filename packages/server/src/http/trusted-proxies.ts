import { isIP } from 'node:net';

/** Names proxy-addr (behind Fastify's trustProxy) knows for well-known ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The proxies whose X-Forwarded-For is believed, from CHISO_TRUST_PROXY: `0` (or nothing) trusts
 * none; `1` trusts the loopback addresses only (a proxy on the same machine); otherwise a
 * comma-separated list of addresses, CIDR ranges and range names (decision 0031). The client's
 * address is then the right-most hop not in the list, never a value the client wrote first.
 */
export function parseTrustedProxies(
  text: string,
): { proxies: string[] | false } | { badEntry: string } {
  const value = text.trim();
  if (value === '' || value === '0') return { proxies: false };
  if (value === '1') return { proxies: ['loopback'] };
  const proxies: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!isProxyEntry(entry)) return { badEntry: entry };
    proxies.push(entry);
  }
  return { proxies };
}

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
