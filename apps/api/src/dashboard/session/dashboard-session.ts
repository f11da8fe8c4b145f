import { type Request } from 'express';
import { SESSION_COOKIE } from '../../auth/jwt-auth.guard';

/**
 * The board's session: the API's own access token in an HttpOnly cookie (scripts never see it), SameSite=Strict
 * (never sent on requests started by another site), on every path (the board's script calls /api with it), Secure
 * whenever the request came over HTTPS.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

export const BOARD_HOME = '/tablero';

/** Where to go after signing in: a path of the board, never another site (`//evil`, `https://…`, `/api/…`). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return BOARD_HOME;
  return /^\/tablero(?:[/?#]|$)/.test(next) && !next.includes('//') && !next.includes('\\') ? next : BOARD_HOME;
}

/**
 * The board's own forms (login, logout) post from its own pages. Browsers say where a request comes from with
 * `Sec-Fetch-Site` (and `Origin`, which is `null` under this app's `Referrer-Policy: no-referrer`); a post from
 * another site is refused (login CSRF). A request with neither header (curl) carries no cookie of ours to abuse.
 */
export function isSameOriginPost(request: Pick<Request, 'headers'>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  // Hosts, not schemes: behind a TLS-terminating proxy the API itself sees plain HTTP.
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Whether a page was opened from another site (a link in an e-mail): the SameSite=Strict cookie was withheld. */
export function cameFromAnotherSite(request: Pick<Request, 'headers'>): boolean {
  return request.headers['sec-fetch-site'] === 'cross-site';
}
