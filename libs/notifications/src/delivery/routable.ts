import { isIP } from 'node:net';

// Reserved for documentation, tests and private networks (RFC 2606, 6761, 6762, 8375): mail to or from them never
// crosses the Internet, and links to them open nothing on a recipient's machine.
const RESERVED_SUFFIXES = ['local', 'localhost', 'test', 'example', 'invalid', 'internal', 'lan', 'home.arpa', 'localdomain'];

/** True when `host` is a public DNS name other mail servers can reach (not an IP literal, not a reserved name). */
export function isRoutableDomain(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === '' || isIP(name.replace(/^\[|\]$/g, '')) !== 0 || !name.includes('.')) return false;
  return !RESERVED_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/** True when `url` points at this machine (localhost, a loopback or unspecified address). */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}
